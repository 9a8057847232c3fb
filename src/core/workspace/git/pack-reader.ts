// Reads objects out of a packfile in place, one entry at a time (never the whole pack in
// memory: isomorphic-git's reader loads every pack whole, which is what makes it slow and
// hungry on large repositories). Delta chains are resolved through a small cache of bases.
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { LIMITS, inputTooLarge } from '../../../shared/limits.ts';
import { applyDelta } from './delta.ts';
import { malformed, type GitObject, type ObjectType } from './objects.ts';
import type { PackIndex } from './pack-index.ts';

export const PACK_TYPES: Record<number, ObjectType | 'ofs-delta' | 'ref-delta'> = {
  1: 'commit',
  2: 'tree',
  3: 'blob',
  4: 'tag',
  6: 'ofs-delta',
  7: 'ref-delta',
};

/** Upper bound of zlib's output for `size` input bytes (zlib's deflateBound plus slack). */
export function deflateBound(size: number): number {
  return size + (size >>> 12) + (size >>> 14) + (size >>> 25) + 64;
}

export interface EntryHeader {
  kind: (typeof PACK_TYPES)[number];
  size: number;
  headerLength: number;
  /** For ofs-delta: the base's absolute offset; for ref-delta: the base's id. */
  base?: number | string;
}

export function parseEntryHeader(bytes: Buffer, at: number, entryOffset: number): EntryHeader {
  const start = at;
  if (at >= bytes.length) throw malformed('pack', 'truncated entry header');
  let byte = bytes[at++]!;
  const kind = PACK_TYPES[(byte >> 4) & 7];
  if (!kind) throw malformed('pack', `unknown entry type ${(byte >> 4) & 7} at offset ${entryOffset}`);
  let size = byte & 0x0f;
  let shift = 4;
  while (byte & 0x80) {
    if (at >= bytes.length || shift > 49) throw malformed('pack', 'bad entry size');
    byte = bytes[at++]!;
    size += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  }
  // The declared size is what inflating will allocate: refuse a bomb before reading its body.
  if (size > LIMITS.gitObjectBytes) throw inputTooLarge('git object', LIMITS.gitObjectBytes, size, 'bytes');
  let base: number | string | undefined;
  if (kind === 'ofs-delta') {
    if (at >= bytes.length) throw malformed('pack', 'truncated delta offset');
    byte = bytes[at++]!;
    let back = byte & 0x7f;
    while (byte & 0x80) {
      if (at >= bytes.length) throw malformed('pack', 'truncated delta offset');
      byte = bytes[at++]!;
      back = (back + 1) * 128 + (byte & 0x7f);
    }
    base = entryOffset - back;
    if (base < 12) throw malformed('pack', `delta base before the pack start at offset ${entryOffset}`);
  } else if (kind === 'ref-delta') {
    if (at + 20 > bytes.length) throw malformed('pack', 'truncated delta base id');
    base = bytes.toString('hex', at, at + 20);
    at += 20;
  }
  return { kind, size, headerLength: at - start, base };
}

export function inflateExact(bytes: Buffer, size: number, what: string): { data: Buffer; consumed: number } {
  let result: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    // maxOutputLength: a stream that inflates past its declared size stops there, not at memory's end
    result = inflateSync(bytes, { info: true, maxOutputLength: Math.max(1, size) }) as unknown as typeof result;
  } catch {
    throw malformed('pack', `${what}: the compressed data is damaged`);
  }
  if (result.buffer.length !== size) throw malformed('pack', `${what}: inflated to ${result.buffer.length} bytes, expected ${size}`);
  return { data: result.buffer, consumed: result.engine.bytesWritten };
}

/** A bounded cache of resolved objects by pack offset (delta bases are read again and again). */
class BaseCache {
  private readonly map = new Map<number, GitObject>();
  private bytes = 0;
  constructor(private readonly limit: number) {}
  get(offset: number): GitObject | undefined {
    const hit = this.map.get(offset);
    if (hit) {
      this.map.delete(offset);
      this.map.set(offset, hit);
    }
    return hit;
  }
  set(offset: number, object: GitObject): void {
    if (object.data.length > this.limit / 4) return;
    this.map.set(offset, object);
    this.bytes += object.data.length;
    for (const [key, value] of this.map) {
      if (this.bytes <= this.limit) break;
      this.map.delete(key);
      this.bytes -= value.data.length;
    }
  }
}

export type RefDeltaResolver = (sha: string) => GitObject | null;

export class PackFile {
  private fd: number | null = null;
  private readonly cache = new BaseCache(32 * 1024 * 1024);
  readonly size: number;

  /**
   * @param file the pack or a bundle containing it
   * @param start where the pack begins inside `file` (after a bundle header); 0 for a .pack
   */
  constructor(
    readonly file: string,
    readonly index: PackIndex,
    readonly start = 0,
    readonly resolveExternal: RefDeltaResolver = () => null,
  ) {
    this.fd = openSync(file, 'r');
    this.size = fstatSync(this.fd).size - start;
  }

  private read(offset: number, length: number): Buffer {
    if (this.fd === null) throw new Error('pack closed');
    const end = Math.min(this.size - 20, offset + length);
    const buffer = Buffer.allocUnsafe(Math.max(0, end - offset));
    let got = 0;
    while (got < buffer.length) {
      const n = readSync(this.fd, buffer, got, buffer.length - got, this.start + offset + got);
      if (n === 0) break;
      got += n;
    }
    return buffer.subarray(0, got);
  }

  has(sha: string): boolean {
    return this.index.find(sha) >= 0;
  }

  readSha(sha: string): GitObject | null {
    const offset = this.index.find(sha);
    return offset < 0 ? null : this.readAt(offset);
  }

  readAt(offset: number, depth = 0): GitObject {
    const cached = this.cache.get(offset);
    if (cached) return cached;
    if (depth > 10_000) throw malformed('pack', 'delta chain too deep');
    const head = this.read(offset, 32);
    const header = parseEntryHeader(head, 0, offset);
    const body = this.read(offset + header.headerLength, deflateBound(header.size));
    const { data } = inflateExact(body, header.size, `entry at ${offset}`);
    let object: GitObject;
    if (header.kind === 'ofs-delta') {
      const base = this.readAt(header.base as number, depth + 1);
      object = { type: base.type, data: applyDelta(base.data, data) };
    } else if (header.kind === 'ref-delta') {
      const baseOffset = this.index.find(header.base as string);
      const base = baseOffset >= 0 ? this.readAt(baseOffset, depth + 1) : this.resolveExternal(header.base as string);
      if (!base) throw malformed('pack', `delta base ${String(header.base)} is missing`);
      object = { type: base.type, data: applyDelta(base.data, data) };
    } else {
      object = { type: header.kind, data };
    }
    this.cache.set(offset, object);
    return object;
  }

  /** The pack's entries as stored (between the 12-byte header and the trailer), for copying whole. */
  *rawEntries(chunk = 4 * 1024 * 1024): Generator<Buffer> {
    for (let at = 12; at < this.size - 20; at += chunk) yield this.read(at, Math.min(chunk, this.size - 20 - at));
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
