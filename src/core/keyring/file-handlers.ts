// The crypt.* contract methods: the CLI's file-to-file operations (files.ts) by path, for the
// desktop app's Encrypt & sign page. Paths are resolved against the core's working directory,
// as the CLI resolves them against the shell's.
import { resolve } from 'node:path';
import type { Handlers } from '../../shared/contract/index.ts';
import type { CoreSession } from '../session.ts';
import { decryptFile, encryptFile, signFile, verifyFile } from './files.ts';

type CryptMethods = 'crypt.encryptFile' | 'crypt.decryptFile' | 'crypt.signFile' | 'crypt.verifyFile';

export function cryptFileHandlers(session: CoreSession): Pick<Handlers, CryptMethods> {
  return {
    'crypt.encryptFile': ({ input, output, overwrite, ...options }) => encryptFile(session, resolve(input), { path: resolve(output), overwrite }, options),
    'crypt.decryptFile': ({ input, output, overwrite }) => decryptFile(session, resolve(input), { path: resolve(output), overwrite }),
    'crypt.signFile': ({ input, output, overwrite }) => signFile(session, resolve(input), { path: resolve(output), overwrite }),
    'crypt.verifyFile': async ({ input, signature }) => ({ signatures: await verifyFile(session, resolve(input), resolve(signature)) }),
  };
}
