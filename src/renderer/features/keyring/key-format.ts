// How keys read on screen. A fingerprint is always shown whole or as its last 16 digits (the
// long key ID, as GnuPG prints it), in groups of four: never the 8-digit short ID, which is
// trivially forged.
import type { KeyInfo, KeyWarningCode, SubkeyInfo } from '../../../shared/contract/index.ts';

/** "ABCD1234…" → "ABCD 1234 …" (groups of four, upper case, spaces ignored on input). */
export function groupFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/\s+/g, '').toUpperCase();
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The groups of four as a list, for the compare screen. */
export function fingerprintGroups(fingerprint: string): string[] {
  return groupFingerprint(fingerprint).split(' ').filter((group) => group !== '');
}

/** The long key ID (last 16 hex digits) in groups of four: "89AB CDEF 0123 4567". */
export function shortFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/\s+/g, '').toUpperCase();
  return groupFingerprint(hex.slice(-16));
}

/** "Jane Doe <jane@example.org>" → { name: "Jane Doe", email: "jane@example.org" }. */
export function splitUserId(userId: string | null): { name: string; email: string | null } {
  if (userId === null || userId.trim() === '') return { name: 'No user ID', email: null };
  const match = /^(.*?)\s*<([^<>]+)>\s*$/.exec(userId);
  if (!match) return { name: userId, email: null };
  const name = (match[1] ?? '').trim();
  return { name: name === '' ? (match[2] ?? userId) : name, email: match[2] ?? null };
}

/** The order warnings are shown in: what stops encryption first. */
const WARNING_ORDER: KeyWarningCode[] = ['revoked', 'expired', 'invalid', 'weak', 'no-encryption-key', 'expiring-soon', 'unverified'];

export const WARNING_LABELS: Record<KeyWarningCode, string> = {
  revoked: 'Revoked',
  expired: 'Expired',
  invalid: 'Not valid',
  weak: 'Too weak',
  'no-encryption-key': 'No encryption key',
  'expiring-soon': 'Expires within 30 days',
  unverified: 'Unverified',
};

/** Warnings that stop mail being encrypted to the key (as opposed to "look at this"). */
export function isBlocking(code: KeyWarningCode): boolean {
  return code !== 'expiring-soon' && code !== 'unverified';
}

export function sortWarnings<T extends { code: KeyWarningCode }>(warnings: T[]): T[] {
  return [...warnings].sort((a, b) => WARNING_ORDER.indexOf(a.code) - WARNING_ORDER.indexOf(b.code));
}

/** "2027-03-01" or "never". */
export function dateOnly(iso: string | null): string {
  return iso === null ? 'never' : iso.slice(0, 10);
}

export type KeyState = 'valid' | 'expired' | 'revoked' | 'invalid';

export function subkeyState(subkey: SubkeyInfo): KeyState {
  if (subkey.revoked) return 'revoked';
  if (subkey.expired) return 'expired';
  return subkey.valid ? 'valid' : 'invalid';
}

export const USAGE_LABELS: Record<SubkeyInfo['usage'][number], string> = {
  certify: 'Certify',
  sign: 'Sign',
  encrypt: 'Encrypt',
  authenticate: 'Authenticate',
};

/** Filters of the keyring table, beside the text search. */
export type KeyFilter = 'all' | 'unverified' | 'attention';

export function applyKeyFilter(keys: KeyInfo[], filter: KeyFilter): KeyInfo[] {
  if (filter === 'unverified') return keys.filter((key) => !key.verified);
  if (filter === 'attention') return keys.filter((key) => key.warnings.some((warning) => warning.code !== 'unverified'));
  return keys;
}

/** Keys the sidebar counts: imported, not yet compared with their owners. */
export function awaitingVerification(keys: KeyInfo[]): number {
  return keys.filter((key) => !key.verified && !key.revoked && !key.expired).length;
}

/** What a file picked in the import dialog becomes: base64, so binary exports cross intact. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** The file name a saved public key gets: 0x + long key ID, as keyservers name them. */
export function publicKeyFileName(fingerprint: string): string {
  return `0x${fingerprint.replace(/\s+/g, '').toUpperCase().slice(-16)}.asc`;
}
