// Limits on what a pack or bundle may make us allocate (issue 18, item 4): a bundle header, an
// upstream bundle, an object's declared size, a delta's declared result and a zlib stream that
// inflates past its declared size. Work is bounded by counting what is allocated and scanned,
// never by a clock.
import { deflateSync } from 'node:zlib';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyDelta } from '../../../src/core/workspace/git/delta.ts';
import { readBundleHeader } from '../../../src/core/workspace/git/bundle.ts';
import { inflateExact, parseEntryHeader } from '../../../src/core/workspace/git/pack-reader.ts';
import { importBundle } from '../../../src/core/workspace/import-upstream.ts';
import { parseOwnersYaml } from '../../../src/core/workspace/owners.ts';
import type { Vault } from '../../../src/core/vault/vault.ts';
import { EmbargoError } from '../../../src/shared/errors.ts';
import { LIMITS } from '../../../src/shared/limits.ts';

function refusal(work: () => unknown): EmbargoError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(EmbargoError);
    return error as EmbargoError;
  }
  throw new Error('not refused');
}

/** git's varint of a delta header. */
function varint(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** A pack entry header declaring `size` bytes of a blob. */
function entryHeader(size: number): Buffer {
  const bytes = [(3 << 4) | (size % 16) | (size >= 16 ? 0x80 : 0)];
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes.push((rest % 128) | (rest >= 128 ? 0x80 : 0));
    rest = Math.floor(rest / 128);
  }
  return Buffer.from(bytes);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embargo-git-limits-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('git object and bundle limits', () => {
  it('refuses a pack entry declaring more than the object limit, before inflating it', () => {
    const error = refusal(() => parseEntryHeader(entryHeader(LIMITS.gitObjectBytes + 1), 0, 12));
    expect({ code: error.code, data: error.data }).toEqual({ code: 'InputTooLarge', data: { what: 'git object', limit: LIMITS.gitObjectBytes, actual: LIMITS.gitObjectBytes + 1 } });
    expect(parseEntryHeader(entryHeader(LIMITS.gitObjectBytes), 0, 12).size).toBe(LIMITS.gitObjectBytes);
  });

  it('refuses a delta declaring a result past the limit without allocating it', () => {
    const allocations = vi.spyOn(Buffer, 'allocUnsafe');
    const bomb = Buffer.from([...varint(1), ...varint(2 ** 40), 0x90, 0x01]);
    const error = refusal(() => applyDelta(Buffer.from('x'), bomb));
    expect(error.code).toBe('InputTooLarge');
    expect(allocations).not.toHaveBeenCalled();
    allocations.mockRestore();
  });

  it('stops a zlib stream that inflates past its declared size (a zip bomb) with a coded error', () => {
    const bomb = deflateSync(Buffer.alloc(8 * 1024 * 1024));
    const error = refusal(() => inflateExact(bomb, 10, 'object 0'));
    expect(error.code).toBe('GitObjectInvalid');
  });

  it('any delta allocates at most its declared size, never past the limit, and fails only with coded errors', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat({ max: 2 ** 45 }), (base, tail, declared) => {
        const delta = Buffer.from([...varint(base.length), ...varint(declared), ...tail]);
        const sizes: number[] = [];
        const original = Buffer.allocUnsafe.bind(Buffer);
        const spy = vi.spyOn(Buffer, 'allocUnsafe').mockImplementation((size: number) => {
          sizes.push(size);
          return original(size);
        });
        try {
          applyDelta(Buffer.from(base), delta);
        } catch (error) {
          expect(error).toBeInstanceOf(EmbargoError);
          expect(['GitObjectInvalid', 'InputTooLarge']).toContain((error as EmbargoError).code);
        } finally {
          spy.mockRestore();
        }
        expect(sizes.length).toBeLessThanOrEqual(1);
        for (const size of sizes) expect(size).toBeLessThanOrEqual(Math.min(declared, LIMITS.gitObjectBytes));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a bundle header past the limit, after reading at most one chunk beyond it', async () => {
    const file = join(dir, 'long-header.bundle');
    await writeFile(file, `# v2 git bundle\n${'0'.repeat(40)} refs/heads/${'x'.repeat(LIMITS.bundleHeaderBytes)}\n\n`);
    const error = refusal(() => readBundleHeader(file));
    expect(error.code).toBe('InputTooLarge');
    expect(error.data).toMatchObject({ what: 'bundle header', limit: LIMITS.bundleHeaderBytes });
    expect(Number(error.data.actual)).toBeLessThanOrEqual(LIMITS.bundleHeaderBytes + 64 * 1024);
  });

  it('refuses an upstream bundle past the byte limit before reading its header', async () => {
    const file = join(dir, 'huge-upstream.bundle');
    await writeFile(file, '# v2 git bundle\n');
    await truncate(file, LIMITS.upstreamBundleBytes + 1); // sparse: nothing is written
    const untouchable = new Proxy({}, { get: () => { throw new Error('the vault was used'); } }) as Vault;
    const error = await importBundle(untouchable, 'c', file, new Date(0)).then(() => null, (e: unknown) => e as EmbargoError);
    expect(error?.data).toEqual({ what: 'upstream bundle', limit: LIMITS.upstreamBundleBytes, actual: LIMITS.upstreamBundleBytes + 1 });
  });
});

/** Strings, arrays and objects in a parsed YAML value: what yaml built. */
function nodes(value: unknown): number {
  if (Array.isArray(value)) return 1 + value.reduce((sum: number, item) => sum + nodes(item), 0);
  if (value && typeof value === 'object') return 1 + Object.values(value).reduce((sum: number, item) => sum + nodes(item), 0);
  return 1;
}

describe('OWNERS alias expansion is bounded', () => {
  it('any alias tree (width x depth) is refused or builds at most limit x length nodes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (width, depth) => {
        const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
        for (let level = 1; level <= depth; level++) lines.push(`l${level}: &l${level} [${Array(width).fill(`*l${level - 1}`).join(', ')}]`);
        lines.push(`approvers: *l${depth}`);
        const text = lines.join('\n');
        try {
          const value = parseOwnersYaml(text);
          expect(nodes(value)).toBeLessThanOrEqual((LIMITS.yamlAliases + 1) * text.length);
        } catch (error) {
          expect((error as EmbargoError).code).toBe('InputTooLarge');
        }
      }),
      { numRuns: 200 },
    );
  });
});
