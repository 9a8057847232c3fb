// The private distributors list: member organisations with their contacts and keys, membership
// requests checked against the nine criteria of the Security Release Process (each with the
// evidence given and a yes/no), who vouched, the decision, removals with their reason, and the
// leak count the process engine feeds. Everything sent to the list is encrypted to every
// current member, so the list's keyring health is part of the contract.
import { z } from 'zod';
import { method } from './define.ts';
import { caseId, instant } from './common.ts';
import { pgpFingerprint } from './keyring.ts';
import { personId } from './people.ts';

/** The nine membership criteria, in the order and words of the reference text. */
export const MEMBERSHIP_CRITERIA = [
  { id: 'maintained-distribution', text: 'Be an actively maintained distribution of kubernetes components.' },
  { id: 'user-base', text: 'Have a user base not limited to your own organization.' },
  { id: 'security-track-record', text: 'Have a publicly verifiable track record up to present day of fixing security issues.' },
  { id: 'not-downstream', text: 'Not be a downstream or rebuild of another distribution.' },
  { id: 'community-participant', text: 'Be a participant and active contributor in the community.' },
  { id: 'accepts-embargo', text: 'Accept the Embargo Policy that is outlined above.' },
  { id: 'contributes-back', text: 'Be willing to contribute back as outlined above.' },
  { id: 'handles-pgp', text: 'Be willing and able to handle PGP-encrypted email.' },
  { id: 'vouched', text: 'Have someone already on the list vouch for the person requesting membership on behalf of your distribution.' },
] as const;

export const criterionId = z.enum(MEMBERSHIP_CRITERIA.map((criterion) => criterion.id) as [string, ...string[]]);
export type CriterionId = (typeof MEMBERSHIP_CRITERIA)[number]['id'];

export const distributorId = z.string().regex(/^dist-[0-9a-f]{8,}$/, 'a distributor id looks like dist-1a2b3c4d');
export const membershipRequestId = z.string().regex(/^req-[0-9a-f]{8,}$/, 'a request id looks like req-1a2b3c4d');

export const criterionAssessment = z.strictObject({
  criterion: criterionId,
  number: z.number().int().min(1).max(9),
  text: z.string(),
  /** What the requester wrote for it (links, explanations). */
  evidence: z.string(),
  /** The PST's call; null until assessed. */
  met: z.boolean().nullable(),
  assessedAt: instant.nullable(),
});
export type CriterionAssessment = z.infer<typeof criterionAssessment>;

export const membershipVouch = z.strictObject({
  /** The person vouching: a contact of a current member. */
  personId,
  memberId: distributorId,
  note: z.string(),
  at: instant,
});

export const membershipDecision = z.strictObject({
  outcome: z.enum(['accepted', 'rejected']),
  reason: z.string(),
  at: instant,
  /** The member created on acceptance. */
  memberId: distributorId.nullable(),
});

export const membershipRequest = z.strictObject({
  id: membershipRequestId,
  organisation: z.string(),
  distribution: z.string(),
  /** The person requesting on behalf of the distribution. */
  requester: personId,
  receivedAt: instant,
  criteria: z.array(criterionAssessment).length(9),
  vouch: membershipVouch.nullable(),
  decision: membershipDecision.nullable(),
  note: z.string(),
});
export type MembershipRequest = z.infer<typeof membershipRequest>;

export const leakEntry = z.strictObject({
  caseId,
  /** The process engine's leak record id, so feeding the same leak twice counts once. */
  leakId: z.string(),
  at: instant,
  note: z.string(),
});

export const distributorMember = z.strictObject({
  id: distributorId,
  organisation: z.string(),
  distribution: z.string(),
  /** People (role distributor-contact) who receive the list's mail. */
  contacts: z.array(personId),
  /** Keys of the organisation itself (a team key), besides the contacts' keys. */
  fingerprints: z.array(z.string()),
  joinedAt: instant,
  /** A founding member was added directly; the others came through a request. */
  via: z.enum(['founding', 'request']),
  requestId: membershipRequestId.nullable(),
  status: z.enum(['member', 'removed']),
  removedAt: instant.nullable(),
  removalReason: z.string().nullable(),
  leaks: z.array(leakEntry),
  leakCount: z.number().int(),
  note: z.string(),
});
export type DistributorMember = z.infer<typeof distributorMember>;

export const distributorKeyProblem = z.strictObject({
  fingerprint: z.string().nullable(),
  personId: personId.nullable(),
  reason: z.string(),
});

export const memberHealth = z.strictObject({
  memberId: distributorId,
  organisation: z.string(),
  /** The member can receive encrypted mail: at least one usable key. */
  ok: z.boolean(),
  /** Usable keys: in the keyring, verified, valid now, not weak, able to encrypt. */
  recipients: z.array(z.string()),
  /** Keys (or contacts) that cannot receive, each with why. */
  problems: z.array(distributorKeyProblem),
});
export type MemberHealth = z.infer<typeof memberHealth>;

