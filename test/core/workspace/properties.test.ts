// Malformed bundles and mboxes give typed errors and change nothing (fast-check), and the
// byte-level codecs round-trip.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/shared/errors.ts';
import { decodeBase85Lines, encodeBase85Lines } from '../../../src/core/workspace/binary-patch.ts';
import { merge3 } from '../../../src/core/workspace/merge3.ts';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { buildFix, buildUpstream, git } from './git-fixture.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const TYPED = new Set<string>(ERROR_CODES.filter((c) => c !== 'Internal'));

describe('workspace input properties', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let caseId: string;
  let bundle: Buffer;
  let mbox: Buffer;

  beforeAll(async () => {
    root = await tempDir('embargo-ws-prop-');
    const upstream = buildUpstream(root.path);
    const fix = buildFix(root.path, upstream, 'prop-canary');
    git(fix.repo, ['bundle', 'create', '-q', join(root.path, 'fix.bundle'), 'v1.6.0..fix']);
    bundle = readFileSync(join(root.path, 'fix.bundle'));
    mbox = Buffer.from(git(fix.repo, ['format-patch', '--stdout', 'v1.6.0..fix']), 'utf8');
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    caseId = (await vault.call('case.create', { title: 'props', disclosedAt: '2026-01-10T09:00:00Z' })).id;
    await vault.call('workspace.import', { id: caseId, upstream });
  }, 60_000);

  afterAll(async () => {
    await vault?.cleanup();
    await root?.remove();
  });

  async function assertRejectedAndUnchanged(bytes: Buffer, name: string): Promise<void> {
    const file = join(root.path, name);
    writeFileSync(file, bytes);
    const before = await vault.call('workspace.status', { id: caseId });
    const events = (await vault.call('case.timeline', { id: caseId })).length;
    const result = await vault.result('workspace.fix', { id: caseId, from: file, base: 'v1.6.0' });
    if (result.ok) return; // a mutation that still is a valid input (e.g. a changed message) is fine
    expect(TYPED.has(result.error.code), `${result.error.code}: ${result.error.message}`).toBe(true);
    expect(await vault.call('workspace.status', { id: caseId })).toEqual(before);
    expect((await vault.call('case.timeline', { id: caseId })).length).toBe(events);
  }

  it('damaged bundles give typed errors and change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }).map(({ at, byte }) => {
            const copy = Buffer.from(bundle);
            const i = at % copy.length;
            copy[i] = copy[i] === byte ? byte ^ 1 : byte;
            return copy;
          }),
          fc.nat().map((n) => bundle.subarray(0, n % bundle.length)),
          fc.uint8Array({ maxLength: 200 }).map((junk) => Buffer.concat([Buffer.from('# v2 git bundle\n'), Buffer.from(junk)])),
        ),
        async (bytes) => assertRejectedAndUnchanged(bytes, 'bad.bundle'),
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('damaged mboxes give typed errors and change nothing', async () => {
    const text = mbox.toString('utf8');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }).map(({ at, len }) => {
            const i = at % text.length;
            return Buffer.from(text.slice(0, i) + text.slice(i + len), 'utf8');
          }),
          fc.record({ at: fc.nat(), junk: fc.string({ maxLength: 20 }) }).map(({ at, junk }) => {
            const i = at % text.length;
            return Buffer.from(text.slice(0, i) + junk + text.slice(i), 'utf8');
          }),
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
        ),
        async (bytes) => assertRejectedAndUnchanged(bytes, 'bad.mbox'),
      ),
      { numRuns: 80 },
    );
  }, 120_000);

  it('base85 round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        expect(decodeBase85Lines(encodeBase85Lines(Buffer.from(bytes)))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('merge3: one-sided changes merge to that side; identical changes merge; overlapping differ conflict', () => {
    const base = Buffer.from('a\nb\nc\nd\ne\n');
    expect(merge3(base, base, Buffer.from('a\nB\nc\nd\ne\n'))).toEqual({ clean: true, content: Buffer.from('a\nB\nc\nd\ne\n') });
    expect(merge3(base, Buffer.from('A\nb\nc\nd\ne\n'), Buffer.from('a\nb\nc\nd\nE\n'))).toEqual({ clean: true, content: Buffer.from('A\nb\nc\nd\nE\n') });
    expect(merge3(base, Buffer.from('a\nX\nc\nd\ne\n'), Buffer.from('a\nX\nc\nd\ne\n')).clean).toBe(true);
    expect(merge3(base, Buffer.from('a\nX\nc\nd\ne\n'), Buffer.from('a\nY\nc\nd\ne\n')).clean).toBe(false);
    // adjacent changes conflict in git
    expect(merge3(base, Buffer.from('a\nX\nc\nd\ne\n'), Buffer.from('a\nb\nY\nd\ne\n')).clean).toBe(false);
  });
});
