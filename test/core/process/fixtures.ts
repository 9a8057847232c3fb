// Case fields and process states for pure schedule tests.
import { emptyProcessState, type ItemRecord, type ProcessState } from '../../../src/shared/contract/process.ts';
import { defaultCaseFields, type CaseFields } from '../../../src/core/vault/documents.ts';
import { profileFor } from '../../../src/core/process/profiles/index.ts';
import { computeSchedule, scheduledItems } from '../../../src/core/process/schedule.ts';
import type { Schedule, ScheduledItem } from '../../../src/shared/contract/index.ts';

export const D = '2026-03-02T09:00:00.000Z'; // a Monday

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function plus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

export function fields(overrides: Partial<CaseFields> = {}, profile = 'kubernetes-2017'): CaseFields {
  return {
    id: 'EMB-0001',
    title: 'Test case',
    kind: 'private',
    disclosedAt: D,
    createdAt: D,
    updatedAt: D,
    profile: { id: profile, version: 1 },
    ...defaultCaseFields(),
    ...overrides,
  };
}

export function done(doneAt: string, by = 'Fix Lead'): ItemRecord {
  return { state: 'done', by, doneAt, recordedAt: doneAt, note: '', evidence: [], reason: '' };
}

export function stateWith(items: Record<string, ItemRecord> = {}, extra: Partial<ProcessState> = {}): ProcessState {
  return { ...emptyProcessState(), items, ...extra };
}

export function schedule(caseFields: CaseFields, state: ProcessState = emptyProcessState(), now = D, zones: string[] = []): Schedule {
  return computeSchedule({ profile: profileFor(caseFields.profile.id, caseFields.profile.version), fields: caseFields, state, now: new Date(now), zones });
}

export function item(result: Schedule, id: string): ScheduledItem {
  const found = scheduledItems(result).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no item ${id} in the schedule`);
  return found;
}

export function cvss(score: number): CaseFields['cvss'] {
  const severity = score === 0 ? 'None' : score < 4 ? 'Low' : score < 7 ? 'Medium' : score < 9 ? 'High' : 'Critical';
  return { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N', score, severity };
}
