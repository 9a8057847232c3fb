// Embargo breaks. A leak is recorded as it was reported (what, to whom, when, by whom, which
// distributor) and adds a retrospective item; the Fix Lead's decision — release earlier or
// continue — is recorded separately, because the text has the PST "assess the damage" first.
// Releasing earlier turns the whole schedule "as soon as possible" ("When in doubt push
// forward and go public ASAP"). Leaks are counted per distributor across every case, since a
// member that keeps leaking is removed from the list.
import type { DecisionRecord, LeakRecord, RetroItem, TimelineEvent } from '../../shared/contract/index.ts';
import { EmbargoError, NotFoundError } from '../../shared/errors.ts';
import { actorName, readCase, type CaseContext } from '../cases/case-store.ts';
import { normaliseInstant } from '../cases/create-case.ts';
import { mutateProcess, nextId } from './process-store.ts';

export interface LeakInput {
  what: string;
  toWhom: string;
  when: string;
  reportedBy: string;
  distributor: string | null;
}

export async function recordLeak(context: CaseContext, caseId: string, input: LeakInput): Promise<{ leak: LeakRecord; events: TimelineEvent[] }> {
  const { appended, result } = await mutateProcess(context, caseId, (document, at) => {
    const when = normaliseInstant(input.when);
    if (when > at) throw new EmbargoError('InvalidInput', `The leak's time (${when}) is in the future.`, { when });
    const leak: LeakRecord = {
      id: nextId('L', document.process.leaks),
      what: input.what,
      toWhom: input.toWhom,
      when,
      reportedBy: input.reportedBy,
      distributor: input.distributor,
      recordedAt: at,
      decisionId: null,
    };
    const retro: RetroItem = {
      id: nextId('R', document.process.retroItems),
      text: `Embargo break ${leak.id}: ${leak.what} reached ${leak.toWhom}${leak.distributor ? ` through ${leak.distributor}` : ''}. How do we not make the same mistake again?`,
      source: 'leak',
      ref: leak.id,
      at,
    };
    return {
      process: { ...document.process, leaks: [...document.process.leaks, leak], retroItems: [...document.process.retroItems, retro] },
      events: [{ type: 'process.leak-recorded', data: { leak: { ...leak }, retroItem: retro.id } }],
      result: leak,
    };
  });
  return { leak: result, events: appended };
}

export async function decideLeak(
  context: CaseContext,
  caseId: string,
  input: { leak: string; choice: 'release-earlier' | 'continue'; reason: string },
): Promise<{ leak: LeakRecord; decision: DecisionRecord; events: TimelineEvent[] }> {
  const { appended, result } = await mutateProcess(context, caseId, (document, at) => {
    const leak = document.process.leaks.find((candidate) => candidate.id === input.leak);
    if (!leak) throw new NotFoundError(`leak on ${caseId}`, input.leak);
    if (leak.decisionId !== null) {
      throw new EmbargoError('Conflict', `Leak ${leak.id} was already decided (${leak.decisionId}).`, { leak: leak.id, decision: leak.decisionId });
    }
    const decision: DecisionRecord = {
      id: nextId('D', document.process.decisions),
      type: 'leak-response',
      at,
      by: actorName(context),
      reason: input.reason,
      extendDays: null,
      discussedOn: '',
      score: null,
      leakId: leak.id,
      choice: input.choice,
    };
    const decided: LeakRecord = { ...leak, decisionId: decision.id };
    const turnsAsap = input.choice === 'release-earlier' && document.process.asapSince === null;
    return {
      process: {
        ...document.process,
        leaks: document.process.leaks.map((candidate) => (candidate.id === leak.id ? decided : candidate)),
        decisions: [...document.process.decisions, decision],
        asapSince: turnsAsap ? at : document.process.asapSince,
        asapReason: turnsAsap ? `Releasing earlier after embargo break ${leak.id}: all timelines become ASAP.` : document.process.asapReason,
      },
      events: [{ type: 'process.leak-decision', data: { ...decision, scheduleAsap: turnsAsap } }],
      result: { leak: decided, decision },
    };
  });
  return { ...result, events: appended };
}

export interface LeakCount {
  distributor: string;
  count: number;
  cases: string[];
}

/** Leaks per distributor across the vault; names compare without case or surrounding space. */
export async function leakCounts(context: CaseContext): Promise<LeakCount[]> {
  const counts = new Map<string, LeakCount>();
  for (const caseId of Object.keys(context.vault.index.data.cases).sort()) {
    const document = await readCase(context, caseId);
    for (const leak of document.process.leaks) {
      if (!leak.distributor) continue;
      const key = leak.distributor.trim().toLowerCase();
      const entry = counts.get(key) ?? { distributor: leak.distributor.trim(), count: 0, cases: [] };
      entry.count += 1;
      if (!entry.cases.includes(caseId)) entry.cases.push(caseId);
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.distributor.localeCompare(b.distributor));
}
