// Git's binary patch hunks ("GIT binary patch" / "literal N"): zlib-deflated content in
// git's base85 alphabet, 52 bytes per line with a length letter. Encoding and decoding.
import { deflateSync, inflateSync } from 'node:zlib';
import { EmbargoError } from '../../shared/errors.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';
const DECODE = new Map([...ALPHABET].map((c, i) => [c, i]));

function lengthChar(n: number): string {
  return n <= 26 ? String.fromCharCode(0x41 + n - 1) : String.fromCharCode(0x61 + n - 27);
}

export function encodeBase85Lines(bytes: Buffer): string[] {
  const lines: string[] = [];
  for (let at = 0; at < bytes.length; at += 52) {
    const chunk = bytes.subarray(at, at + 52);
    let line = lengthChar(chunk.length);
    for (let i = 0; i < chunk.length; i += 4) {
      let value = 0;
      for (let j = 0; j < 4; j++) value = value * 256 + (chunk[i + j] ?? 0);
      const chars: string[] = [];
      for (let k = 0; k < 5; k++) {
        chars.unshift(ALPHABET[value % 85]!);
        value = Math.floor(value / 85);
      }
      line += chars.join('');
    }
    lines.push(line);
  }
  return lines;
}

export function decodeBase85Lines(lines: string[]): Buffer {
  const out: Buffer[] = [];
  for (const line of lines) {
    const first = line.charCodeAt(0);
    const length = first >= 0x41 && first <= 0x5a ? first - 0x40 : first >= 0x61 && first <= 0x7a ? first - 0x60 + 26 : -1;
    const body = line.slice(1);
    if (length < 0 || body.length !== Math.ceil(length / 4) * 5) throw badBinary('a line has a bad length');
    const bytes = Buffer.alloc(Math.ceil(length / 4) * 4);
    for (let i = 0; i < body.length; i += 5) {
      let value = 0;
      for (let k = 0; k < 5; k++) {
        const digit = DECODE.get(body[i + k]!);
        if (digit === undefined) throw badBinary('a character outside the base85 alphabet');
        value = value * 85 + digit;
      }
      if (value > 0xffffffff) throw badBinary('a base85 group overflows');
      bytes.writeUInt32BE(value, (i / 5) * 4);
    }
    out.push(bytes.subarray(0, length));
  }
  return Buffer.concat(out);
}

function badBinary(detail: string): EmbargoError {
  return new EmbargoError('PatchInvalid', `A binary patch is corrupt: ${detail}.`, { detail });
}

/** One "literal" hunk (git uses "delta" when smaller; literal is always valid). */
export function literalHunk(content: Buffer): string {
  return `literal ${content.length}\n${encodeBase85Lines(deflateSync(content)).join('\n')}${content.length >= 0 ? '\n' : ''}\n`;
}

export function inflateLiteral(lines: string[], size: number): Buffer {
  let data: Buffer;
  try {
    data = inflateSync(decodeBase85Lines(lines));
  } catch (error) {
    if (error instanceof EmbargoError) throw error;
    throw badBinary('the compressed data is damaged');
  }
  if (data.length !== size) throw badBinary(`it inflates to ${data.length} bytes, not ${size}`);
  return data;
}
