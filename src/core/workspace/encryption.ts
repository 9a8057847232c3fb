// Exports encrypted to recipients: the bytes of an export go through an `encrypt` function
// supplied by the keyring (src/core/keyring); the workspace never handles keys itself.
export interface ExportEncryptor {
  encrypt(bytes: Uint8Array, recipients: string[], options: { sign: boolean }): Promise<Uint8Array>;
}