export const listHealth = z.strictObject({
  /** Every current member can receive encrypted mail. */
  ok: z.boolean(),
  members: z.array(memberHealth),
  /** Who cannot, and why: shown before anything is sent. */
  cannotReceive: z.array(z.strictObject({ memberId: distributorId, organisation: z.string(), reasons: z.array(z.string()) })),
  /** Every usable key of every current member: what a message to the list is encrypted to. */
  recipients: z.array(z.string()),
});
export type ListHealth = z.infer<typeof listHealth>;

export const memberView = distributorMember.extend({
  contactNames: z.array(z.string()),
  health: memberHealth,
});
export type MemberView = z.infer<typeof memberView>;

const text = (max: number) => z.string().trim().max(max);
const required = (max: number, what: string) => z.string().trim().min(1, `${what} is empty`).max(max);

export const distributorMethods = {
  'distributors.criteria': method({
    summary: 'The nine membership criteria.',
    input: z.strictObject({}),
    output: z.array(z.strictObject({ id: z.string(), number: z.number().int(), text: z.string() })),
    // The policy's fixed text: reads nothing from the vault.
    allowWhenLocked: true,
  }),
  'distributors.list': method({
    summary: 'Members of the list with their contacts and key health; removed members only when asked.',
    input: z.strictObject({ includeRemoved: z.boolean().default(false) }),
    output: z.array(memberView),
  }),
  'distributors.show': method({ summary: 'One member.', input: z.strictObject({ id: distributorId }), output: memberView }),
  'distributors.addMember': method({
    summary: 'Add a founding member directly (members after the first come through a request).',
    input: z.strictObject({
      organisation: required(200, 'the organisation'),
      distribution: required(200, 'the distribution'),
      contacts: z.array(personId).max(50).default([]),
      fingerprints: z.array(pgpFingerprint).max(50).default([]),
      note: text(5000).default(''),
    }),
    output: memberView,
  }),
  'distributors.updateMember': method({
    summary: "Change a member's organisation, distribution, contacts, keys or note.",
    input: z.strictObject({
      id: distributorId,
      organisation: required(200, 'the organisation').optional(),
      distribution: required(200, 'the distribution').optional(),
      contacts: z.array(personId).max(50).optional(),
      fingerprints: z.array(pgpFingerprint).max(50).optional(),
      note: text(5000).optional(),
    }),
    output: memberView,
  }),
  'distributors.removeMember': method({
    summary: 'Remove a member from the list, with the reason (for example repeated leaks).',
    input: z.strictObject({ id: distributorId, reason: required(5000, 'the reason') }),
    output: memberView,
  }),
  'distributors.recordLeak': method({
    summary: "Count a leak against a member (the process engine feeds it; the same leak counts once).",
    input: z.strictObject({
      id: distributorId,
      caseId,
      leakId: z.string().trim().min(1).max(100),
      at: instant.optional(),
      note: text(5000).default(''),
    }),
    output: memberView,
  }),
  'distributors.requests': method({
    summary: 'Membership requests, open ones first.',
    input: z.strictObject({ open: z.boolean().optional() }),
    output: z.array(membershipRequest),
  }),
  'distributors.openRequest': method({
    summary: 'Record a membership request with the evidence given for each criterion.',
    input: z.strictObject({
      organisation: required(200, 'the organisation'),
      distribution: required(200, 'the distribution'),
      requester: personId,
      receivedAt: instant.optional(),
      evidence: z.partialRecord(criterionId, text(20_000)).default({}),
      note: text(5000).default(''),
    }),
    output: membershipRequest,
  }),
  'distributors.assess': method({
    summary: 'Record the evidence for one criterion and whether it is met.',
    input: z.strictObject({ requestId: membershipRequestId, criterion: criterionId, evidence: text(20_000).optional(), met: z.boolean() }),
    output: membershipRequest,
  }),
  'distributors.vouch': method({
    summary: 'Record who vouches for the request: a contact of a current member (criterion 9).',
    input: z.strictObject({ requestId: membershipRequestId, voucher: personId, note: text(5000).default('') }),
    output: membershipRequest,
  }),
  'distributors.decide': method({
    summary: 'Accept (every criterion met, vouched) or reject a request, with the reason; acceptance adds the member.',
    input: z.strictObject({ requestId: membershipRequestId, outcome: z.enum(['accepted', 'rejected']), reason: required(5000, 'the reason') }),
    output: z.strictObject({ request: membershipRequest, member: memberView.nullable() }),
  }),
  'distributors.health': method({
    summary: 'Can every current member receive encrypted mail? Who cannot, and why; the recipients of a list mail.',
    input: z.strictObject({}),
    output: listHealth,
  }),
} as const;
