// File to file encryption, decryption and signatures, as `embargo encrypt|decrypt|sign|verify`
// do them: the core reads and writes the files by path and streams them (src/core/keyring/files.ts),
// so only paths cross IPC, never a file's content. The desktop app's Encrypt & sign page uses
// these; for pasted text it uses keyring.encrypt/decrypt/signDetached/verifyDetached.
import { z } from 'zod';
import { method } from './define.ts';
import { pgpFingerprint, signatureReport } from './keyring.ts';

const path = z.string().trim().min(1, 'the path is empty').max(4096);

export const cryptMethods = {
  'crypt.encryptFile': method({
    summary: 'Encrypt (and sign) a file to several recipients into an armored file GnuPG reads (the output is written atomically).',
    input: z.strictObject({
      input: path,
      output: path,
      overwrite: z.boolean().default(false),
      to: z.array(pgpFingerprint).min(1).max(500),
      sign: z.boolean().default(false),
      encryptToSelf: z.boolean().default(true),
      allowUnverified: z.boolean().default(false),
    }),
    output: z.strictObject({ output: z.string(), recipients: z.array(z.string()), signedBy: z.string().nullable() }),
  }),
  'crypt.decryptFile': method({
    summary: 'Decrypt a file with a secret key of the vault; the plaintext file appears only when the message is intact and no signature is bad.',
    input: z.strictObject({ input: path, output: path, overwrite: z.boolean().default(false) }),
    output: z.strictObject({ output: z.string(), filename: z.string(), decryptedWith: z.string(), signatures: z.array(signatureReport) }),
  }),
  'crypt.signFile': method({
    summary: "A detached, armored signature of a file by the Fix Lead's key, written to a file.",
    input: z.strictObject({ input: path, output: path, overwrite: z.boolean().default(false) }),
    output: z.strictObject({ output: z.string(), signedBy: z.string() }),
  }),
  'crypt.verifyFile': method({
    summary: 'Check a detached signature file (armored or binary) over a file; a verdict per signature.',
    input: z.strictObject({ input: path, signature: path }),
    output: z.strictObject({ signatures: z.array(signatureReport) }),
  }),
} as const;
