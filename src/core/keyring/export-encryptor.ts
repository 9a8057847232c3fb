// What the workspace (and the mail composer) needs from the keyring to seal an export:
// encrypt-and-sign bytes to fingerprints, and sign bytes detached, with the Fix Lead's own key.
import type { CoreSession } from '../session.ts';
import type { ExportEncryptor } from '../workspace/encryption.ts';
import { encryptBytes } from './encrypt.ts';
import { signBytes } from './detached.ts';

export function keyringEncryptor(session: CoreSession): ExportEncryptor {
  return {
    encrypt: async (bytes, recipients, { sign }) => {
      // The Fix Lead chose these recipients on the export dialog after the key-health check;
      // unverified keys are still refused by the keyring unless verified first.
      const sealed = await encryptBytes(session, bytes, '', { to: recipients, sign, encryptToSelf: true, allowUnverified: false });
      return Buffer.from(sealed.armored, 'utf8');
    },
    signDetached: async (bytes) => (await signBytes(session, bytes)).armored,
  };
}
