// The PGP keyring's contract. Outputs carry public information only: no method returns secret
// key material (the secret export writes a passphrase-protected file and returns its path).
// File contents cross IPC as JSON, so payloads are text or base64 and bounded in size; the
// CLI streams large files through core functions instead (src/core/keyring/files.ts).
import { z } from 'zod';
import { method } from './define.ts';
import { instant } from './common.ts';

/** An OpenPGP fingerprint (v4: 40 hex digits, v6: 64); spaces allowed on input, upper-case out. */
export const pgpFingerprint = z
  .string()
  .max(200)
  .transform((value) => value.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^([0-9A-F]{40}|[0-9A-F]{64})$/, 'a fingerprint is 40 (or 64) hexadecimal digits, not a key ID'));

/** 32 MiB of content; larger files go through the CLI's streaming commands. */
const MAX_TEXT = 32 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_TEXT / 3) * 4;

/** Content as UTF-8 text or as base64 bytes. */
export const pgpPayload = z.union([
  z.strictObject({ text: z.string().max(MAX_TEXT, 'larger than 32 MiB: use the CLI, which streams files') }),
  z.strictObject({ base64: z.base64().max(MAX_BASE64, 'larger than 32 MiB: use the CLI, which streams files') }),
]);
export type PgpPayload = z.infer<typeof pgpPayload>;

export const keyAlgorithm = z.strictObject({
  /** rsa, dsa, elgamal, ed25519, cv25519, ecdsa, ecdh, x25519, ed448, … */
  name: z.string(),
  bits: z.number().int().nullable(),
  curve: z.string().nullable(),
  /** GnuPG's short form: rsa3072, ed25519, cv25519, dsa2048, elg1024, nistp256. */
  label: z.string(),
});
export type KeyAlgorithm = z.infer<typeof keyAlgorithm>;

export const keyUsage = z.enum(['certify', 'sign', 'encrypt', 'authenticate']);

export const subkeyInfo = z.strictObject({
  fingerprint: z.string(),
  keyId: z.string(),
  algorithm: keyAlgorithm,
  created: instant,
  expires: instant.nullable(),
  expired: z.boolean(),
  revoked: z.boolean(),
  /** Bound by a valid signature of the primary key and usable now. */
  valid: z.boolean(),
  usage: z.array(keyUsage),
});
export type SubkeyInfo = z.infer<typeof subkeyInfo>;

export const keyWarningCode = z.enum(['unverified', 'expiring-soon', 'expired', 'revoked', 'weak', 'no-encryption-key', 'invalid']);
export type KeyWarningCode = z.infer<typeof keyWarningCode>;
export const keyWarning = z.strictObject({ code: keyWarningCode, message: z.string() });
export type KeyWarning = z.infer<typeof keyWarning>;

export const keyInfo = z.strictObject({
  fingerprint: z.string(),
  /** The fingerprint in groups of four hex digits, as the compare screen shows it. */
  fingerprintGroups: z.string(),
  keyId: z.string(),
  userIds: z.array(z.string()),
  primaryUserId: z.string().nullable(),
  emails: z.array(z.string()),
  algorithm: keyAlgorithm,
  created: instant,
  /** null: never expires. */
  expires: instant.nullable(),
  expired: z.boolean(),
  revoked: z.boolean(),
  revocationReason: z.string().nullable(),
  /** The Fix Lead compared the fingerprint with its owner. Never implied, never "always trust". */
  verified: z.boolean(),
  verifiedAt: instant.nullable(),
  /** The vault holds the secret key (the key itself never leaves through the contract). */
  secret: z.boolean(),
  /** The Fix Lead's own signing key. */
  own: z.boolean(),
  subkeys: z.array(subkeyInfo),
  /** The (sub)key a message to this key would be encrypted to, if any is valid now. */
  encryptionKeyFingerprint: z.string().nullable(),
  canSign: z.boolean(),
  /** Why we refuse to encrypt to it (RSA < 2048, DSA, ElGamal < 2048), or null. */
  weakness: z.string().nullable(),
  /** Valid now, not weak, with an encryption key: mail to it can be encrypted (once verified). */
  canEncrypt: z.boolean(),
  warnings: z.array(keyWarning),
  source: z.enum(['generated', 'imported']),
  addedAt: instant,
  updatedAt: instant,
});
export type KeyInfo = z.infer<typeof keyInfo>;

