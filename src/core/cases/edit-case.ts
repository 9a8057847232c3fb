import type { CaseEdits, CaseRecord, TimelineEvent } from '../../shared/contract/index.ts';
import type { CaseFields } from '../vault/documents.ts';
import { mutateCase, syncIndexEntry, type CaseContext } from './case-store.ts';
import { normaliseInstant } from './create-case.ts';

const INSTANT_FIELDS = new Set<keyof CaseEdits>(['disclosedAt', 'releaseDate']);

function normalised(field: keyof CaseEdits, value: unknown): unknown {
  if (INSTANT_FIELDS.has(field) && typeof value === 'string') return normaliseInstant(value);
  return value;
}

/** Applies edits; each field that really changes becomes one `case.field-changed` event. */
export async function editCase(context: CaseContext, caseId: string, edits: CaseEdits): Promise<CaseRecord> {
  const changes = Object.entries(edits).filter(([, value]) => value !== undefined) as [keyof CaseEdits, unknown][];
  const { record } = await mutateCase(
    context,
    caseId,
    (fields) => {
      const next = { ...fields } as Record<string, unknown>;
      for (const [field, value] of changes) next[field] = normalised(field, value);
      return next as CaseFields;
    },
    (before, after) =>
      changes
        .filter(([field]) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
        .map(([field]) => ({ type: 'case.field-changed', data: { field, from: before[field] ?? null, to: after[field] ?? null } })),
  );
  await syncIndexEntry(context, record);
  return record;
}

export async function addNote(context: CaseContext, caseId: string, text: string): Promise<TimelineEvent> {
  const { appended } = await mutateCase(
    context,
    caseId,
    (fields) => fields,
    () => [{ type: 'note', data: { text } }],
  );
  const event = appended[0];
  if (!event) throw new Error('note was not recorded');
  return event;
}
