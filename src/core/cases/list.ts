// `case.list`: Every case, newest first.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { caseMethods } from '../../shared/contract/cases.ts';
import type { CoreSession } from '../session.ts';
import { entrySummary } from './case-store.ts';

export function listHandler(session: CoreSession): HandlerOf<(typeof caseMethods)['case.list']> {
  return async () =>
  Object.entries(session.vault().index.data.cases)
    .map(([id, entry]) => entrySummary(id, entry))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