/** Our verdicts; each maps to one of GnuPG's status keywords (gpgStatus), see core/keyring/signature-report.ts. */
export const signatureVerdict = z.enum([
  'good-verified',
  'good-unverified',
  /** Good, but the signature itself has expired (gpg: EXPSIG). */
  'expired-signature',
  /** Good, but the signing key has expired (gpg: EXPKEYSIG). */
  'expired-key',
  /** Good, but the signing key has been revoked (gpg: REVKEYSIG). */
  'revoked-key',
  'bad',
  'unknown-signer',
  /** Cannot be checked under our policy (weak hash, …); gpg: ERRSIG. */
  'error',
]);
export type SignatureVerdict = z.infer<typeof signatureVerdict>;

/** The keyword GnuPG 2.2's --status-fd gives for the same signature. */
export const gpgSignatureStatus = z.enum(['GOODSIG', 'EXPSIG', 'EXPKEYSIG', 'REVKEYSIG', 'BADSIG', 'ERRSIG']);
export type GpgSignatureStatus = z.infer<typeof gpgSignatureStatus>;

export const signatureReport = z.strictObject({
  /** The signer's primary fingerprint when the keyring has the key; else the issuer fingerprint in the signature, if any. */
  fingerprint: z.string().nullable(),
  /** The (sub)key that made the signature. */
  signingKeyFingerprint: z.string().nullable(),
  keyId: z.string(),
  /** true for good-verified and good-unverified only (GOODSIG). */
  valid: z.boolean(),
  verdict: signatureVerdict,
  gpgStatus: gpgSignatureStatus,
  /** The signer's primary user ID, as gpg names it. */
  signer: z.string().nullable(),
  created: instant.nullable(),
  /** Why it is bad, or what is unknown. */
  reason: z.string().nullable(),
});
export type SignatureReport = z.infer<typeof signatureReport>;

export const importOutcome = z.strictObject({
  /** Every key read from the input, in order (new, updated or unchanged). */
  imported: z.array(z.string()),
  new: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
  keys: z.array(keyInfo),
});
export type ImportOutcome = z.infer<typeof importOutcome>;

const name = z.string().trim().min(1, 'the name is empty').max(200);
const email = z.email('not an email address').max(320);
const keyPassphrase = z.string().min(1).max(1024);

/** OpenPGP's reasons for revocation (RFC 4880 5.2.3.23), as gpg offers them. */
export const revocationReason = z.enum(['compromised', 'superseded', 'retired', 'unspecified']);
export type RevocationReason = z.infer<typeof revocationReason>;

