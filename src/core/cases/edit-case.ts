import type { CaseEdits, CaseRecord, TimelineEvent } from '../../shared/contract/index.ts';
import type { CaseFields } from '../vault/documents.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { scoreCvssCall } from '../cvss/index.ts';
import { mutateCase, syncIndexEntry, type CaseContext } from './case-store.ts';
import { normaliseInstant } from './create-case.ts';

type FieldEdits = Partial<CaseFields>;

/** Turns contract edits into field values: instants normalised to UTC, the CVSS vector scored. */
function toFieldEdits(edits: CaseEdits): FieldEdits {
  const { cvssVector, ...rest } = edits;
  const fields: FieldEdits = {};
  for (const [field, value] of Object.entries(rest)) {
    if (value !== undefined) (fields as Record<string, unknown>)[field] = value;
  }
  if (fields.disclosedAt) fields.disclosedAt = normaliseInstant(fields.disclosedAt);
  if (fields.releaseDate) fields.releaseDate = normaliseInstant(fields.releaseDate);
  if (fields.upstream) fields.upstream = { ...fields.upstream, date: normaliseInstant(fields.upstream.date) };
  if (cvssVector !== undefined) fields.cvss = cvssVector === null ? null : scoreCvssCall(cvssVector);
  return fields;
}

/**
 * The Fix Lead changes hands only by a handoff the new lead acknowledges (or, for a case with
 * no lead yet, by taking the turn): a plain edit must not go around that rule.
 */
function guardFixLeadChange(current: CaseFields, changes: FieldEdits): void {
  const next = changes.people?.fixLead;
  if (changes.people === undefined || current.people.fixLead === null || next === current.people.fixLead) return;
  throw new EmbargoError(
    'NotAllowed',
    `Case ${current.id} already has a Fix Lead (${current.people.fixLead}); hand it over with "embargo handoff" so the new lead acknowledges it.`,
    { field: 'people.fixLead' },
  );
}

/** Applies edits; each field that really changes becomes one `case.field-changed` event. */
export async function editCase(context: CaseContext, caseId: string, edits: CaseEdits): Promise<CaseRecord> {
  const changes = toFieldEdits(edits);
  const names = Object.keys(changes) as (keyof CaseFields)[];
  const { record } = await mutateCase(
    context,
    caseId,
    (fields) => {
      guardFixLeadChange(fields, changes);
      return { ...fields, ...changes };
    },
    (before, after) =>
      names
        .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
        .map((field) => ({
          type: field === 'cvss' ? 'case.cvss-call' : 'case.field-changed',
          data: { field, from: before[field] ?? null, to: after[field] ?? null },
        })),
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
