// Reading the keyring: entries by fingerprint, described at the session's `now`.
import type { PublicKey } from 'openpgp';
import type { KeyInfo } from '../../shared/contract/keyring.ts';
import type { CoreSession } from '../session.ts';
import { describeKey } from './describe-key.ts';
import { KeyNotFoundError } from './errors.ts';
import { loadPublicKey } from './read-keys.ts';
import { readKeyring, type KeyEntry, type KeyringDocument } from './store.ts';

export function requireEntry(document: KeyringDocument, fingerprint: string): KeyEntry {
  const entry = document.keys[fingerprint];
  if (!entry) throw new KeyNotFoundError(fingerprint);
  return entry;
}

export async function describeEntry(document: KeyringDocument, entry: KeyEntry, now: Date, key?: PublicKey): Promise<KeyInfo> {
  return describeKey(key ?? (await loadPublicKey(entry)), { entry, own: document.ownFingerprint === entry.fingerprint, now });
}

function matches(info: KeyInfo, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  const compact = needle.replace(/\s+/g, '');
  return (
    info.fingerprint.toLowerCase().includes(compact) ||
    info.userIds.some((userId) => userId.toLowerCase().includes(needle)) ||
    info.subkeys.some((subkey) => subkey.fingerprint.toLowerCase().includes(compact))
  );
}

/** Every key, own key first, then by primary user ID. */
export async function listKeys(session: CoreSession, query = ''): Promise<KeyInfo[]> {
  const document = await readKeyring(session);
  const now = session.ports.now();
  const infos = await Promise.all(Object.values(document.keys).map((entry) => describeEntry(document, entry, now)));
  return infos
    .filter((info) => matches(info, query))
    .sort((a, b) => Number(b.own) - Number(a.own) || (a.primaryUserId ?? '').localeCompare(b.primaryUserId ?? '') || a.fingerprint.localeCompare(b.fingerprint));
}

export async function showKey(session: CoreSession, fingerprint: string): Promise<KeyInfo> {
  const document = await readKeyring(session);
  return describeEntry(document, requireEntry(document, fingerprint), session.ports.now());
}

/** How many keys the vault holds (for `vault status`). */
export async function countKeys(session: CoreSession): Promise<number> {
  return Object.keys((await readKeyring(session)).keys).length;
}
