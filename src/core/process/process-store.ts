// Every process change goes through `mutateCase`, so the process state, any case fields it
// touches and the timeline events describing it are written together, under the case's lock,
// and each change is a hash-chained event. A plan sees the document as it is under the lock
// and may refuse (throw) before anything is written.
import type { CaseRecord, ProcessState, TimelineEvent } from '../../shared/contract/index.ts';
import { mutateCase, syncIndexEntry, type CaseContext, type EventDraft } from '../cases/case-store.ts';
import type { CaseDocument, CaseFields } from '../vault/documents.ts';

export interface ProcessPlan<R> {
  process: ProcessState;
  /** Case fields after the change, when it changes any (the Fix Lead on a handoff). */
  fields?: CaseFields;
  events: EventDraft[];
  /** What the operation returns, besides the record and the events. */
  result: R;
}

export async function mutateProcess<R>(
  context: CaseContext,
  caseId: string,
  plan: (document: CaseDocument, at: string) => ProcessPlan<R>,
): Promise<{ record: CaseRecord; process: ProcessState; appended: TimelineEvent[]; result: R }> {
  let planned: ProcessPlan<R> | null = null;
  const need = (): ProcessPlan<R> => {
    if (!planned) throw new Error('process plan did not run');
    return planned;
  };
  const { record, appended } = await mutateCase(
    context,
    caseId,
    (fields) => need().fields ?? fields,
    () => need().events,
    (_process, document, at) => {
      planned = plan(document, at);
      return planned.process;
    },
  );
  if (need().fields) await syncIndexEntry(context, record);
  return { record, process: need().process, appended, result: need().result };
}

/** Short sequential ids within one case: L1, L2 for leaks; D1 for decisions; H1; R1. */
export function nextId(prefix: string, existing: readonly { id: string }[]): string {
  const taken = existing.map((entry) => Number(entry.id.slice(prefix.length))).filter(Number.isFinite);
  return `${prefix}${Math.max(0, ...taken) + 1}`;
}
