// Fuzzing of every importer at EMBARGO_FUZZ_RUNS cases each (10,000 by default): OpenPGP keys
// (through keyring.import, the real importer), git bundles (header and through workspace.fix),
// mbox patch series, OWNERS files, CVSS vectors, and the vault's own files (sealed files, the
// key file, the heads journal, backups). Whatever the input, the answer is a value or a coded
// error — never a crash, never `Internal` — and a refused import changes nothing on disk.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbargoError, ERROR_CODES } from '../../src/shared/errors.ts';
import { parseVector } from '../../src/core/cvss/index.ts';
import { openSealed, sealBytes } from '../../src/core/vault/sealed-file.ts';
import { buildKeyFile, parseKeyFile } from '../../src/core/vault/key-file.ts';
import { parseJournal } from '../../src/core/vault/heads.ts';
import { restoreBackup } from '../../src/core/vault/backup.ts';
import { splitMbox, parseMail } from '../../src/core/workspace/mbox.ts';
import { parseBundleHeaderText } from '../../src/core/workspace/git/bundle.ts';
import { OwnersResolver } from '../../src/core/workspace/owners.ts';
import type { CaseWorkspace } from '../../src/core/workspace/case-workspace.ts';
import { systemPorts } from '../../src/core/ports.ts';
import { freshVault, tempDir, TEST_PASSPHRASE } from '../helpers/core.ts';

const RUNS = Number(process.env.EMBARGO_FUZZ_RUNS ?? 10_000);
const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const known = new Set<string>(ERROR_CODES.filter((code) => code !== 'Internal'));

/** A coded error (not Internal) or a value: the only two outcomes an importer may have. */
function outcome(work: () => unknown): string {
  try {
    work();
    return 'ok';
  } catch (error) {
    if (error instanceof EmbargoError && known.has(error.code)) return error.code;
    throw error;
  }
}

async function outcomeAsync(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return 'ok';
  } catch (error) {
    if (error instanceof EmbargoError && known.has(error.code)) return error.code;
    throw error;
  }
}

/** Damage to a genuine input: one byte changed, cut short, a slice repeated, or bytes spliced in. */
function damaged(original: Uint8Array): fc.Arbitrary<Uint8Array> {
  const n = original.length;
  return fc.oneof(
    fc.tuple(fc.nat({ max: n - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
      const copy = Uint8Array.from(original);
      copy[at] = copy[at]! ^ xor;
      return copy;
    }),
    fc.nat({ max: n - 1 }).map((at) => original.subarray(0, at)),
    fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })).map(([a, b]) => Buffer.concat([original.subarray(0, Math.max(a, b)), original.subarray(Math.min(a, b))])),
    fc.tuple(fc.nat({ max: n }), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, bytes]) => Buffer.concat([original.subarray(0, at), bytes, original.subarray(at)])),
    fc.uint8Array({ maxLength: 512 }),
  );
}

function damagedText(original: string): fc.Arbitrary<string> {
  return fc.oneof(
    damaged(Buffer.from(original, 'utf8')).map((bytes) => Buffer.from(bytes).toString('utf8')),
    fc.string({ maxLength: 300 }),
    fc.tuple(fc.nat({ max: original.length }), fc.string({ maxLength: 40 })).map(([at, text]) => original.slice(0, at) + text + original.slice(at)),
  );
}

