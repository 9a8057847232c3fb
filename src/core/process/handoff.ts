// Handing a case to another lead. Field practice: "the outgoing lead stays in charge until the
// next one explicitly acknowledges." So a handoff is a pending record with its note (open
// questions, pending items, decisions); only the incoming lead's acknowledgement changes the
// case's Fix Lead. One handoff may be pending at a time.
import type { HandoffRecord, TimelineEvent } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { actorName, type CaseContext } from '../cases/case-store.ts';
import type { CaseDocument } from '../vault/documents.ts';
import { mutateProcess, nextId } from './process-store.ts';

type HandoffOutcome = { handoff: HandoffRecord; event: TimelineEvent };

function pendingHandoff(document: CaseDocument): HandoffRecord | undefined {
  return document.process.handoffs.find((handoff) => handoff.state === 'pending');
}

function outcome(appended: TimelineEvent[], handoff: HandoffRecord): HandoffOutcome {
  const event = appended[0];
  if (!event) throw new Error('the handoff was not recorded');
  return { handoff, event };
}

function replaced(document: CaseDocument, handoff: HandoffRecord): HandoffRecord[] {
  return document.process.handoffs.map((candidate) => (candidate.id === handoff.id ? handoff : candidate));
}

export async function requestHandoff(context: CaseContext, caseId: string, to: string, note: string): Promise<HandoffOutcome> {
  const { appended, result } = await mutateProcess(context, caseId, (document, at) => {
    const pending = pendingHandoff(document);
    if (pending) {
      throw new EmbargoError('Conflict', `A handoff to ${pending.to} is already pending on ${caseId}; cancel it first.`, { handoff: pending.id });
    }
    const from = document.case.people.fixLead;
    if (from === to) throw new EmbargoError('InvalidInput', `${to} is already the Fix Lead of ${caseId}.`, { to });
    const handoff: HandoffRecord = {
      id: nextId('H', document.process.handoffs),
      from,
      to,
      note,
      requestedAt: at,
      state: 'pending',
      closedAt: null,
      closedBy: null,
      reason: '',
    };
    return {
      process: { ...document.process, handoffs: [...document.process.handoffs, handoff] },
      events: [{ type: 'process.handoff-requested', data: { id: handoff.id, from, to, note } }],
      result: handoff,
    };
  });
  return outcome(appended, result);
}

export async function acknowledgeHandoff(context: CaseContext, caseId: string, by: string): Promise<HandoffOutcome> {
  const { appended, result } = await mutateProcess(context, caseId, (document, at) => {
    const pending = pendingHandoff(document);
    if (!pending) throw new EmbargoError('Conflict', `No handoff is pending on ${caseId}.`, {});
    if (by !== pending.to) {
      throw new EmbargoError('NotAllowed', `Only ${pending.to}, the incoming lead, can acknowledge this handoff.`, { to: pending.to, by });
    }
    const handoff: HandoffRecord = { ...pending, state: 'acknowledged', closedAt: at, closedBy: by };
    return {
      process: { ...document.process, handoffs: replaced(document, handoff) },
      fields: { ...document.case, people: { ...document.case.people, fixLead: pending.to } },
      events: [{ type: 'process.handoff-acknowledged', data: { id: handoff.id, from: pending.from, to: pending.to, by, recordedBy: actorName(context) } }],
      result: handoff,
    };
  });
  return outcome(appended, result);
}

export async function cancelHandoff(context: CaseContext, caseId: string, reason: string): Promise<HandoffOutcome> {
  const { appended, result } = await mutateProcess(context, caseId, (document, at) => {
    const pending = pendingHandoff(document);
    if (!pending) throw new EmbargoError('Conflict', `No handoff is pending on ${caseId}.`, {});
    const handoff: HandoffRecord = { ...pending, state: 'cancelled', closedAt: at, closedBy: actorName(context), reason };
    return {
      process: { ...document.process, handoffs: replaced(document, handoff) },
      events: [{ type: 'process.handoff-cancelled', data: { id: handoff.id, to: pending.to, reason } }],
      result: handoff,
    };
  });
  return outcome(appended, result);
}
