// What makes a sync cost the change rather than the vault: for each shared case, what this
// member last published (the digest of what went into each record and the blob that holds it),
// what it last verified from each member (the blobs, by oid and signed hash), and what the last
// fold of the case found (so an unchanged case is neither re-folded nor re-materialised). It is
// kept in the team document, sealed with the vault key like everything else there; the remote
// never sees it. Losing it only costs one full sync.
import { canonicalJson, sha256Hex } from './team-crypto.ts';
import type { TeamCase } from './team-store.ts';

/** One record we wrote: the digest of its plaintext inputs, its blob and the hash the manifest signs. */
export interface PublishedRecord {
  digest: string;
  oid: string;
  sha256: string;
}

export interface PublishedCase {
  keys: PublishedRecord;
  log: PublishedRecord;
}

/** One case record of a member's state, as verified: the same oids and hashes need no second look. */
export interface VerifiedCase {
  epoch: number;
  keys: string;
  keysSha256: string;
  log: string;
  logSha256: string;
  /** Whether it was addressed to this member (a case not shared with us stays unread). */
  readable: boolean;
}

export interface FoldedCaseCache {
  /** Which logs, at which lengths and heads, the fold saw (and the local case it wrote to). */
  fingerprint: string;
  conflicts: string[];
}

export interface SyncCache {
  published: Record<string, PublishedCase>;
  verified: Record<string, Record<string, VerifiedCase>>;
  folded: Record<string, FoldedCaseCache>;
}

export function emptySyncCache(): SyncCache {
  return { published: {}, verified: {}, folded: {} };
}

/**
 * Cheap and exact: logs are append-only and every event id hashes its content and parents.
 * Empty logs fold to nothing, so a member's first (empty) log of a case changes nothing.
 */
export function caseFingerprint(teamCase: TeamCase): string {
  const logs = [['', teamCase.own] as const, ...Object.entries(teamCase.others).sort(([a], [b]) => a.localeCompare(b))].filter(([, log]) => log.length > 0);
  return sha256Hex(canonicalJson({ local: teamCase.localCaseId, logs: logs.map(([member, log]) => [member, log.length, log.at(-1)?.id ?? null]) }));
}
