// The vault-wide roster: Product Security Team members, the round-robin Fix Lead rotation,
// and the Release Managers of each supported minor release. Ids are stable so the keyring
// and people modules can link to them later.
import { z } from 'zod';
import { method } from './define.ts';
import { caseId, empty, instant } from './common.ts';
import { caseRecord } from './cases.ts';

const name = z.string().trim().min(1, 'the name is empty').max(200);
const contact = z.string().trim().max(500);
/** An OpenPGP fingerprint (v4: 40 hex digits, v6: 64), spaces allowed on input. */
export const fingerprint = z
  .string()
  .transform((value) => value.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^([0-9A-F]{40}|[0-9A-F]{64})$/, 'a fingerprint is 40 or 64 hexadecimal digits'));

export const memberId = z.string().regex(/^pst-[0-9a-f]{8,}$/, 'a PST member id looks like pst-1a2b3c4d');
export const managerId = z.string().regex(/^rm-[0-9a-f]{8,}$/, 'a Release Manager id looks like rm-1a2b3c4d');
/** A Kubernetes-style minor release: 1.29. */
export const minorVersion = z.string().regex(/^\d{1,4}\.\d{1,4}$/, 'a minor release looks like 1.29');

export const rosterMember = z.strictObject({
  id: memberId,
  name: z.string(),
  contact: z.string(),
  fingerprint: z.string().nullable(),
  available: z.boolean(),
  /** Why unavailable (holiday, parental leave, …). */
  note: z.string(),
  addedAt: instant,
  /** Left the PST; kept so past cases still name them. */
  removedAt: instant.nullable(),
});
export type RosterMember = z.infer<typeof rosterMember>;

export const leadTurn = z.strictObject({
  caseId,
  memberId,
  /** Whom the rotation proposed when this lead took the case (null: no proposal was made). */
  proposedId: memberId.nullable(),
  at: instant,
});
export type LeadTurn = z.infer<typeof leadTurn>;

export const releaseManager = z.strictObject({
  id: managerId,
  name: z.string(),
  contact: z.string(),
  fingerprint: z.string().nullable(),
  addedAt: instant,
  removedAt: instant.nullable(),
});
export type ReleaseManager = z.infer<typeof releaseManager>;

export const minorRelease = z.strictObject({
  minor: minorVersion,
  createdAt: instant,
  /** Deprecated minors keep their history; their Release Managers are off the active roster. */
  deprecatedAt: instant.nullable(),
  releaseManagers: z.array(releaseManager),
});
export type MinorRelease = z.infer<typeof minorRelease>;

export const roster = z.strictObject({
  members: z.array(rosterMember),
  leads: z.array(leadTurn),
  minors: z.array(minorRelease),
});
export type Roster = z.infer<typeof roster>;

export const rotationEntry = z.strictObject({
  member: rosterMember,
  lastLedAt: instant.nullable(),
  casesLed: z.number().int(),
  /** Why the rotation passes over this member now; null when eligible. */
  skipped: z.string().nullable(),
});

export const fixLeadProposal = z.strictObject({
  proposed: rosterMember.nullable(),
  /** Everyone on the PST in the order the rotation would offer the turn. */
  order: z.array(rotationEntry),
});
export type FixLeadProposal = z.infer<typeof fixLeadProposal>;

export const rosterMethods = {
  'roster.show': method({ summary: 'The PST, the Fix Lead turns taken, and the Release Managers per minor release.', input: empty, output: roster }),
  'roster.addMember': method({
    summary: 'Add a Product Security Team member.',
    input: z.strictObject({ name, contact: contact.default(''), fingerprint: fingerprint.nullable().default(null) }),
    output: rosterMember,
  }),
  'roster.updateMember': method({
    summary: 'Change a member: name, contact, fingerprint, availability (with a note).',
    input: z.strictObject({
      memberId,
      name: name.optional(),
      contact: contact.optional(),
      fingerprint: fingerprint.nullable().optional(),
      available: z.boolean().optional(),
      note: z.string().max(1000).optional(),
    }),
    output: rosterMember,
  }),
  'roster.removeMember': method({
    summary: 'Take a member off the PST (kept in the history of past cases).',
    input: z.strictObject({ memberId }),
    output: rosterMember,
  }),
  'roster.proposeFixLead': method({
    summary: 'The next Fix Lead by round-robin rotation, skipping the unavailable.',
    input: empty,
    output: fixLeadProposal,
  }),
  'roster.takeFixLead': method({
    summary: 'Record who took the Fix Lead turn for a case (sets the case’s Fix Lead; a timeline event).',
    input: z.strictObject({ caseId, memberId }),
    output: z.strictObject({ turn: leadTurn, case: caseRecord }),
  }),
  'roster.addMinor': method({
    summary: 'A minor release was created: it gets Release Managers.',
    input: z.strictObject({ minor: minorVersion }),
    output: minorRelease,
  }),
  'roster.deprecateMinor': method({
    summary: 'A minor release was deprecated: its Release Managers leave the active roster.',
    input: z.strictObject({ minor: minorVersion }),
    output: minorRelease,
  }),
  'roster.addReleaseManager': method({
    summary: 'Add a Release Manager to a supported minor release.',
    input: z.strictObject({ minor: minorVersion, name, contact: contact.default(''), fingerprint: fingerprint.nullable().default(null) }),
    output: releaseManager,
  }),
  'roster.removeReleaseManager': method({
    summary: 'Remove a Release Manager from a minor release.',
    input: z.strictObject({ minor: minorVersion, managerId }),
    output: releaseManager,
  }),
} as const;
