// The team vault: several PST members, each with their own vault and key, sharing cases
// end-to-end encrypted through an ordinary git remote (see src/core/team).
import { z } from 'zod';
import { method } from './define.ts';
import { caseId, empty, instant } from './common.ts';
import { pgpFingerprint } from './keyring.ts';

const memberName = z.string().trim().min(1, 'the name is empty').max(200);
const memberEmail = z.email('not an email address').max(320);
export const teamMemberId = z.string().regex(/^[0-9a-f]{32}$/, 'a member id is 32 hex digits');
export const remoteName = z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'a remote name is lower-case letters, digits and dashes');
/** A path or URL git serves; checked again in the core before git sees it. */
export const remoteUrl = z.string().min(1).max(2000);

export const teamMemberInfo = z.strictObject({
  memberId: teamMemberId,
  name: z.string(),
  email: z.string(),
  fingerprint: z.string(),
  me: z.boolean(),
  /** The counter of the member's latest state this vault has verified; 0: none yet. */
  lastSeenCounter: z.number().int().nonnegative(),
});

export const teamFieldConflict = z.strictObject({
  field: z.string(),
  candidates: z.array(z.strictObject({ eventId: z.string(), author: z.string(), value: z.unknown() })),
});
export type TeamFieldConflict = z.infer<typeof teamFieldConflict>;

export const teamCaseInfo = z.strictObject({
  tag: z.string(),
  caseId: caseId.nullable(),
  sharedWith: z.array(teamMemberId),
  epoch: z.number().int(),
  /** Head of the merged, hash-chained case history: equal on every member once converged. */
  head: z.string().nullable(),
  events: z.number().int(),
  chainVerifies: z.boolean(),
  conflicts: z.array(teamFieldConflict),
});
export type TeamCaseInfo = z.infer<typeof teamCaseInfo>;

export const teamInfo = z.strictObject({
  teamId: z.string(),
  me: teamMemberId,
  membershipVersion: z.number().int(),
  members: z.array(teamMemberInfo),
  remotes: z.record(z.string(), z.string()),
  counter: z.number().int(),
  lastSyncAt: instant.nullable(),
  cases: z.array(teamCaseInfo),
  removals: z.array(
    z.strictObject({
      memberId: z.string(),
      fingerprint: z.string(),
      at: z.string(),
      couldRead: z.array(z.strictObject({ tag: z.string(), caseId: z.string().nullable(), untilEpoch: z.number() })),
    }),
  ),
});
export type TeamInfo = z.infer<typeof teamInfo>;

export const teamSyncResult = z.strictObject({
  pulledFrom: z.array(teamMemberId),
  casesUpdated: z.array(caseId),
  conflicts: z.array(z.strictObject({ caseId: caseId.nullable(), field: z.string() })),
  published: z.boolean(),
  counter: z.number().int(),
  exportedTo: z.string().nullable(),
});
export type TeamSyncResult = z.infer<typeof teamSyncResult>;

/** What this vault has that the team has not seen yet (read-only, no network). */
export const teamStatus = z.strictObject({
  /** Local edits of shared cases not yet in a published state: this vault is ahead by these. */
  unsyncedChanges: z.number().int().nonnegative(),
  cases: z.array(
    z.strictObject({
      caseId: caseId,
      unsyncedChanges: z.number().int().nonnegative(),
      /** Conflicts decided here whose decision goes out at the next sync. */
      decided: z.array(z.strictObject({ field: z.string(), to: z.unknown(), candidates: z.array(z.string()) })),
    }),
  ),
});
export type TeamStatus = z.infer<typeof teamStatus>;

/** One step of a running sync: the phases are those of `embargo team sync`'s progress lines. */
export const teamSyncProgress = z.strictObject({
  phase: z.enum(['fetch', 'verify', 'decrypt', 'merge', 'publish', 'push', 'export']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type TeamSyncProgressView = z.infer<typeof teamSyncProgress>;

export const teamMethods = {
  'team.init': method({
    input: z.strictObject({ remote: remoteUrl.optional(), remoteName: remoteName.default('origin') }),
    output: teamInfo,
    summary: 'create a team with this vault’s own key as its first member',
  }),
  'team.join': method({
    input: z.strictObject({ remote: remoteUrl.optional(), importFile: z.string().min(1).optional(), via: pgpFingerprint, remoteName: remoteName.default('origin') }),
    output: teamInfo,
    summary: 'join a team a current member (whose verified key signs its state) added you to',
  }),
  'team.show': method({ input: empty, output: teamInfo, summary: 'members, their sync state, shared cases and conflicts' }),
  'team.status': method({ input: empty, output: teamStatus, summary: 'what this vault changed in shared cases since its last sync (read-only)' }),
  'team.addMember': method({
    input: z.strictObject({ fingerprint: pgpFingerprint, name: memberName, email: memberEmail }),
    output: teamInfo,
    summary: 'add a member by the full fingerprint of a verified key in the keyring (a signed membership change)',
  }),
  'team.removeMember': method({
    input: z.strictObject({ fingerprint: pgpFingerprint }),
    output: teamInfo,
    summary: 'remove a member: open shared cases get new keys; lists what the member could read',
  }),
  'team.share': method({
    input: z.strictObject({ id: caseId, with: z.array(pgpFingerprint).max(200).optional() }),
    output: teamCaseInfo,
    summary: 'share a case with chosen members (default: every member); its key is wrapped to theirs',
  }),
  'team.sync': method({
    input: z.strictObject({ remote: z.string().min(1).max(2000).optional(), exportFile: z.string().min(1).optional(), importFile: z.string().min(1).optional() }),
    output: teamSyncResult,
    summary: 'push this member’s changes and pull everyone else’s (or export/import a git bundle)',
  }),
  'team.syncProgress': method({
    input: empty,
    output: z.strictObject({ progress: teamSyncProgress.nullable() }),
    summary: 'where the running sync is (phase, done, total); null when none runs — the window polls it',
    // Polled while a sync runs: it must not keep an unattended vault open by itself.
    passive: true,
  }),
  'team.decide': method({
    input: z.strictObject({ id: caseId, field: z.string().min(1).max(100), eventId: z.string().regex(/^[0-9a-f]{64}$/) }),
    output: teamCaseInfo,
    summary: 'decide a conflict on a shared case by picking one candidate value (recorded as an event)',
  }),
} as const;
