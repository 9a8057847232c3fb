// The team document inside each member's vault (sealed with the vault key like every other
// vault document). It holds only what this member may know: the signed membership chain, the
// data keys of the cases shared with it, its own per-case event logs, the verified logs of the
// others, and the last state seen from each member (the rollback check). Never a secret key.
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { mutateDocument, readDocument, type DocumentSpec } from '../keyring/vault-document.ts';
import type { MembershipVersion } from './membership.ts';
import type { SyncCache } from './sync-cache.ts';
import type { TeamEvent } from './team-events.ts';

export interface CaseShare {
  /** Bumped by every share change; the highest version seen wins (ties: the lower member id). */
  version: number;
  by: string;
  /** Shared with the whole PST: members added later get it too. */
  everyone: boolean;
  /** Member ids the case is shared with. */
  with: string[];
}

export interface TeamCase {
  /** The case's opaque identity across vaults (random, names nothing). */
  tag: string;
  /** The case in this vault, once materialised. */
  localCaseId: string | null;
  share: CaseShare;
  /** Data keys by epoch (base64); a removal starts a new epoch the removed member never gets. */
  keys: Record<string, string>;
  epoch: number;
  /** This member's own events for the case, counter 1, 2, … */
  own: TeamEvent[];
  /** Verified logs of the other members, by member id. */
  others: Record<string, TeamEvent[]>;
  /** How many local timeline events have been turned into team events (or came from the team). */
  cursor: number;
}

export interface SeenState {
  counter: number;
  commit: string;
  /** Where it was seen: the remote URL, or "bundle". Only a remote that goes back on itself is a rollback. */
  via?: string;
}

export interface TeamState {
  teamId: string;
  me: string;
  remotes: Record<string, string>;
  membership: MembershipVersion[];
  /** The counter of this member's latest published state. */
  counter: number;
  /** Digest of what the latest published state carried: an unchanged state is not republished. */
  publishedDigest: string | null;
  seen: Record<string, SeenState>;
  cases: Record<string, TeamCase>;
  lastSyncAt: string | null;
  /** What removed members could read, for the Fix Lead (revocation is not retroactive). */
  removals: { memberId: string; fingerprint: string; at: string; couldRead: { tag: string; caseId: string | null; untilEpoch: number }[] }[];
  /** What the last syncs published, verified and folded: what lets the next one skip the rest (sync-cache.ts). */
  syncCache?: SyncCache;
}

export interface TeamDocument {
  schemaVersion: number;
  team: TeamState | null;
}

export const TEAM_DOCUMENT: DocumentSpec<TeamDocument> = {
  name: 'team',
  initial: () => ({ schemaVersion: 1, team: null }),
};

export function readTeamDocument(session: CoreSession): Promise<TeamDocument> {
  return readDocument(session, TEAM_DOCUMENT);
}

export function mutateTeamDocument<R>(session: CoreSession, change: (draft: TeamDocument) => Promise<R> | R): Promise<R> {
  return mutateDocument(session, TEAM_DOCUMENT, change);
}

export function requireTeam(document: TeamDocument): TeamState {
  if (!document.team) throw new EmbargoError('NoTeam', 'This vault is not in a team: create one with "embargo team init" or join one with "embargo team join".');
  return document.team;
}

export function currentMembers(team: TeamState): MembershipVersion['members'] {
  return team.membership.at(-1)?.members ?? [];
}

export function randomHex(session: CoreSession, bytes: number): string {
  return Buffer.from(session.ports.randomBytes(bytes)).toString('hex');
}

/** The case's current data key. */
export function caseKey(teamCase: TeamCase): Uint8Array {
  const key = teamCase.keys[String(teamCase.epoch)];
  if (!key) throw new EmbargoError('NotAllowed', 'This vault does not hold the current key of a shared case.', { tag: teamCase.tag });
  return new Uint8Array(Buffer.from(key, 'base64'));
}
