// Git's delta format (pack entries of type OFS_DELTA / REF_DELTA): two varint sizes, then
// copy-from-base and insert instructions.
import { LIMITS, inputTooLarge } from '../../../shared/limits.ts';
import { malformed } from './objects.ts';

function readVarint(delta: Uint8Array, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  let byte: number;
  do {
    if (at >= delta.length) throw malformed('delta', 'truncated size');
    byte = delta[at++]!;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  const [baseSize, afterBase] = readVarint(delta, 0);
  const [resultSize, afterResult] = readVarint(delta, afterBase);
  let at = afterResult;
  if (baseSize !== base.length) throw malformed('delta', `base size ${base.length} differs from the delta's ${baseSize}`);
  // A delta of a few bytes can declare any result size; refuse it before allocating.
  if (resultSize > LIMITS.gitObjectBytes) throw inputTooLarge('git object', LIMITS.gitObjectBytes, resultSize, 'bytes');
  const out = Buffer.allocUnsafe(resultSize);
  let written = 0;
  while (at < delta.length) {
    const op = delta[at++]!;
    if (op & 0x80) {
      let offset = 0;
      let size = 0;
      for (let bit = 0; bit < 4; bit++) if (op & (1 << bit)) offset += delta[at++]! * 2 ** (8 * bit);
      for (let bit = 0; bit < 3; bit++) if (op & (1 << (4 + bit))) size |= delta[at++]! << (8 * bit);
      if (size === 0) size = 0x10000;
      if (offset + size > base.length || written + size > resultSize) throw malformed('delta', 'copy out of range');
      base.copy(out, written, offset, offset + size);
      written += size;
    } else if (op > 0) {
      if (at + op > delta.length || written + op > resultSize) throw malformed('delta', 'insert out of range');
      delta.copy(out, written, at, at + op);
      written += op;
      at += op;
    } else {
      throw malformed('delta', 'reserved instruction 0');
    }
  }
  if (written !== resultSize) throw malformed('delta', 'result size mismatch');
  return out;
}
