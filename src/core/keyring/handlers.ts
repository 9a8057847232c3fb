// The keyring's contract methods. Payloads arrive as text or base64 (IPC carries JSON);
// outputs are public information only.
import type { Handlers, PgpPayload } from '../../shared/contract/index.ts';
import type { CoreSession } from '../session.ts';
import { decryptBytes } from './decrypt.ts';
import { signBytes, verifyBytes } from './detached.ts';
import { encryptBytes } from './encrypt.ts';
import { exportPublicKey, exportSecretKeyToFile } from './export-key.ts';
import { generateOwnKey } from './generate-key.ts';
import { importKeys } from './import-keys.ts';
import { listKeys, showKey } from './list-keys.ts';
import { checkRecipients } from './recipients.ts';
import { importRevocation, revokeOwnKey } from './revoke.ts';
import { readKeyring } from './store.ts';
import { removeKey, setOwnKey, setVerified } from './trust.ts';

type KeyringHandlers = Pick<
  Handlers,
  | 'keyring.list'
  | 'keyring.show'
  | 'keyring.generate'
  | 'keyring.import'
  | 'keyring.exportPublic'
  | 'keyring.exportSecretToFile'
  | 'keyring.verify'
  | 'keyring.unverify'
  | 'keyring.setOwn'
  | 'keyring.remove'
  | 'keyring.checkRecipients'
  | 'keyring.revoke'
  | 'keyring.importRevocation'
  | 'keyring.encrypt'
  | 'keyring.decrypt'
  | 'keyring.signDetached'
  | 'keyring.verifyDetached'
>;

export function payloadBytes(data: PgpPayload): Uint8Array {
  return 'text' in data ? new Uint8Array(Buffer.from(data.text, 'utf8')) : new Uint8Array(Buffer.from(data.base64, 'base64'));
}

/** The bytes as text if they are valid UTF-8, else null. */
function asText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function keyringHandlers(session: CoreSession): KeyringHandlers {
  return {
    'keyring.list': async ({ query }) => listKeys(session, query),
    'keyring.show': async ({ fingerprint }) => showKey(session, fingerprint),
    'keyring.generate': async (input) => generateOwnKey(session, input),
    'keyring.import': async ({ data, passphrase }) => importKeys(session, (Array.isArray(data) ? data : [data]).map(payloadBytes), passphrase),
    'keyring.exportPublic': async ({ fingerprint }) => ({ fingerprint, armored: await exportPublicKey(session, fingerprint) }),
    'keyring.exportSecretToFile': async ({ fingerprint, path, passphrase, confirm }) => {
      await exportSecretKeyToFile(session, { fingerprint, path, passphrase, confirmed: confirm });
      return { fingerprint, path };
    },
    'keyring.verify': async ({ fingerprint }) => setVerified(session, fingerprint, true),
    'keyring.unverify': async ({ fingerprint }) => setVerified(session, fingerprint, false),
    'keyring.setOwn': async ({ fingerprint }) => setOwnKey(session, fingerprint),
    'keyring.remove': async ({ fingerprint, confirmSecret }) => removeKey(session, fingerprint, confirmSecret),
    'keyring.revoke': async ({ fingerprint, reason, description, confirm }) => revokeOwnKey(session, { fingerprint, reason, description, confirmed: confirm }),
    'keyring.importRevocation': async ({ data }) => importRevocation(session, payloadBytes(data)),
    'keyring.checkRecipients': async ({ fingerprints }) => checkRecipients(session, await readKeyring(session), fingerprints),
    'keyring.encrypt': async ({ to, data, filename, sign, encryptToSelf, allowUnverified }) =>
      encryptBytes(session, payloadBytes(data), filename, { to, sign, encryptToSelf, allowUnverified }),
    'keyring.decrypt': async ({ data }) => {
      const decrypted = await decryptBytes(session, payloadBytes(data));
      return {
        base64: Buffer.from(decrypted.data).toString('base64'),
        text: asText(decrypted.data),
        filename: decrypted.filename,
        decryptedWith: decrypted.decryptedWith,
        signatures: decrypted.signatures,
      };
    },
    'keyring.signDetached': async ({ data }) => signBytes(session, payloadBytes(data)),
    'keyring.verifyDetached': async ({ data, signature }) => ({ signatures: await verifyBytes(session, payloadBytes(data), payloadBytes(signature)) }),
  };
}
