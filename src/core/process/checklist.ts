// Ticking, skipping and reopening checklist items. Each is one timeline event recording who,
// when and why; an item is ticked once (reopen it to change the record), and an item whose
// step needs a case field (the email states the Release Date) cannot be ticked without it.
import type { ScheduledItem, TimelineEvent } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { actorName, type CaseContext } from '../cases/case-store.ts';
import { normaliseInstant } from '../cases/create-case.ts';
import type { CaseDocument, CaseFields } from '../vault/documents.ts';
import { itemSpec, scheduleOf, scheduledItem } from './case-process.ts';
import { mutateProcess, type ProcessPlan } from './process-store.ts';

export interface TickInput {
  item: string;
  by?: string;
  doneAt?: string;
  note: string;
  evidence: string[];
}

export interface ItemOutcome {
  item: ScheduledItem;
  event: TimelineEvent;
}

const REQUIREMENT_NAMES = { releaseDate: 'the Release Date', cvss: 'the CVSS call', cve: 'the CVE ID' } as const;

function checkRequirements(fields: CaseFields, itemId: string, requires: readonly (keyof typeof REQUIREMENT_NAMES)[]): void {
  const missing = requires.filter((field) => fields[field] === null);
  if (missing.length === 0) return;
  const names = missing.map((field) => REQUIREMENT_NAMES[field]).join(' and ');
  throw new EmbargoError('NotAllowed', `Record ${names} on ${fields.id} before ticking ${itemId}: this step depends on it.`, {
    item: itemId,
    missing,
  });
}

function single(appended: TimelineEvent[]): TimelineEvent {
  const event = appended[0];
  if (!event) throw new Error('the change was not recorded');
  return event;
}

async function changeItem(
  context: CaseContext,
  caseId: string,
  itemId: string,
  plan: (document: CaseDocument, at: string) => ProcessPlan<null>,
): Promise<ItemOutcome> {
  const { record, process, appended } = await mutateProcess(context, caseId, plan);
  const schedule = scheduleOf(record, process, context.ports.now());
  return { item: scheduledItem(schedule, itemId), event: single(appended) };
}

export async function tickItem(context: CaseContext, caseId: string, input: TickInput): Promise<ItemOutcome> {
  return changeItem(context, caseId, input.item, (document, at) => {
    const spec = itemSpec(document.case, input.item);
    const existing = document.process.items[input.item];
    if (existing) {
      throw new EmbargoError('Conflict', `${input.item} is already ${existing.state} (${existing.doneAt}); reopen it first to change the record.`, {
        item: input.item,
        state: existing.state,
      });
    }
    checkRequirements(document.case, input.item, spec.requires);
    const doneAt = input.doneAt ? normaliseInstant(input.doneAt) : at;
    if (doneAt > at) {
      throw new EmbargoError('InvalidInput', `The time given for ${input.item} (${doneAt}) is in the future.`, { item: input.item, doneAt });
    }
    // Unless told otherwise, the case's Fix Lead did it; without one, whoever runs Embargo.
    const by = input.by ?? document.case.people.fixLead ?? actorName(context);
    const record = { state: 'done' as const, by, doneAt, recordedAt: at, note: input.note, evidence: input.evidence, reason: '' };
    return {
      process: { ...document.process, items: { ...document.process.items, [input.item]: record } },
      events: [{ type: 'process.item-done', data: { item: input.item, title: spec.title, by, doneAt, note: input.note, evidence: input.evidence } }],
      result: null,
    };
  });
}

export async function skipItem(context: CaseContext, caseId: string, itemId: string, reason: string): Promise<ItemOutcome> {
  return changeItem(context, caseId, itemId, (document, at) => {
    const spec = itemSpec(document.case, itemId);
    const existing = document.process.items[itemId];
    if (existing) {
      throw new EmbargoError('Conflict', `${itemId} is already ${existing.state}; reopen it first.`, { item: itemId, state: existing.state });
    }
    const by = actorName(context);
    const record = { state: 'skipped' as const, by, doneAt: at, recordedAt: at, note: '', evidence: [], reason };
    return {
      process: { ...document.process, items: { ...document.process.items, [itemId]: record } },
      events: [{ type: 'process.item-skipped', data: { item: itemId, title: spec.title, optional: spec.optional, reason } }],
      result: null,
    };
  });
}

export async function reopenItem(context: CaseContext, caseId: string, itemId: string, reason: string): Promise<ItemOutcome> {
  return changeItem(context, caseId, itemId, (document) => {
    const spec = itemSpec(document.case, itemId);
    const existing = document.process.items[itemId];
    if (!existing) throw new EmbargoError('Conflict', `${itemId} is neither done nor skipped: there is nothing to reopen.`, { item: itemId });
    const { [itemId]: _removed, ...items } = document.process.items;
    return {
      process: { ...document.process, items },
      events: [{ type: 'process.item-reopened', data: { item: itemId, title: spec.title, was: existing, reason } }],
      result: null,
    };
  });
}
