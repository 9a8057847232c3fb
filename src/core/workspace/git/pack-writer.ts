// Writes a version 2 pack of whole (undeltified) objects; the cost follows the number and
// size of the objects the case created, never the repository's.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { GitObject } from './objects.ts';

const TYPE_CODE = { commit: 1, tree: 2, blob: 3, tag: 4 } as const;

export function entryHeader(type: number, size: number): Buffer {
  const bytes: number[] = [];
  let byte = (type << 4) | (size & 0x0f);
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes.push(byte | 0x80);
    byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
  }
  bytes.push(byte);
  return Buffer.from(bytes);
}

export function packEntry(object: GitObject): Buffer {
  return Buffer.concat([entryHeader(TYPE_CODE[object.type], object.data.length), deflateSync(object.data)]);
}

/**
 * Streams a pack: `raw` are already-encoded entry sequences copied verbatim (whole upstream
 * packs, whose relative delta offsets stay valid), `objects` are encoded here.
 */
export function writePack(count: number, parts: Iterable<Buffer>, sink: (chunk: Buffer) => void): string {
  const hash = createHash('sha1');
  const emit = (chunk: Buffer) => {
    hash.update(chunk);
    sink(chunk);
  };
  const head = Buffer.alloc(12);
  head.write('PACK', 0, 'latin1');
  head.writeUInt32BE(2, 4);
  head.writeUInt32BE(count, 8);
  emit(head);
  for (const part of parts) emit(part);
  const digest = hash.digest();
  sink(digest);
  return digest.toString('hex');
}
