import type { Handlers } from '../../shared/contract/index.ts';
import type { CoreSession } from '../session.ts';
import { entrySummary, readCase, toRecord } from './case-store.ts';
import { createCase } from './create-case.ts';
import { addNote, editCase } from './edit-case.ts';

type CaseHandlers = Pick<Handlers, 'case.create' | 'case.list' | 'case.show' | 'case.update' | 'case.timeline' | 'case.note'>;

export function caseHandlers(session: CoreSession): CaseHandlers {
  return {
    'case.create': async (input) => createCase(session.cases(), input),
    'case.list': async () =>
      Object.entries(session.vault().index.data.cases)
        .map(([id, entry]) => entrySummary(id, entry))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)),
    'case.show': async ({ id }) => toRecord(await readCase(session.cases(), id)),
    'case.update': async ({ id, edits }) => editCase(session.cases(), id, edits),
    'case.timeline': async ({ id }) => (await readCase(session.cases(), id)).events,
    'case.note': async ({ id, text }) => addNote(session.cases(), id, text),
  };
}
