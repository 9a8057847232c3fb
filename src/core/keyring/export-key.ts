// Keys leaving the vault. Public keys freely; secret keys only by an explicit, confirmed
// request, and then protected by an export passphrase (iterated-and-salted S2K, AES-256, the
// protection GnuPG 2.2 reads). The secret export is never returned through the contract: the
// contract's method writes a file, and the CLI prints it itself (see cli/commands/keyring.ts).
import { open } from 'node:fs/promises';
import { encryptKey } from 'openpgp';
import type { CoreSession } from '../session.ts';
import { ConfirmationRequiredError, NoSecretKeyError } from './errors.ts';
import { WRITE_CONFIG } from './pgp-config.ts';
import { requireEntry } from './list-keys.ts';
import { loadPublicKey, loadSecretKey } from './read-keys.ts';
import { readKeyring } from './store.ts';
import { EmbargoError } from '../../shared/errors.ts';

export async function exportPublicKey(session: CoreSession, fingerprint: string): Promise<string> {
  const entry = requireEntry(await readKeyring(session), fingerprint);
  return (await loadPublicKey(entry)).armor();
}

export interface SecretExportRequest {
  fingerprint: string;
  /** Protects the exported key; GnuPG asks for it on import. */
  passphrase: string;
  /** The caller asked the user and the user said yes. */
  confirmed: boolean;
}

export async function exportSecretKey(session: CoreSession, request: SecretExportRequest): Promise<string> {
  if (!request.confirmed) throw new ConfirmationRequiredError(`Exporting the secret key ${request.fingerprint}`);
  if (request.passphrase.length < 8) {
    throw new EmbargoError('InvalidInput', 'Use an export passphrase of at least 8 characters: the exported secret key is protected by it.');
  }
  const entry = requireEntry(await readKeyring(session), request.fingerprint);
  const secret = await loadSecretKey(entry);
  if (!secret) throw new NoSecretKeyError(`The keyring holds only the public part of ${request.fingerprint}.`, { fingerprint: request.fingerprint });
  const locked = await encryptKey({ privateKey: secret, passphrase: request.passphrase, config: WRITE_CONFIG });
  return locked.armor();
}

/** Writes the protected secret key to a new file (never over an existing one), mode 0600. */
export async function exportSecretKeyToFile(session: CoreSession, request: SecretExportRequest & { path: string }): Promise<void> {
  const armored = await exportSecretKey(session, request);
  let handle;
  try {
    handle = await open(request.path, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new EmbargoError('Conflict', `${request.path} already exists; choose a new file name.`, { path: request.path });
    throw new EmbargoError('InvalidInput', `Cannot create ${request.path} (${code ?? 'error'}).`, { path: request.path });
  }
  try {
    await handle.writeFile(armored, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
