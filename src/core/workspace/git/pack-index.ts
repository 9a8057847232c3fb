// Pack index version 2 (`.idx`): reading (binary search through the fan-out table) and
// writing (for packs we index ourselves: upstream bundles).
import { createHash } from 'node:crypto';
import { malformed } from './objects.ts';

const IDX_MAGIC = Buffer.from([0xff, 0x74, 0x4f, 0x63]);

export class PackIndex {
  readonly count: number;
  private readonly namesAt = 8 + 256 * 4;
  private readonly offsetsAt: number;
  private readonly largeAt: number;

  constructor(private readonly bytes: Buffer) {
    if (bytes.length < 8 + 1024 + 40 || !bytes.subarray(0, 4).equals(IDX_MAGIC) || bytes.readUInt32BE(4) !== 2) {
      throw malformed('pack index', 'not a version 2 .idx file');
    }
    this.count = bytes.readUInt32BE(8 + 255 * 4);
    this.offsetsAt = this.namesAt + this.count * 20 + this.count * 4;
    this.largeAt = this.offsetsAt + this.count * 4;
    if (bytes.length < this.largeAt + 40) throw malformed('pack index', 'truncated');
  }

  /** The pack's own checksum, as recorded in the index trailer. */
  get packChecksum(): string {
    return this.bytes.toString('hex', this.bytes.length - 40, this.bytes.length - 20);
  }

  private offsetAt(position: number): number {
    const small = this.bytes.readUInt32BE(this.offsetsAt + position * 4);
    if (!(small & 0x80000000)) return small;
    const large = this.largeAt + (small & 0x7fffffff) * 8;
    return this.bytes.readUInt32BE(large) * 2 ** 32 + this.bytes.readUInt32BE(large + 4);
  }

  shaAt(position: number): string {
    return this.bytes.toString('hex', this.namesAt + position * 20, this.namesAt + position * 20 + 20);
  }

  /** The pack offset of an object, or -1. */
  find(sha: string): number {
    const target = Buffer.from(sha, 'hex');
    const first = target[0]!;
    let low = first === 0 ? 0 : this.bytes.readUInt32BE(8 + (first - 1) * 4);
    let high = this.bytes.readUInt32BE(8 + first * 4);
    while (low < high) {
      const mid = (low + high) >>> 1;
      const at = this.namesAt + mid * 20;
      const cmp = this.bytes.compare(target, 0, 20, at, at + 20);
      if (cmp === 0) return this.offsetAt(mid);
      if (cmp > 0) high = mid;
      else low = mid + 1;
    }
    return -1;
  }

  *entries(): Generator<{ sha: string; offset: number }> {
    for (let i = 0; i < this.count; i++) yield { sha: this.shaAt(i), offset: this.offsetAt(i) };
  }
}

export interface IndexedEntry {
  sha: Buffer; // 20 bytes
  offset: number;
  crc32: number;
}

export function writePackIndex(entries: IndexedEntry[], packChecksum: Buffer): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(a.sha, b.sha));
  const fanout = Buffer.alloc(256 * 4);
  let position = 0;
  for (let byte = 0; byte < 256; byte++) {
    while (position < sorted.length && sorted[position]!.sha[0]! <= byte) position++;
    fanout.writeUInt32BE(position, byte * 4);
  }
  const crcs = Buffer.alloc(sorted.length * 4);
  const offsets = Buffer.alloc(sorted.length * 4);
  const large: Buffer[] = [];
  sorted.forEach((entry, i) => {
    crcs.writeUInt32BE(entry.crc32 >>> 0, i * 4);
    if (entry.offset < 0x80000000) offsets.writeUInt32BE(entry.offset, i * 4);
    else {
      offsets.writeUInt32BE((0x80000000 | large.length) >>> 0, i * 4);
      const big = Buffer.alloc(8);
      big.writeUInt32BE(Math.floor(entry.offset / 2 ** 32), 0);
      big.writeUInt32BE(entry.offset >>> 0, 4);
      large.push(big);
    }
  });
  const body = Buffer.concat([
    IDX_MAGIC,
    Buffer.from([0, 0, 0, 2]),
    fanout,
    ...sorted.map((e) => e.sha),
    crcs,
    offsets,
    ...large,
    packChecksum,
  ]);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}
