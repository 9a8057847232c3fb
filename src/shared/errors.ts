// Errors are values with a stable `code` and serialisable `data`, so they survive IPC, the
// loopback transport and the CLI's --json output unchanged. Codes are a public contract:
// scripts and the renderer branch on them, so never rename one.

export const ERROR_CODES = [
  'WrongPassphrase',
  'VaultLocked',
  'VaultCorrupt',
  'VaultRolledBack',
  'DiskFull',
  'VaultInUse',
  'VaultExists',
  'VaultNotFound',
  'UnsupportedFormat',
  'NotFound',
  'InvalidInput',
  'InvalidOutput',
  'UnknownMethod',
  'Unauthorized',
  'Conflict',
  'NotAllowed',
  'InvalidVector',
  'ExportInvalid',
  // a CVE JSON 5 record to import that the official schema or the case refuses (src/core/cna)
  'CveRecordInvalid',
  // an input past one of the limits in src/shared/limits.ts
  'InputTooLarge',
  // keyring (src/core/keyring)
  'InvalidKey',
  'InvalidMessage',
  'WeakKey',
  'KeyUnusable',
  'KeyNotVerified',
  'NoSecretKey',
  'DecryptionFailed',
  'BadSignature',
  'KeyPassphraseRequired',
  'WrongKeyPassphrase',
  'ConfirmationRequired',
  // a revocation certificate that is not one, or does not verify (src/core/keyring/revoke.ts)
  'InvalidRevocation',
  // patch workspace (src/core/workspace)
  'NotARepository',
  'UpstreamUnavailable',
  'WorkspaceNotReady',
  'GitObjectInvalid',
  'PackInvalid',
  'BundleInvalid',
  'BundlePrerequisiteMissing',
  'MboxInvalid',
  'PatchInvalid',
  'PatchDoesNotApply',
  // a tree, commit, path or .gitmodules git's fsck refuses (data.fsck names git's message id)
  'FsckFailed',
  'FixNotLinear',
  'PinnedCommit',
  'EncryptionUnavailable',
  // email composer (src/core/mail)
  'DraftIncomplete',
  'EmbargoActive',
  'RecipientsCannotReceive',
  'SenderUnknown',
  // a .eml that is not a readable mail (src/core/mail/import-eml.ts)
  'MailInvalid',
  // team sync (src/core/team)
  'GitFailed',
  'RemoteTampered',
  'RemoteRolledBack',
  'NotATeamMember',
  'NoTeam',
  // the CLI's agent (src/cli/agent-*.ts): its directory or files are not this user's alone,
  // or it could not be started
  'AgentUnsafe',
  'AgentUnavailable',
  'Internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  data?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class EmbargoError extends Error {
  readonly code: ErrorCode;
  readonly data: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, data: Record<string, unknown> = {}) {
    super(message);
    this.name = `${code}Error`;
    this.code = code;
    this.data = data;
  }
  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message, data: this.data };
  }
}

export class WrongPassphraseError extends EmbargoError {
  constructor() {
    super('WrongPassphrase', 'The passphrase is wrong (or the key file was altered): the vault stays locked.');
  }
}

export class VaultLockedError extends EmbargoError {
  constructor() {
    super('VaultLocked', 'The vault is locked: unlock it with its passphrase first.');
  }
}

export class VaultCorruptError extends EmbargoError {
  constructor(file: string, detail: string) {
    super(
      'VaultCorrupt',
      `Vault file ${file} is damaged or was altered (${detail}). Nothing was read from it; restore this file from a backup, or run "embargo vault verify" to list every damaged file.`,
      { file, detail },
    );
  }
}

export class VaultRolledBackError extends EmbargoError {
  constructor(file: string, detail: string, data: { found: number; expected: number }) {
    super(
      'VaultRolledBack',
      `Vault file ${file} is not the copy Embargo last wrote (${detail}): it was rolled back or swapped for an old copy. Nothing was read from it; put the current file back, or restore the whole vault from a backup.`,
      { file, ...data },
    );
  }
}

export class VaultInUseError extends EmbargoError {
  constructor(dir: string, holder: string) {
    super('VaultInUse', `The vault at ${dir} is open in another process (${holder}); close it there first.`, {
      dir,
      holder,
    });
  }
}

export class VaultExistsError extends EmbargoError {
  constructor(dir: string) {
    super('VaultExists', `A vault already exists at ${dir}; refusing to overwrite it.`, { dir });
  }
}

export class VaultNotFoundError extends EmbargoError {
  constructor(dir: string) {
    super('VaultNotFound', `No vault at ${dir}; create one with "embargo vault init".`, { dir });
  }
}

export class NotFoundError extends EmbargoError {
  constructor(what: string, id: string) {
    super('NotFound', `No ${what} with id ${id}.`, { what, id });
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything thrown into a serialisable ErrorInfo; unknown failures become `Internal`. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof EmbargoError) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'Internal', message: `Unexpected failure: ${message}`, data: {} };
}
