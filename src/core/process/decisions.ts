// The slow-down decision. The text: "If the CVSS score is under 4.0 (a low severity score) the
// Fix Team can decide to slow the release process down in the face of holidays, developer
// bandwidth, etc. These decisions must be discussed on the kubernetes-security mailing list."
// So the score alone never changes the schedule: only this recorded decision does, with its
// reason and where it was discussed, and only when the recorded CVSS call is under the
// profile's threshold.
import type { DecisionRecord, TimelineEvent } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { actorName, type CaseContext } from '../cases/case-store.ts';
import { caseProfile } from './case-process.ts';
import { mutateProcess, nextId } from './process-store.ts';
import { asapStatus } from './schedule.ts';

export interface SlowDownInput {
  extendDays: number;
  reason: string;
  discussedOn: string;
}

export async function slowDown(context: CaseContext, caseId: string, input: SlowDownInput): Promise<{ decision: DecisionRecord; event: TimelineEvent }> {
  const { appended, result } = await mutateProcess(context, caseId, (document, at) => {
    const profile = caseProfile(document.case);
    const threshold = profile.slowDownBelowScore;
    if (threshold === null) {
      throw new EmbargoError('NotAllowed', `${profile.title} does not allow slowing the schedule down.`, { profile: profile.id });
    }
    const cvss = document.case.cvss;
    if (!cvss) {
      throw new EmbargoError('NotAllowed', `Record the CVSS call first: only a score under ${threshold} may slow the schedule.`, { threshold });
    }
    if (cvss.score >= threshold) {
      throw new EmbargoError('NotAllowed', `The CVSS score is ${cvss.score}; only a score under ${threshold} may slow the schedule.`, {
        score: cvss.score,
        threshold,
      });
    }
    if (asapStatus(document.case, document.process).asap) {
      throw new EmbargoError('NotAllowed', 'The schedule is "as soon as possible"; it cannot be slowed down.', {});
    }
    const decision: DecisionRecord = {
      id: nextId('D', document.process.decisions),
      type: 'slow-down',
      at,
      by: actorName(context),
      reason: input.reason,
      extendDays: input.extendDays,
      discussedOn: input.discussedOn,
      score: cvss.score,
      leakId: null,
      choice: null,
    };
    return {
      process: { ...document.process, decisions: [...document.process.decisions, decision] },
      events: [{ type: 'process.decision', data: { ...decision } }],
      result: decision,
    };
  });
  const event = appended[0];
  if (!event) throw new Error('the decision was not recorded');
  return { decision: result, event };
}
