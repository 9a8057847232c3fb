// Reading a case's process: its profile, its schedule at `now`, one item of it.
import type { ChecklistItemSpec, ProcessProfile, ProcessState, Schedule, ScheduledItem } from '../../shared/contract/index.ts';
import { EmbargoError, NotFoundError } from '../../shared/errors.ts';
import type { CaseDocument, CaseFields } from '../vault/documents.ts';
import { profileFor } from './profiles/index.ts';
import { computeSchedule, scheduledItems } from './schedule.ts';

export function caseProfile(fields: CaseFields): ProcessProfile {
  return profileFor(fields.profile.id, fields.profile.version);
}

export function scheduleOf(fields: CaseFields, state: ProcessState, now: Date, zones: readonly string[] = []): Schedule {
  return computeSchedule({ profile: caseProfile(fields), fields, state, now, zones });
}

export function documentSchedule(document: CaseDocument, now: Date, zones: readonly string[] = []): Schedule {
  return scheduleOf(document.case, document.process, now, zones);
}

/** The checklist item of this case's profile; refuses ids the profile lacks or that do not apply to the case's kind. */
export function itemSpec(fields: CaseFields, itemId: string): ChecklistItemSpec {
  const profile = caseProfile(fields);
  for (const phase of profile.phases) {
    const spec = phase.items.find((item) => item.id === itemId);
    if (!spec) continue;
    if (!spec.appliesTo.includes(fields.kind)) {
      throw new EmbargoError('NotAllowed', `Checklist item ${itemId} applies only to ${spec.appliesTo.join(' or ')} cases; ${fields.id} is ${fields.kind}.`, {
        item: itemId,
        kind: fields.kind,
      });
    }
    return spec;
  }
  throw new NotFoundError(`checklist item in profile ${profile.id}`, itemId);
}

export function scheduledItem(schedule: Schedule, itemId: string): ScheduledItem {
  const item = scheduledItems(schedule).find((candidate) => candidate.id === itemId);
  if (!item) throw new NotFoundError('checklist item', itemId);
  return item;
}
