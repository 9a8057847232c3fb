// Reading and writing cases inside an open vault. Every change goes through `mutateCase`,
// which appends the timeline events describing it and writes the case document once; if the
// write fails, memory is put back as it was, so what is in memory is always what is on disk.
import type { CaseRecord, CaseSummary, ProcessState, TimelineEvent } from '../../shared/contract/index.ts';
import type { CorePorts } from '../ports.ts';
import type { Vault } from '../vault/vault.ts';
import type { CaseDocument, CaseEntry, CaseFields } from '../vault/documents.ts';
import { chainEvent, type NewEvent } from '../timeline/chain.ts';
import type { KeyedMutex } from '../util/keyed-mutex.ts';

export interface CaseContext {
  vault: Vault;
  ports: CorePorts;
  mutex: KeyedMutex;
}

export function toRecord(document: CaseDocument): CaseRecord {
  return { ...document.case, eventCount: document.events.length };
}

export function entrySummary(id: string, entry: CaseEntry): CaseSummary {
  const { key: _key, ...summary } = entry;
  return { id, ...summary };
}

export function actorName(context: CaseContext): string {
  return context.vault.index.data.settings.actorName;
}

export async function readCase(context: CaseContext, caseId: string): Promise<CaseDocument> {
  const store = await context.vault.caseStore(caseId);
  return store.data;
}

/** `at` is given only for events that happened elsewhere (another team member's, arriving by sync). */
export type EventDraft = Omit<NewEvent, 'at' | 'actor'> & { actor?: string; at?: string };

/**
 * Applies `change` to a copy of the case fields, appends `events(before, after)` to the
 * timeline and writes the document. Returns the new record.
 */
export async function mutateCase(
  context: CaseContext,
  caseId: string,
  change: (fields: CaseFields) => CaseFields,
  events: (before: CaseFields, after: CaseFields) => EventDraft[],
  /** The process engine's change to the document's process state; runs first, under the same lock. */
  changeProcess?: (process: ProcessState, document: CaseDocument, at: string) => ProcessState,
): Promise<{ record: CaseRecord; appended: TimelineEvent[] }> {
  return context.mutex.run(`case:${caseId}`, async () => {
    const store = await context.vault.caseStore(caseId);
    const before = store.data;
    const at = context.ports.now().toISOString();
    const process = changeProcess ? changeProcess(structuredClone(before.process), before, at) : before.process;
    const afterFields = change(structuredClone(before.case));
    const drafts = events(before.case, afterFields);
    const appended: TimelineEvent[] = [];
    let timeline = before.events;
    for (const draft of drafts) {
      const event = chainEvent(caseId, timeline, { at: draft.at ?? at, actor: draft.actor ?? actorName(context), type: draft.type, data: draft.data });
      appended.push(event);
      timeline = [...timeline, event];
    }
    const next: CaseDocument = {
      ...before,
      case: drafts.length > 0 ? { ...afterFields, updatedAt: at } : afterFields,
      process,
      events: timeline,
    };
    store.data = next;
    try {
      await store.write();
    } catch (error) {
      store.data = before;
      throw error;
    }
    return { record: toRecord(next), appended };
  });
}

/** Brings the index's copy of the listed fields up to date, when they changed. */
export async function syncIndexEntry(context: CaseContext, record: CaseRecord): Promise<void> {
  await context.mutex.run('index', async () => {
    const index = context.vault.index;
    const entry = index.data.cases[record.id];
    if (!entry) return;
    const next: CaseEntry = {
      ...entry,
      title: record.title,
      kind: record.kind,
      disclosedAt: record.disclosedAt,
      updatedAt: record.updatedAt,
      releaseDate: record.releaseDate,
      cve: record.cve,
    };
    const { updatedAt: _a, ...prevListed } = entry;
    const { updatedAt: _b, ...nextListed } = next;
    if (JSON.stringify(prevListed) === JSON.stringify(nextListed)) return;
    const before = index.data;
    index.data = { ...before, cases: { ...before.cases, [record.id]: next } };
    try {
      await index.write();
    } catch (error) {
      index.data = before;
      throw error;
    }
  });
}
