// `git index-pack` in TypeScript: walks every entry of a pack (in place, inside a .pack or a
// bundle file), checks the SHA-1 trailer, resolves the deltas, and names every object. It
// returns the .idx bytes, and can hand every resolved object to a callback (fix bundles,
// whose objects are copied into the encrypted store).
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as zlib from 'node:zlib';
import { EmbargoError } from '../../../shared/errors.ts';
import { applyDelta } from './delta.ts';
import { hashObject, type GitObject, type ObjectType } from './objects.ts';
import { writePackIndex, type IndexedEntry } from './pack-index.ts';
import { deflateBound, inflateExact, parseEntryHeader } from './pack-reader.ts';

export interface IndexProgress {
  phase: 'receiving' | 'resolving';
  done: number;
  total: number;
}

export interface IndexPackOptions {
  /** Bases of REF_DELTA entries not in the pack (a thin pack's prerequisites). */
  external?(sha: string): GitObject | null;
  onObject?(sha: string, object: GitObject): void;
  onProgress?(progress: IndexProgress): void;
}

export interface IndexedPack {
  idx: Buffer;
  checksum: string;
  count: number;
  /** Every object the pack holds, by id. */
  objects: Map<string, ObjectType>;
}

const crc32 = (zlib as unknown as { crc32(data: Uint8Array, value?: number): number }).crc32;

function bundleError(detail: string): EmbargoError {
  return new EmbargoError('PackInvalid', `The pack is invalid: ${detail}.`, { detail });
}

