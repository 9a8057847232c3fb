// Membership requests, checked against the nine criteria of the reference text. Each criterion
// keeps the evidence the requester gave and the PST's yes/no; criterion 9 is met only by a
// recorded vouch from a contact of a current member. Acceptance needs all nine; rejection needs
// a reason; either decision is final and recorded.
import { MEMBERSHIP_CRITERIA, type CriterionId, type MemberView, type MembershipRequest } from '../../shared/contract/distributors.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { newId, readPeople, requirePerson } from '../people/store.ts';
import { newMember, viewOne } from './members.ts';
import { mutateDistributors, readDistributors, requireRequest } from './store.ts';
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';

export function listCriteria(): { id: string; number: number; text: string }[] {
  return MEMBERSHIP_CRITERIA.map((criterion, index) => ({ id: criterion.id, number: index + 1, text: criterion.text }));
}

export interface RequestFields {
  organisation: string;
  distribution: string;
  requester: string;
  receivedAt?: string;
  evidence: Partial<Record<string, string>>;
  note: string;
}

function assertOpen(request: MembershipRequest): void {
  if (request.decision) {
    throw new EmbargoError('Conflict', `Request ${request.id} was already ${request.decision.outcome} on ${request.decision.at}.`, { id: request.id });
  }
}

export async function listRequests(session: CoreSession, open?: boolean): Promise<MembershipRequest[]> {
  const document = await readDistributors(session);
  return Object.values(document.requests)
    .filter((request) => open === undefined || (request.decision === null) === open)
    .sort((a, b) => Number(a.decision !== null) - Number(b.decision !== null) || b.receivedAt.localeCompare(a.receivedAt));
}

export async function openRequest(session: CoreSession, fields: RequestFields): Promise<MembershipRequest> {
  requirePerson(await readPeople(session), fields.requester);
  const receivedAt = fields.receivedAt ?? session.ports.now().toISOString();
  return mutateDistributors(session, (draft) => {
    const id = newId('req', session.ports.randomBytes, (candidate) => candidate in draft.requests);
    const request: MembershipRequest = {
      id,
      organisation: fields.organisation,
      distribution: fields.distribution,
      requester: fields.requester,
      receivedAt,
      criteria: MEMBERSHIP_CRITERIA.map((criterion, index) => ({
        criterion: criterion.id,
        number: index + 1,
        text: criterion.text,
        evidence: fields.evidence[criterion.id] ?? '',
        met: null,
        assessedAt: null,
      })),
      vouch: null,
      decision: null,
      note: fields.note,
    };
    draft.requests[id] = request;
    return request;
  });
}

export async function assessCriterion(
  session: CoreSession,
  requestId: string,
  criterion: CriterionId,
  met: boolean,
  evidence?: string,
): Promise<MembershipRequest> {
  const at = session.ports.now().toISOString();
  return mutateDistributors(session, (draft) => {
    const request = requireRequest(draft, requestId);
    assertOpen(request);
    if (criterion === 'vouched' && met && !request.vouch) {
      throw new EmbargoError('Conflict', 'Criterion 9 is met only by a vouch: record who vouches first.', { id: requestId });
    }
    const criteria = request.criteria.map((entry) =>
      entry.criterion === criterion ? { ...entry, met, evidence: evidence ?? entry.evidence, assessedAt: at } : entry,
    );
    const next = { ...request, criteria };
    draft.requests[requestId] = next;
    return next;
  });
}

export async function recordVouch(session: CoreSession, requestId: string, voucher: string, note: string): Promise<MembershipRequest> {
  const person = requirePerson(await readPeople(session), voucher);
  const at = session.ports.now().toISOString();
  return mutateDistributors(session, (draft) => {
    const request = requireRequest(draft, requestId);
    assertOpen(request);
    const member = Object.values(draft.members).find((candidate) => candidate.status === 'member' && candidate.contacts.includes(voucher));
    if (!member) {
      throw new EmbargoError('Conflict', `${person.name} is not a contact of a current member, so cannot vouch.`, { id: requestId, voucher });
    }
    if (request.requester === voucher) throw new EmbargoError('Conflict', 'The requester cannot vouch for their own request.', { id: requestId });
    const evidence = `Vouched for by ${person.name} of ${member.organisation}${note ? `: ${note}` : '.'}`;
    const criteria = request.criteria.map((entry) =>
      entry.criterion === 'vouched' ? { ...entry, met: true, evidence: entry.evidence ? `${entry.evidence}\n${evidence}` : evidence, assessedAt: at } : entry,
    );
    const next: MembershipRequest = { ...request, criteria, vouch: { personId: voucher, memberId: member.id, note, at } };
    draft.requests[requestId] = next;
    return next;
  });
}

export async function decideRequest(
  session: CoreSession,
  requestId: string,
  outcome: 'accepted' | 'rejected',
  reason: string,
): Promise<{ request: MembershipRequest; member: MemberView | null }> {
  const at = session.ports.now().toISOString();
  const decided = await mutateDistributors(session, (draft) => {
    const request = requireRequest(draft, requestId);
    assertOpen(request);
    let memberId: string | null = null;
    if (outcome === 'accepted') {
      const unmet = request.criteria.filter((entry) => entry.met !== true);
      if (unmet.length > 0) {
        throw new EmbargoError(
          'Conflict',
          `Cannot accept: criteria ${unmet.map((entry) => entry.number).join(', ')} are not assessed as met.`,
          { id: requestId, unmet: unmet.map((entry) => entry.criterion) },
        );
      }
      const member = newMember(
        draft,
        session.ports.randomBytes,
        {
          organisation: request.organisation,
          distribution: request.distribution,
          contacts: [request.requester],
          fingerprints: [],
          note: '',
          via: 'request',
          requestId: request.id,
        },
        at,
      );
      draft.members[member.id] = member;
      memberId = member.id;
    }
    const next: MembershipRequest = { ...request, decision: { outcome, reason, at, memberId } };
    draft.requests[requestId] = next;
    return { request: next, member: memberId ? draft.members[memberId]! : null };
  });
  return { request: decided.request, member: decided.member ? await viewOne(session, decided.member) : null };
}

// `distributors.requests`: Membership requests, open ones first.
export function requestsHandler(session: CoreSession): HandlerOf<(typeof distributorMethods)['distributors.requests']> {
  return async ({ open }) => listRequests(session, open);
}