describe(`importer fuzzing (${RUNS} cases each)`, () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let armoredKey: string;
  let binaryKey: Uint8Array;

  beforeAll(async () => {
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    const { publicKey } = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Fuzz', email: 'fuzz@example.org' }], format: 'object' });
    armoredKey = publicKey.armor();
    binaryKey = publicKey.write();
  });
  afterAll(async () => vault?.cleanup());

  it('keyring.import: damaged keys import as keys or give a coded error and leave the keyring untouched', async () => {
    const keyringFile = join(vault.dir, 'keyring.edoc');
    await vault.call('keyring.import', { data: { text: armoredKey } } as never);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(damaged(binaryKey).map((b) => ({ base64: Buffer.from(b).toString('base64') })), damagedText(armoredKey).map((text) => ({ text }))),
        async (data) => {
          const before = await readFile(keyringFile);
          const result = await vault.result('keyring.import', { data } as never);
          if (result.ok) return;
          expect(known.has(result.error.code), result.error.message).toBe(true);
          expect((await readFile(keyringFile)).equals(before)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('git bundle headers: a header or a coded error (BundleInvalid, UnsupportedFormat)', () => {
    const genuine = `# v3 git bundle\n@object-format=sha1\n-${'a'.repeat(40)} parent\n${'b'.repeat(40)} refs/heads/fix\n\n`;
    fc.assert(
      fc.property(damagedText(genuine), (text) => {
        expect(['ok', 'BundleInvalid', 'UnsupportedFormat']).toContain(outcome(() => parseBundleHeaderText(text, text.length)));
      }),
      { numRuns: RUNS },
    );
  });

  it('mbox patch series: every message parses or gives a coded error', () => {
    const genuine = Buffer.from(
      [
        'From 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b Mon Sep 17 00:00:00 2001',
        'From: Fix Engineer <fix@example.org>',
        'Date: Fri, 20 Nov 2026 09:00:00 +0100',
        'Subject: [PATCH 1/1] kubelet: check the path before mounting',
        '',
        'The mount path was not checked.',
        '',
        '---',
        ' pkg/kubelet/mount.go | 2 +-',
        ' 1 file changed, 1 insertion(+), 1 deletion(-)',
        '',
        'diff --git a/pkg/kubelet/mount.go b/pkg/kubelet/mount.go',
        'index 1111111..2222222 100644',
        '--- a/pkg/kubelet/mount.go',
        '+++ b/pkg/kubelet/mount.go',
        '@@ -1 +1 @@',
        '-unchecked',
        '+checked',
        '-- ',
        '2.43.0',
        '',
      ].join('\n'),
    );
    fc.assert(
      fc.property(damaged(genuine), (bytes) => {
        const result = outcome(() => splitMbox(Buffer.from(bytes)).forEach((raw, index) => parseMail(raw, index)));
        expect(result === 'ok' || known.has(result)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('OWNERS and OWNERS_ALIASES: any text names owners as sorted lists, never a crash', () => {
    const owners = 'approvers:\n  - alice\n  - sig-node-leads\nreviewers:\n  - bob\nfilters:\n  ".*\\\\.go$":\n    approvers: [carol]\noptions:\n  no_parent_owners: true\n';
    const aliases = 'aliases:\n  sig-node-leads:\n    - dave\n    - erin\n';
    // yaml reports odd directives in garbage as process warnings: thousands of lines of noise.
    const emitWarning = process.emitWarning;
    process.emitWarning = () => undefined;
    try {
      fc.assert(
      fc.property(damagedText(owners), damagedText(aliases), damagedText(owners), (rootOwners, aliasText, pkgOwners) => {
        const blobs: Record<string, string> = { o1: rootOwners, a1: aliasText, o2: pkgOwners };
        const trees: Record<string, { name: string; mode: string; sha: string }[]> = {
          root: [
            { name: 'OWNERS', mode: '100644', sha: 'o1' },
            { name: 'OWNERS_ALIASES', mode: '100644', sha: 'a1' },
            { name: 'pkg', mode: '40000', sha: 't2' },
          ],
          t2: [{ name: 'OWNERS', mode: '100644', sha: 'o2' }],
        };
        const ws = { readTree: (sha: string) => trees[sha] ?? [], readBlob: (sha: string) => Buffer.from(blobs[sha] ?? '') } as unknown as CaseWorkspace;
        const found = new OwnersResolver(ws, 'root').ownersOfPaths(['pkg/kubelet/mount.go', 'README.md']);
        for (const list of [found.approvers, found.reviewers]) {
          expect(list.every((name) => typeof name === 'string')).toBe(true);
          expect([...list].sort()).toEqual(list);
        }
      }),
      { numRuns: RUNS },
      );
    } finally {
      process.emitWarning = emitWarning;
    }
  });

  it('CVSS vectors: a parsed vector or InvalidVector', () => {
    const vectors = ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:C/C:L/I:N/A:N/E:P'];
    fc.assert(
      fc.property(fc.oneof(...vectors.map(damagedText), fc.anything()), (input) => {
        expect(['ok', 'InvalidVector', 'InvalidInput']).toContain(outcome(() => parseVector(input)));
      }),
      { numRuns: RUNS },
    );
  });

  it('vault files: sealed files, key file and heads journal open or give VaultCorrupt', async () => {
    const key = new Uint8Array(randomBytes(32));
    const sealed = sealBytes(key, 'document', 'case:EMB-0001', Buffer.from('{"schemaVersion":3}'), randomBytes(12), 7);
    const keyText = await buildKeyFile(TEST_PASSPHRASE, key, CHEAP_KDF, (n) => new Uint8Array(randomBytes(n)));
    const journal = await readFile(join(vault.dir, 'heads.elog'));
    const dataKey = vault.core.openVault().dataKeyForIndex;
    fc.assert(
      fc.property(damaged(sealed), damagedText(keyText), damaged(journal), (file, text, journalBytes) => {
        expect(['ok', 'VaultCorrupt', 'UnsupportedFormat']).toContain(outcome(() => openSealed(key, 'document', 'case:EMB-0001', file, 'f')));
        expect(['ok', 'VaultCorrupt', 'UnsupportedFormat']).toContain(outcome(() => parseKeyFile(text)));
        expect(['ok', 'VaultCorrupt']).toContain(outcome(() => parseJournal(Buffer.from(journalBytes), dataKey)));
        // A changed sealed file never opens: what opens is exactly the genuine file.
        if (outcome(() => openSealed(key, 'document', 'case:EMB-0001', file, 'f')) === 'ok') expect(Buffer.from(file).equals(sealed)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('backups: a damaged backup restores nothing', async () => {
    const out = await tempDir();
    try {
      const file = join(out.path, 'fuzz.backup');
      await vault.call('vault.backup', { output: file });
      const genuine = await readFile(file);
      const digest = createHash('sha256').update(genuine).digest('hex');
      let n = 0;
      await fc.assert(
        fc.asyncProperty(damaged(genuine), async (bytes) => {
          if (createHash('sha256').update(bytes).digest('hex') === digest) return;
          await writeFile(file, bytes);
          n += 1;
          const target = join(out.path, `target-${n}`);
          const result = await outcomeAsync(() => restoreBackup(file, TEST_PASSPHRASE, target, systemPorts));
          expect(['VaultCorrupt', 'WrongPassphrase', 'UnsupportedFormat']).toContain(result);
          expect(existsSync(target)).toBe(false);
        }),
        { numRuns: RUNS },
      );
    } finally {
      await out.remove();
    }
  });
});
