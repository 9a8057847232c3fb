// Exports encrypted to recipients: the bytes of an export go through functions supplied by
// the keyring (src/core/keyring); the workspace never handles keys itself.
export interface ExportEncryptor {
  encrypt(bytes: Uint8Array, recipients: string[], options: { sign: boolean }): Promise<Uint8Array>;
  /** An armored detached signature by the Fix Lead's own key (`gpg --verify SIG FILE`). */
  signDetached(bytes: Uint8Array): Promise<string>;
}
