// Who a message may be encrypted to. Each recipient must be in the keyring, valid now (not
// revoked, not expired), have an encryption (sub)key, not be weak, and be verified unless the
// caller explicitly allows unverified keys for this one call.
import type { KeyID, PublicKey } from 'openpgp';
import type { KeyInfo, KeyWarning } from '../../shared/contract/keyring.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { encryptionKeyOf } from './describe-key.ts';
import { KeyNotFoundError, KeyNotVerifiedError, KeyUnusableError, WeakKeyError } from './errors.ts';
import { describeEntry } from './list-keys.ts';
import { loadPublicKey } from './read-keys.ts';
import type { KeyringDocument } from './store.ts';

export interface Recipient {
  fingerprint: string;
  key: PublicKey;
  /** The subkey we checked; encryption is pinned to it so openpgp.js cannot pick another. */
  encryptionKeyId: KeyID;
  info: KeyInfo;
}

export interface RecipientCheck {
  fingerprint: string;
  ok: boolean;
  code: string | null;
  reason: string | null;
  warnings: KeyWarning[];
}

/** The recipient, or the coded error saying why it cannot receive (unverified aside). */
async function resolveOne(document: KeyringDocument, fingerprint: string, now: Date): Promise<Recipient> {
  const entry = document.keys[fingerprint];
  if (!entry) throw new KeyNotFoundError(fingerprint);
  const key = await loadPublicKey(entry);
  const info = await describeEntry(document, entry, now, key);
  if (info.revoked) throw new KeyUnusableError(fingerprint, `it is revoked${info.revocationReason ? ` (${info.revocationReason})` : ''}`);
  if (info.expired) throw new KeyUnusableError(fingerprint, `it expired on ${info.expires!.slice(0, 10)}`);
  if (info.weakness) throw new WeakKeyError(fingerprint, info.weakness);
  const encryption = await encryptionKeyOf(key, now);
  if (!encryption.key) throw new KeyUnusableError(fingerprint, `it has no valid encryption key (${encryption.problem})`);
  return { fingerprint, key, encryptionKeyId: encryption.key.getKeyID(), info };
}

export async function resolveRecipients(
  document: KeyringDocument,
  fingerprints: string[],
  options: { now: Date; allowUnverified: boolean },
): Promise<Recipient[]> {
  const unique = [...new Set(fingerprints)];
  const recipients: Recipient[] = [];
  for (const fingerprint of unique) recipients.push(await resolveOne(document, fingerprint, options.now));
  const unverified = recipients.filter((recipient) => !recipient.info.verified).map((recipient) => recipient.fingerprint);
  if (unverified.length > 0 && !options.allowUnverified) throw new KeyNotVerifiedError(unverified);
  return recipients;
}

/** Never throws for a key problem: the answer says what is wrong (for health checks and the UI). */
export async function checkRecipient(document: KeyringDocument, fingerprint: string, now: Date): Promise<RecipientCheck> {
  try {
    const recipient = await resolveOne(document, fingerprint, now);
    if (!recipient.info.verified) {
      return { fingerprint, ok: false, code: 'KeyNotVerified', reason: 'its fingerprint is not verified', warnings: recipient.info.warnings };
    }
    return { fingerprint, ok: true, code: null, reason: null, warnings: recipient.info.warnings };
  } catch (error) {
    if (!(error instanceof EmbargoError)) throw error;
    const reason = typeof error.data.reason === 'string' ? error.data.reason : error.code === 'NotFound' ? 'it is not in the keyring' : error.message;
    return { fingerprint, ok: false, code: error.code, reason, warnings: [] };
  }
}

export async function checkRecipients(session: CoreSession, document: KeyringDocument, fingerprints: string[]): Promise<RecipientCheck[]> {
  const now = session.ports.now();
  return Promise.all(fingerprints.map((fingerprint) => checkRecipient(document, fingerprint, now)));
}