export const keyringMethods = {
  'keyring.list': method({
    summary: 'Every key, with its trust, validity and warnings; optionally filtered by text.',
    input: z.strictObject({ query: z.string().max(200).optional() }),
    output: z.array(keyInfo),
  }),
  'keyring.show': method({
    summary: 'One key in detail: user IDs, algorithms, dates, revocation, subkeys, warnings.',
    input: z.strictObject({ fingerprint: pgpFingerprint }),
    output: keyInfo,
  }),
  'keyring.generate': method({
    summary: "Generate the Fix Lead's key pair (Ed25519 + Curve25519, v4); the secret key stays in the vault.",
    input: z.strictObject({
      name,
      email,
      /** Days until the key expires; null: never. */
      expiresInDays: z.number().int().min(1).max(36500).nullable().default(730),
    }),
    output: keyInfo,
  }),
  'keyring.import': method({
    summary: 'Import armored or binary keys, one or many per input, from one or several inputs (GnuPG exports included); all or nothing.',
    input: z.strictObject({
      /** One input (a file's content) or several, imported together. */
      data: z.union([pgpPayload, z.array(pgpPayload).min(1).max(100)]),
      /** For passphrase-protected secret keys; the key is stored unlocked inside the encrypted vault. */
      passphrase: keyPassphrase.optional(),
    }),
    output: importOutcome,
  }),
  'keyring.exportPublic': method({
    summary: 'The armored public key.',
    input: z.strictObject({ fingerprint: pgpFingerprint }),
    output: z.strictObject({ fingerprint: z.string(), armored: z.string() }),
  }),
  'keyring.exportSecretToFile': method({
    summary: 'Write the secret key, protected by a new passphrase, to a file; explicit confirmation required.',
    input: z.strictObject({
      fingerprint: pgpFingerprint,
      path: z.string().min(1).max(4096),
      passphrase: keyPassphrase.min(8, 'use an export passphrase of at least 8 characters'),
      confirm: z.literal(true, 'exporting a secret key needs confirm: true'),
    }),
    output: z.strictObject({ fingerprint: z.string(), path: z.string() }),
  }),
  'keyring.verify': method({
    summary: "Mark a key verified after comparing its full fingerprint with its owner's.",
    input: z.strictObject({ fingerprint: pgpFingerprint }),
    output: keyInfo,
  }),
  'keyring.unverify': method({
    summary: 'Withdraw the verification of a key.',
    input: z.strictObject({ fingerprint: pgpFingerprint }),
    output: keyInfo,
  }),
  'keyring.setOwn': method({
    summary: 'Choose which secret key signs for the Fix Lead.',
    input: z.strictObject({ fingerprint: pgpFingerprint }),
    output: keyInfo,
  }),
  'keyring.remove': method({
    summary: 'Delete a key from the keyring; a secret key needs confirmSecret: true.',
    input: z.strictObject({ fingerprint: pgpFingerprint, confirmSecret: z.boolean().default(false) }),
    output: z.strictObject({ removed: z.string() }),
  }),
  'keyring.revoke': method({
    summary: 'Revoke a key whose secret part the vault holds, with a reason; explicit confirmation required. Returns the revocation certificate.',
    input: z.strictObject({
      fingerprint: pgpFingerprint,
      reason: revocationReason,
      /** Shown with the reason by gpg and by us ("moved to a new key", "laptop stolen"). */
      description: z.string().max(500).default(''),
      confirm: z.literal(true, 'revoking a key needs confirm: true'),
    }),
    output: z.strictObject({ key: keyInfo, revocationCertificate: z.string() }),
  }),
  'keyring.importRevocation': method({
    summary: "Apply a correspondent's revocation certificate (gpg --gen-revoke, openpgp-revocs.d) to the key it names; checked first, all or nothing.",
    input: z.strictObject({ data: pgpPayload }),
    output: keyInfo,
  }),
  'keyring.checkRecipients': method({
    summary: 'Whether each fingerprint can be encrypted to now, and why not.',
    input: z.strictObject({ fingerprints: z.array(pgpFingerprint).min(1).max(500) }),
    output: z.array(
      z.strictObject({
        fingerprint: z.string(),
        ok: z.boolean(),
        code: z.string().nullable(),
        reason: z.string().nullable(),
        warnings: z.array(keyWarning),
      }),
    ),
  }),
  'keyring.encrypt': method({
    summary: 'Encrypt (and sign) content to several recipients: an armored message GnuPG 2.2 reads.',
    input: z.strictObject({
      to: z.array(pgpFingerprint).min(1).max(500),
      data: pgpPayload,
      filename: z.string().max(255).default(''),
      sign: z.boolean().default(false),
      /** Also encrypt to the Fix Lead's own key, so the sent message stays readable. */
      encryptToSelf: z.boolean().default(true),
      /** Explicit per-call override; unverified recipients are refused otherwise. */
      allowUnverified: z.boolean().default(false),
    }),
    output: z.strictObject({ armored: z.string(), recipients: z.array(z.string()), signedBy: z.string().nullable() }),
  }),
  'keyring.decrypt': method({
    summary: 'Decrypt a message with a secret key of the vault and report every signature.',
    input: z.strictObject({ data: pgpPayload }),
    output: z.strictObject({
      base64: z.string(),
      /** The plaintext as text when it is valid UTF-8. */
      text: z.string().nullable(),
      filename: z.string(),
      decryptedWith: z.string(),
      signatures: z.array(signatureReport),
    }),
  }),
  'keyring.signDetached': method({
    summary: "An armored detached signature by the Fix Lead's key.",
    input: z.strictObject({ data: pgpPayload }),
    output: z.strictObject({ armored: z.string(), signedBy: z.string() }),
  }),
  'keyring.verifyDetached': method({
    summary: 'Check a detached signature (armored or binary) over content; a verdict per signature.',
    input: z.strictObject({ data: pgpPayload, signature: pgpPayload }),
    output: z.strictObject({ signatures: z.array(signatureReport) }),
  }),
} as const;
