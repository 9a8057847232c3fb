// Importing a received mail into a case: a `.eml` (a distributor's answer, say) whose PGP
// content (PGP/MIME encrypted or signed, inline PGP, cleartext-signed) is decrypted and checked
// with the keyring, then recorded on the case's timeline, which lives encrypted in the vault.
import { z } from 'zod';
import { method } from './define.ts';
import { caseId } from './common.ts';
import { signatureReport } from './keyring.ts';

/** 32 MiB of mail, as base64 over IPC. */
const MAX_EML_BASE64 = Math.ceil((32 * 1024 * 1024) / 3) * 4;

export const mailProtection = z.enum(['pgp-mime-encrypted', 'pgp-mime-signed', 'inline-encrypted', 'inline-signed', 'cleartext-signed', 'none']);
export type MailProtection = z.infer<typeof mailProtection>;

export const importedMail = z.strictObject({
  caseId,
  /** The timeline event that records it. */
  eventSeq: z.number().int().min(1),
  /** SHA-256 of the .eml as given: the same file is not imported twice. */
  sha256: z.string(),
  messageId: z.string().nullable(),
  from: z.string().nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  /** The protected subject (RFC 9788) when the encrypted part carries one, else the outer one. */
  subject: z.string(),
  date: z.string().nullable(),
  protection: mailProtection,
  decryptedWith: z.string().nullable(),
  signatures: z.array(signatureReport),
  /** The text as its sender wrote it (decrypted, dash-unescaped). */
  text: z.string(),
  attachments: z.array(z.strictObject({ filename: z.string().nullable(), mediaType: z.string(), size: z.number().int(), sha256: z.string() })),
});
export type ImportedMail = z.infer<typeof importedMail>;

export const mailImportMethods = {
  'mail.importEml': method({
    summary: "Import a received mail (.eml) into a case: PGP content decrypted and verified with the keyring, recorded on the timeline.",
    input: z.strictObject({
      caseId,
      eml: z.base64().min(1, 'the mail is empty').max(MAX_EML_BASE64, 'larger than 32 MiB: not a mail to import'),
      /** The file's name, for the record. */
      name: z.string().max(255).default(''),
    }),
    output: importedMail,
  }),
} as const;
