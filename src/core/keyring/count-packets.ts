// A cheap walk over OpenPGP packet headers (RFC 9580 §4.2), before openpgp.js parses anything:
// it jumps from header to header without looking inside packets, so a key with a million user
// IDs or a keyring of a million keys is refused after one pass over its lengths, not after
// openpgp has built (and verified the signatures of) every one of them.
import { LIMITS, inputTooLarge } from '../../shared/limits.ts';

const TAG_SECRET_KEY = 5;
const TAG_PUBLIC_KEY = 6;
const TAG_SECRET_SUBKEY = 7;
const TAG_USER_ID = 13;
const TAG_PUBLIC_SUBKEY = 14;
const TAG_USER_ATTRIBUTE = 17;

export interface PacketCounts {
  packets: number;
  keys: number;
  /** The most user IDs (and user attributes) on any one key. */
  maxUserIds: number;
  /** The most subkeys on any one key. */
  maxSubkeys: number;
}

/** Length of the body after a new-format length at `at`: [headerBytes, bodyLength] or null. */
function newLength(bytes: Uint8Array, at: number): [number, number, boolean] | null {
  const o1 = bytes[at];
  if (o1 === undefined) return null;
  if (o1 < 192) return [1, o1, false];
  if (o1 < 224) {
    const o2 = bytes[at + 1];
    return o2 === undefined ? null : [2, ((o1 - 192) << 8) + o2 + 192, false];
  }
  if (o1 === 255) {
    if (at + 5 > bytes.length) return null;
    return [5, ((bytes[at + 1]! << 24) >>> 0) + (bytes[at + 2]! << 16) + (bytes[at + 3]! << 8) + bytes[at + 4]!, false];
  }
  return [1, 1 << (o1 & 0x1f), true]; // a partial body length: more length chunks follow
}

/**
 * Counts packets, keys, and user IDs and subkeys per key in binary OpenPGP data. Stops quietly
 * at the first malformed header (openpgp then reports the damage). Throws InputTooLarge as soon
 * as a count passes its limit in LIMITS. `onHeader` is called once per header read (for tests
 * that bound the work).
 */
export function countKeyPackets(bytes: Uint8Array, onHeader: () => void = () => {}): PacketCounts {
  const counts: PacketCounts = { packets: 0, keys: 0, maxUserIds: 0, maxSubkeys: 0 };
  let userIds = 0;
  let subkeys = 0;
  let at = 0;
  while (at < bytes.length) {
    onHeader();
    const tagByte = bytes[at]!;
    if ((tagByte & 0x80) === 0) break;
    let tag: number;
    let next: number;
    if (tagByte & 0x40) {
      tag = tagByte & 0x3f;
      let cursor = at + 1;
      for (;;) {
        const length = newLength(bytes, cursor);
        if (!length) return counts;
        cursor += length[0] + length[1];
        if (!length[2]) break;
        onHeader();
      }
      next = cursor;
    } else {
      tag = (tagByte >> 2) & 0x0f;
      const type = tagByte & 0x03;
      const size = type === 3 ? 0 : 1 << type;
      if (at + 1 + size > bytes.length) return counts;
      let body = 0;
      for (let i = 0; i < size; i++) body = body * 256 + bytes[at + 1 + i]!;
      next = type === 3 ? bytes.length : at + 1 + size + body;
    }
    counts.packets++;
    if (counts.packets > LIMITS.packetsPerImport) throw inputTooLarge('key import', LIMITS.packetsPerImport, counts.packets, 'packets');
    if (tag === TAG_PUBLIC_KEY || tag === TAG_SECRET_KEY) {
      counts.keys++;
      if (counts.keys > LIMITS.keysPerImport) throw inputTooLarge('key import', LIMITS.keysPerImport, counts.keys, 'keys');
      userIds = 0;
      subkeys = 0;
    } else if (tag === TAG_USER_ID || tag === TAG_USER_ATTRIBUTE) {
      userIds++;
      counts.maxUserIds = Math.max(counts.maxUserIds, userIds);
      if (userIds > LIMITS.userIdsPerKey) throw inputTooLarge('key', LIMITS.userIdsPerKey, userIds, 'user IDs');
    } else if (tag === TAG_PUBLIC_SUBKEY || tag === TAG_SECRET_SUBKEY) {
      subkeys++;
      counts.maxSubkeys = Math.max(counts.maxSubkeys, subkeys);
      if (subkeys > LIMITS.subkeysPerKey) throw inputTooLarge('key', LIMITS.subkeysPerKey, subkeys, 'subkeys');
    }
    at = next;
  }
  return counts;
}

/** The binary packets of one armored block (headers, checksum and CRLFs dropped). */
export function dearmorBlock(block: string): Uint8Array {
  const lines = block.split(/\r?\n/);
  const blank = lines.findIndex((line, i) => i > 0 && line.trim() === '');
  const body: string[] = [];
  for (const line of lines.slice(blank < 0 ? 1 : blank + 1)) {
    if (line.startsWith('-----END') || /^=[A-Za-z0-9+/]{4}$/.test(line.trim())) break;
    body.push(line.trim());
  }
  return Buffer.from(body.join(''), 'base64');
}