export function indexPack(file: string, start: number, options: IndexPackOptions = {}): IndexedPack {
  const fd = openSync(file, 'r');
  try {
    const total = fstatSync(fd).size - start;
    const read = (offset: number, length: number): Buffer => {
      const end = Math.min(total, offset + length);
      const buffer = Buffer.allocUnsafe(Math.max(0, end - offset));
      let got = 0;
      while (got < buffer.length) {
        const n = readSync(fd, buffer, got, buffer.length - got, start + offset + got);
        if (n === 0) break;
        got += n;
      }
      return buffer.subarray(0, got);
    };
    if (total < 32) throw bundleError('it is shorter than a pack header and trailer');
    const head = read(0, 12);
    if (head.toString('latin1', 0, 4) !== 'PACK') throw bundleError('missing PACK signature');
    const version = head.readUInt32BE(4);
    if (version !== 2 && version !== 3) throw bundleError(`unsupported pack version ${version}`);
    const count = head.readUInt32BE(8);

    // The trailer: SHA-1 of everything before it.
    const hash = createHash('sha1');
    const chunk = 8 * 1024 * 1024;
    for (let at = 0; at < total - 20; at += chunk) hash.update(read(at, Math.min(chunk, total - 20 - at)));
    const trailer = read(total - 20, 20);
    const digest = hash.digest();
    if (!digest.equals(trailer)) throw bundleError('its SHA-1 trailer does not match its content');

    const offsets: number[] = [];
    const kinds: (ObjectType | null)[] = [];
    const shas: (string | null)[] = [];
    const crcs: number[] = [];
    const ofsChildren = new Map<number, number[]>();
    const refChildren = new Map<string, number[]>();
    const positionOf = new Map<number, number>();
    let offset = 12;
    for (let i = 0; i < count; i++) {
      if (offset >= total - 20) throw bundleError(`it ends after ${i} of ${count} objects`);
      const headBytes = read(offset, 32);
      const header = parseEntryHeader(headBytes, 0, offset);
      const body = read(offset + header.headerLength, deflateBound(header.size));
      const { data, consumed } = inflateExact(body, header.size, `object ${i}`);
      const end = offset + header.headerLength + consumed;
      offsets.push(offset);
      positionOf.set(offset, i);
      crcs.push(crc32(read(offset, end - offset)));
      if (header.kind === 'ofs-delta' || header.kind === 'ref-delta') {
        kinds.push(null);
        shas.push(null);
        if (header.kind === 'ofs-delta') {
          const list = ofsChildren.get(header.base as number) ?? [];
          list.push(i);
          ofsChildren.set(header.base as number, list);
        } else {
          const list = refChildren.get(header.base as string) ?? [];
          list.push(i);
          refChildren.set(header.base as string, list);
        }
      } else {
        const sha = hashObject(header.kind, data);
        kinds.push(header.kind);
        shas.push(sha);
        options.onObject?.(sha, { type: header.kind, data });
      }
      offset = end;
      if (i % 5000 === 0) options.onProgress?.({ phase: 'receiving', done: i, total: count });
    }
    if (offset !== total - 20) throw bundleError('there are stray bytes between the last object and the trailer');
    for (const base of ofsChildren.keys()) {
      if (!positionOf.has(base)) throw bundleError(`a delta refers to offset ${base}, where no object starts`);
    }

    // Resolve deltas depth first from every base, keeping only one chain in memory.
    let resolved = kinds.filter((k) => k !== null).length;
    const inflateAt = (position: number): Buffer => {
      const at = offsets[position]!;
      const header = parseEntryHeader(read(at, 32), 0, at);
      return inflateExact(read(at + header.headerLength, deflateBound(header.size)), header.size, `object ${position}`).data;
    };
    const resolveChildren = (root: GitObject, rootSha: string, rootOffset: number | null): void => {
      const stack: { object: GitObject; sha: string; offset: number | null }[] = [{ object: root, sha: rootSha, offset: rootOffset }];
      while (stack.length > 0) {
        const { object, sha, offset: baseOffset } = stack.pop()!;
        const children = [...(baseOffset !== null ? (ofsChildren.get(baseOffset) ?? []) : []), ...(refChildren.get(sha) ?? [])];
        refChildren.delete(sha);
        for (const child of children) {
          if (shas[child] !== null) continue;
          const data = applyDelta(object.data, inflateAt(child));
          const childSha = hashObject(object.type, data);
          kinds[child] = object.type;
          shas[child] = childSha;
          options.onObject?.(childSha, { type: object.type, data });
          resolved++;
          if (resolved % 5000 === 0) options.onProgress?.({ phase: 'resolving', done: resolved, total: count });
          stack.push({ object: { type: object.type, data }, sha: childSha, offset: offsets[child]! });
        }
      }
    };
    for (let i = 0; i < count; i++) {
      const kind = kinds[i];
      if (kind === null || kind === undefined) continue;
      const hasOfs = ofsChildren.has(offsets[i]!);
      const hasRef = refChildren.has(shas[i]!);
      if (!hasOfs && !hasRef) continue;
      resolveChildren({ type: kind, data: inflateAt(i) }, shas[i]!, offsets[i]!);
    }
    // Thin packs: bases outside the pack.
    for (const baseSha of [...refChildren.keys()]) {
      if (!refChildren.has(baseSha)) continue;
      const base = options.external?.(baseSha) ?? null;
      if (!base) {
        throw new EmbargoError('BundlePrerequisiteMissing', `The pack needs object ${baseSha}, which is neither in it nor in the upstream repository.`, {
          sha: baseSha,
        });
      }
      resolveChildren(base, baseSha, null);
    }
    const unresolved = shas.findIndex((s) => s === null);
    if (unresolved >= 0) throw bundleError(`the delta at offset ${offsets[unresolved]} never resolves (a cycle or a missing base)`);
    options.onProgress?.({ phase: 'resolving', done: count, total: count });

    const entries: IndexedEntry[] = shas.map((sha, i) => ({ sha: Buffer.from(sha!, 'hex'), offset: offsets[i]!, crc32: crcs[i]! }));
    const objects = new Map<string, ObjectType>();
    shas.forEach((sha, i) => objects.set(sha!, kinds[i]!));
    if (objects.size !== count) throw bundleError('it holds the same object twice');
    return { idx: writePackIndex(entries, trailer), checksum: trailer.toString('hex'), count, objects };
  } catch (error) {
    if (error instanceof EmbargoError && error.code === 'GitObjectInvalid') throw bundleError(String(error.data.detail ?? error.message));
    throw error;
  } finally {
    closeSync(fd);
  }
}

