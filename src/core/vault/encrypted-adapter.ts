// lowdb adapter that keeps a document sealed on disk (see sealed-file.ts) and writes it by
// atomic replace. We do not use lowdb's JSONFilePreset: it switches to memory under
// NODE_ENV=test, and it writes plaintext.
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { VaultCorruptError } from '../../shared/errors.ts';
import { openSealedBytes, sealBytes } from './sealed-file.ts';
import { writeFileAtomic } from './atomic-write.ts';

export interface SealedLocation {
  /** Absolute path of the file. */
  file: string;
  /** Path relative to the vault, used in messages. */
  label: string;
  /** Logical name, authenticated in the header so files cannot be swapped. */
  name: string;
}

export class EncryptedJsonAdapter<T> implements Adapter<T> {
  constructor(
    private readonly location: SealedLocation,
    private readonly key: Uint8Array,
    private readonly randomBytes: (n: number) => Uint8Array,
  ) {}

  async read(): Promise<T | null> {
    let sealed: Buffer;
    try {
      sealed = await readFile(this.location.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const plaintext = openSealedBytes(this.key, 'document', this.location.name, sealed, this.location.label);
    try {
      return JSON.parse(plaintext.toString('utf8')) as T;
    } catch {
      throw new VaultCorruptError(this.location.label, 'its content is not a JSON document');
    }
  }

  async write(data: T): Promise<void> {
    const plaintext = Buffer.from(JSON.stringify(data), 'utf8');
    const sealed = sealBytes(this.key, 'document', this.location.name, plaintext, this.randomBytes(12));
    plaintext.fill(0);
    await writeFileAtomic(this.location.file, sealed);
  }
}
