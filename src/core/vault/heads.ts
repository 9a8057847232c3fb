// The heads journal (`heads.elog`): the vault-level monotonic record that makes a rolled-back
// file visible. Every sealed file carries its write counter in its authenticated header
// (sealed-file.ts); after each write the vault appends one small sealed record naming the
// file, the counter and the SHA-256 of the bytes written. Reading a file compares it with its
// head: an older counter, or the same counter with other bytes, is an old copy swapped in.
//
// Why a journal and not a document of heads: a document holding every file's head would be
// rewritten on every append, so an append would cost O(files). Appending a record costs O(1);
// the journal is compacted into one snapshot record when it grows past twice the number of
// files, which keeps the amortised cost O(1) and the unlock-time read proportional to the vault.
//
//   frame (log-frames.ts): u32 length | u32 ones' complement of the length | sealed record
//          (kind "journal", name "heads:<seq>", counter <seq>)
//
// Records are numbered and the number is authenticated, so none can be removed from the middle
// or reordered; the first must be a snapshot. A frame cut short at the very end (a whole length
// prefix, too few bytes after it) or a zero-filled end is an append that a crash interrupted: it
// is dropped, and the file it described is then simply newer than its head. Any other damage,
// a changed length included (the complement catches it), is VaultCorrupt.
// What no local record can detect is a rollback of the whole vault, journal included, to an
// older consistent copy: that is restoring a backup, and is documented as such.
import { createHash } from 'node:crypto';
import { open, readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { VaultCorruptError } from '../../shared/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { openSealed, sealBytes } from './sealed-file.ts';
import { frameRecord, splitFrames } from './log-frames.ts';

export const HEADS_FILE = 'heads.elog';
const COMPACT_SLACK = 256;

export interface Head {
  counter: number;
  /** SHA-256 (hex) of the sealed file's bytes. */
  hash: string;
}

type JournalRecord = { type: 'snapshot'; heads: Record<string, Head> } | { type: 'write'; heads: Record<string, Head> } | { type: 'drop'; names: string[] };

/** How a file on disk compares with its head. */
export type HeadCheck = 'match' | 'newer' | 'untracked' | 'older' | 'substituted';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function compareHead(head: Head | undefined, counter: number, hash: string): HeadCheck {
  if (!head) return 'untracked';
  if (counter > head.counter) return 'newer';
  if (counter < head.counter) return 'older';
  return hash === head.hash ? 'match' : 'substituted';
}

function recordName(seq: number): string {
  return `heads:${seq}`;
}

/** The logical name in a sealed frame's header, read before it is authenticated (to learn its number). */
function frameSeq(frame: Buffer): number | null {
  if (frame.length < 9) return null;
  const name = frame.subarray(9, 9 + frame.readUInt16BE(7)).toString('utf8');
  const match = /^heads:([1-9][0-9]{0,14})$/.exec(name);
  return match ? Number(match[1]) : null;
}

interface ParsedJournal {
  heads: Map<string, Head>;
  nextSeq: number;
  records: number;
  /** Bytes of whole, authentic records; a torn tail beyond it is a crash's unfinished append. */
  goodLength: number;
}

function apply(heads: Map<string, Head>, record: JournalRecord): void {
  if (record.type === 'snapshot') heads.clear();
  if (record.type === 'drop') for (const name of record.names) heads.delete(name);
  else for (const [name, head] of Object.entries(record.heads)) heads.set(name, head);
}

function isRecord(value: unknown): value is JournalRecord {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  if (record.type === 'drop') return Array.isArray(record.names) && record.names.every((name) => typeof name === 'string');
  if (record.type !== 'snapshot' && record.type !== 'write') return false;
  const heads = record.heads;
  if (heads === null || typeof heads !== 'object') return false;
  return Object.values(heads).every(
    (head: unknown) =>
      head !== null &&
      typeof head === 'object' &&
      Number.isSafeInteger((head as Head).counter) &&
      typeof (head as Head).hash === 'string' &&
      /^[0-9a-f]{64}$/.test((head as Head).hash),
  );
}

export function parseJournal(bytes: Buffer, key: Uint8Array): ParsedJournal {
  const heads = new Map<string, Head>();
  const { frames, goodLength } = splitFrames(bytes, HEADS_FILE);
  let expectedSeq: number | null = null;
  let records = 0;
  for (const frame of frames) {
    const seq = frameSeq(frame);
    let record: unknown;
    try {
      if (seq === null || (expectedSeq !== null && seq !== expectedSeq)) throw new Error('out of sequence');
      const opened = openSealed(key, 'journal', recordName(seq), frame, HEADS_FILE);
      if (opened.counter !== seq) throw new Error('counter differs from its number');
      record = JSON.parse(opened.plaintext.toString('utf8'));
      if (!isRecord(record)) throw new Error('not a journal record');
      if (expectedSeq === null && record.type !== 'snapshot') throw new Error('does not start with a snapshot');
    } catch {
      throw new VaultCorruptError(HEADS_FILE, `its record ${records + 1} is damaged or out of place`);
    }
    apply(heads, record as JournalRecord);
    records += 1;
    expectedSeq = seq! + 1;
  }
  if (records === 0) throw new VaultCorruptError(HEADS_FILE, 'it holds no complete record');
  return { heads, nextSeq: expectedSeq!, records, goodLength };
}

export class HeadsJournal {
  private readonly reserved = new Map<string, number>();
  private readonly pending = new Map<string, Head>();
  private needsRewrite = false;
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly key: Uint8Array,
    private readonly randomBytes: (n: number) => Uint8Array,
    private readonly heads: Map<string, Head>,
    private nextSeq: number,
    private records: number,
    private length: number,
  ) {}

  static async create(dir: string, key: Uint8Array, randomBytes: (n: number) => Uint8Array): Promise<HeadsJournal> {
    const journal = new HeadsJournal(join(dir, HEADS_FILE), key, randomBytes, new Map(), 1, 0, 0);
    await journal.rewrite();
    return journal;
  }

  /** Reads the journal, cutting off a torn last record; null when there is none. */
  static async open(dir: string, key: Uint8Array, randomBytes: (n: number) => Uint8Array): Promise<HeadsJournal | null> {
    const file = join(dir, HEADS_FILE);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = parseJournal(bytes, key);
    if (parsed.goodLength < bytes.length) await truncate(file, parsed.goodLength);
    return new HeadsJournal(file, key, randomBytes, parsed.heads, parsed.nextSeq, parsed.records, parsed.goodLength);
  }

  head(name: string): Head | undefined {
    return this.heads.get(name);
  }

  names(): string[] {
    return [...this.heads.keys()];
  }

  /** The counter the next write of `name` carries: above every counter seen or handed out. */
  reserve(name: string): number {
    const counter = Math.max(this.heads.get(name)?.counter ?? 0, this.reserved.get(name) ?? 0) + 1;
    this.reserved.set(name, counter);
    return counter;
  }

  /**
   * Records new heads. Never throws: it is called after the file itself was renamed into place,
   * so the write has happened. If the journal cannot be appended to (a full disk), the heads
   * wait in memory and the next append carries them; a file newer than its head is accepted.
   */
  record(entries: Record<string, Head>): Promise<void> {
    for (const [name, head] of Object.entries(entries)) {
      this.heads.set(name, head);
      this.pending.set(name, head);
    }
    return this.enqueue(async () => {
      if (this.pending.size === 0) return;
      const batch = Object.fromEntries(this.pending);
      await this.persist({ type: 'write', heads: batch });
      for (const [name, head] of Object.entries(batch)) if (this.pending.get(name) === head) this.pending.delete(name);
    });
  }

  /** Forgets files that were deleted on purpose (a removed case). */
  drop(names: readonly string[]): Promise<void> {
    for (const name of names) {
      this.heads.delete(name);
      this.pending.delete(name);
      this.reserved.delete(name);
    }
    return this.enqueue(() => this.persist({ type: 'drop', names: [...names] }));
  }

  /** Appends the record, or rewrites the journal whole when it was left damaged or has grown long. */
  private async persist(record: JournalRecord): Promise<void> {
    if (this.needsRewrite || this.records > 2 * this.heads.size + COMPACT_SLACK) await this.rewrite();
    else await this.append(record);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work).catch(() => {
      // The file is left as it was (or cut back to it); the next append rewrites it whole.
      this.needsRewrite = true;
    });
    this.queue = run;
    return run;
  }

  private frame(record: JournalRecord): Buffer {
    const seq = this.nextSeq;
    return frameRecord(sealBytes(this.key, 'journal', recordName(seq), Buffer.from(JSON.stringify(record), 'utf8'), this.randomBytes(12), seq));
  }

  private async append(record: JournalRecord): Promise<void> {
    const frame = this.frame(record);
    const handle = await open(this.file, 'a', 0o600);
    try {
      await handle.write(frame);
      await handle.sync();
    } catch (error) {
      // A partial frame must not stay in the middle of the journal.
      await handle.truncate(this.length).catch(() => undefined);
      throw error;
    } finally {
      await handle.close();
    }
    this.length += frame.length;
    this.nextSeq += 1;
    this.records += 1;
  }

  /** Replaces the journal by one snapshot of every head (atomically). */
  private async rewrite(): Promise<void> {
    const frame = this.frame({ type: 'snapshot', heads: Object.fromEntries(this.heads) });
    await writeFileAtomic(this.file, frame);
    this.length = frame.length;
    this.nextSeq += 1;
    this.records = 1;
    this.needsRewrite = false;
    this.pending.clear();
  }
}
