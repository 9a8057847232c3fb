// The framing shared by the vault's append-only files (the heads journal, the case logs):
//
//   frame: u32 length | u32 ones' complement of the length | sealed record
//
// A frame cut short at the very end (too few bytes for the prefix, or for the record after a
// whole prefix) or a zero-filled end is an append that a crash interrupted: it is left out and
// reported as the good length, so the caller can cut the file back to it. Any other damage, a
// changed length included (the complement catches it), is VaultCorrupt.
import { VaultCorruptError } from '../../shared/errors.ts';

const FRAME_LIMIT = 256 * 1024 * 1024;
export const FRAME_PREFIX_BYTES = 8;

export function frameRecord(sealed: Buffer): Buffer {
  const prefix = Buffer.alloc(FRAME_PREFIX_BYTES);
  prefix.writeUInt32BE(sealed.length, 0);
  prefix.writeUInt32BE(~sealed.length >>> 0, 4);
  return Buffer.concat([prefix, sealed]);
}

export interface SplitFrames {
  /** The sealed records of the whole frames, in file order. */
  frames: Buffer[];
  /** Bytes of whole frames; anything after it is a torn tail. */
  goodLength: number;
}

export function splitFrames(bytes: Buffer, fileLabel: string): SplitFrames {
  const frames: Buffer[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const rest = bytes.subarray(offset);
    if (rest.length < FRAME_PREFIX_BYTES || rest.every((byte) => byte === 0)) break; // torn tail
    const length = rest.readUInt32BE(0);
    if ((~length >>> 0) !== rest.readUInt32BE(4) || length > FRAME_LIMIT) {
      throw new VaultCorruptError(fileLabel, `the length of its record ${frames.length + 1} is damaged`);
    }
    if (rest.length < FRAME_PREFIX_BYTES + length) break; // torn tail
    frames.push(rest.subarray(FRAME_PREFIX_BYTES, FRAME_PREFIX_BYTES + length));
    offset += FRAME_PREFIX_BYTES + length;
  }
  return { frames, goodLength: offset };
}
