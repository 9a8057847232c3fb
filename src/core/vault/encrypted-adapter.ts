// lowdb adapter that keeps a document sealed on disk. The sealing, the atomic replace and the
// check against the heads journal are the vault's (vault.ts `sealedFile`); this adapter only
// turns the document into JSON and back. We do not use lowdb's JSONFilePreset: it switches to
// memory under NODE_ENV=test, and it writes plaintext.
import type { Adapter } from 'lowdb';
import { VaultCorruptError } from '../../shared/errors.ts';

export interface SealedLocation {
  /** Absolute path of the file. */
  file: string;
  /** Path relative to the vault, used in messages. */
  label: string;
  /** Logical name, authenticated in the header so files cannot be swapped. */
  name: string;
}

/** Reads and writes one sealed file's plaintext; read gives null when the file does not exist. */
export interface SealedFileIo {
  read(): Promise<Buffer | null>;
  write(plaintext: Buffer): Promise<void>;
}

export class EncryptedJsonAdapter<T> implements Adapter<T> {
  constructor(
    private readonly label: string,
    private readonly io: SealedFileIo,
  ) {}

  async read(): Promise<T | null> {
    const plaintext = await this.io.read();
    if (plaintext === null) return null;
    try {
      return JSON.parse(plaintext.toString('utf8')) as T;
    } catch {
      throw new VaultCorruptError(this.label, 'its content is not a JSON document');
    } finally {
      plaintext.fill(0);
    }
  }

  async write(data: T): Promise<void> {
    const plaintext = Buffer.from(JSON.stringify(data), 'utf8');
    try {
      await this.io.write(plaintext);
    } finally {
      plaintext.fill(0);
    }
  }
}
