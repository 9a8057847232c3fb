// How the team reads on screen: members by name (ids are opaque), candidate values in words,
// and for each sync failure what the Fix Lead can do about it (the core's message says what
// went wrong; this says what to do next).
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { TeamInfo } from '../../../shared/contract/index.ts';
import { formatLocal, formatUtc } from '../../lib/time.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

export function memberName(team: TeamInfo, memberId: string): string {
  const member = team.members.find((candidate) => candidate.memberId === memberId);
  if (!member) return 'a former member';
  return member.me ? `${member.name} (you)` : member.name;
}

export function sameFingerprint(a: string, b: string): boolean {
  return a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();
}

/** A candidate value as the conflict dialog shows it: instants in UTC and local time, text as it is, the rest as JSON. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(not set)';
  if (typeof value === 'string' && INSTANT.test(value)) return `${formatUtc(value)} (${formatLocal(value)})`;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}

/** "releaseDate" → "Release date". */
export function fieldLabel(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ADVICE: Record<string, string> = {
  GitFailed:
    'Check that the team remote is reachable from this machine (the path exists, the disk is mounted, or the network to the server is up), then sync again. Nothing was changed.',
  RemoteTampered: 'Someone or something changed the remote. Nothing was changed here: tell the team before anyone syncs again.',
  RemoteRolledBack: 'The remote went back to an older state. Nothing was changed here: ask the team who restored the remote, and do not sync until it is put right.',
  NotATeamMember: 'Ask the member who added you to sync first, then try again.',
  KeyNotVerified: 'Open the Keyring, compare the fingerprint with its owner and mark the key verified, then try again.',
  NoTeam: 'Create a team or join one below.',
  NoSecretKey: 'Generate your own key on the Keyring page (or import your secret key) first: the team knows you by it.',
};

/** What to do after a failed team operation, or null when the message alone says it. */
export function adviceFor(error: ErrorInfo): string | null {
  return ADVICE[error.code] ?? null;
}
