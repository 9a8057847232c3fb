// Canary search: a unique string planted in embargoed data must not appear in any file that
// was written, neither raw (UTF-8, UTF-16, base64, hex) nor inside any zlib or gzip stream.
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, inflateSync, inflateRawSync } from 'node:zlib';

export function makeCanary(): string {
  return `CANARY-${randomBytes(9).toString('hex')}`;
}

function needles(canary: string): Buffer[] {
  return [
    Buffer.from(canary, 'utf8'),
    Buffer.from(canary, 'utf16le'),
    Buffer.from(Buffer.from(canary).toString('hex'), 'utf8'),
    // base64 of the canary at each of the three alignments, minus the unstable edges
    ...[0, 1, 2].map((shift) => {
      const encoded = Buffer.from(`${'x'.repeat(shift)}${canary}`).toString('base64');
      return Buffer.from(encoded.slice(Math.ceil((shift * 4) / 3) + 2, -4), 'utf8');
    }),
  ];
}

/** Every zlib (78 01/5e/9c/da) or gzip (1f 8b) stream that inflates, at any offset. */
function inflatedStreams(bytes: Buffer): Buffer[] {
  const found: Buffer[] = [];
  for (let at = 0; at < bytes.length - 2; at += 1) {
    const a = bytes[at]!;
    const b = bytes[at + 1]!;
    try {
      if (a === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(b)) found.push(inflateSync(bytes.subarray(at)));
      else if (a === 0x1f && b === 0x8b) found.push(gunzipSync(bytes.subarray(at)));
    } catch {
      // not a stream here
    }
  }
  return found;
}

export interface CanaryHit {
  file: string;
  where: 'raw' | 'zlib' | 'deflate';
}

export async function listFilesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export async function findCanary(canary: string, roots: string[], options: { rawDeflate?: boolean } = {}): Promise<CanaryHit[]> {
  const hits: CanaryHit[] = [];
  const patterns = needles(canary);
  for (const root of roots) {
    for (const file of await listFilesUnder(root)) {
      const bytes = await readFile(file).catch(() => null);
      if (!bytes) continue;
      if (patterns.some((p) => bytes.includes(p))) hits.push({ file, where: 'raw' });
      else if (inflatedStreams(bytes).some((inflated) => patterns.some((p) => inflated.includes(p)))) hits.push({ file, where: 'zlib' });
      else if (options.rawDeflate) {
        try {
          if (patterns.some((p) => inflateRawSync(bytes).includes(p))) hits.push({ file, where: 'deflate' });
        } catch {
          // not raw deflate
        }
      }
    }
  }
  return hits;
}
