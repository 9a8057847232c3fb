import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshVault, testCore, TEST_PASSPHRASE } from '../../helpers/core.ts';
import { KEY_FILE_NAME } from '../../../src/core/vault/key-file.ts';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

// The KDF is not what these tests are about; a cheap one keeps hundreds of unlocks fast.
const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;

async function vaultWithCases(count = 2, kdf: typeof CHEAP_KDF | null = CHEAP_KDF) {
  const vault = await freshVault(kdf ? { createOptions: { kdf } } : {});
  cleanups.push(vault.cleanup);
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const created = await vault.call('case.create', { title: `Case ${n}`, disclosedAt: '2026-11-20T09:00:00Z', kind: 'private' });
    await vault.call('case.update', { id: created.id, edits: { summary: `summary ${n}`, cve: `CVE-2026-100${n}` } });
    ids.push(created.id);
  }
  await vault.call('vault.lock', {});
  return { vault, ids };
}

async function listVaultFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Opens the vault and reads everything, returning the first error code (or 'ok'). */
async function openAndReadAll(dir: string): Promise<string> {
  const test = testCore(dir);
  try {
    const unlocked = await test.result('vault.unlock', { passphrase: TEST_PASSPHRASE });
    if (!unlocked.ok) return unlocked.error.code;
    const list = await test.result('case.list', {});
    if (!list.ok) return list.error.code;
    for (const summary of list.value) {
      const shown = await test.result('case.timeline', { id: summary.id });
      if (!shown.ok) return shown.error.code;
    }
    return 'ok';
  } finally {
    await test.core.lock();
  }
}

describe('vault round trip', () => {
  it('keeps cases across lock and unlock', async () => {
    const { vault, ids } = await vaultWithCases(2);
    const locked = await vault.result('case.list', {});
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.code).toBe('VaultLocked');

    const reopened = testCore(vault.dir);
    await reopened.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const list = await reopened.call('case.list', {});
    expect(list.map((c) => c.id).sort()).toEqual([...ids].sort());
    const shown = await reopened.call('case.show', { id: ids[1]! });
    expect(shown.summary).toBe('summary 1');
    expect(shown.cve).toBe('CVE-2026-1001');
    await reopened.core.lock();
  });

  it('refuses a wrong passphrase with WrongPassphrase and stays locked', async () => {
    const { vault } = await vaultWithCases(1);
    const test = testCore(vault.dir);
    const result = await test.result('vault.unlock', { passphrase: 'not the passphrase' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('WrongPassphrase');
    const list = await test.result('case.list', {});
    expect(list.ok).toBe(false);
  });

  it('refuses to create a vault over an existing one', async () => {
    const { vault } = await vaultWithCases(1);
    const result = await testCore(vault.dir).result('vault.create', { passphrase: 'another passphrase' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VaultExists');
    expect(await openAndReadAll(vault.dir)).toBe('ok');
  });
});

describe('tamper evidence', () => {
  it('a flipped byte anywhere in any vault file gives VaultCorrupt naming the file, and no partial data', async () => {
    const { vault } = await vaultWithCases(2);
    const files = await listVaultFiles(vault.dir);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const path = join(vault.dir, file);
      const original = await readFile(path);
      // Every byte of the key file; in sealed files every header, nonce and tag byte and a
      // spread of ciphertext bytes (every one of those is covered by the same GCM tag).
      const positions = new Set<number>();
      if (file === KEY_FILE_NAME) for (let at = 0; at < original.length; at += 1) positions.add(at);
      else {
        for (let at = 0; at < Math.min(64, original.length); at += 1) positions.add(at);
        for (let at = Math.max(0, original.length - 16); at < original.length; at += 1) positions.add(at);
        const step = Math.max(1, Math.floor(original.length / 64));
        for (let at = 0; at < original.length; at += step) positions.add(at);
      }
      for (const position of positions) {
        const damaged = Buffer.from(original);
        damaged[position] = damaged[position]! ^ 0x01;
        await writeFile(path, damaged);
        const outcome = await openAndReadAll(vault.dir);
        await writeFile(path, original);
        expect(outcome, `${file} byte ${position}`).toBe('VaultCorrupt');
      }
    }
    expect(await openAndReadAll(vault.dir)).toBe('ok');
  });

  it('names the damaged file in the error', async () => {
    const { vault, ids } = await vaultWithCases(1);
    const file = join(vault.dir, 'cases', `${ids[0]}.edoc`);
    const bytes = await readFile(file);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
    await writeFile(file, bytes);
    const test = testCore(vault.dir);
    await test.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const result = await test.result('case.show', { id: ids[0]! });
    await test.core.lock();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VaultCorrupt');
      expect(result.error.message).toContain(`cases/${ids[0]}.edoc`);
      expect(result.error.data?.file).toBe(`cases/${ids[0]}.edoc`);
    }
  });

  it('a case document swapped under another case name does not open', async () => {
    const { vault, ids } = await vaultWithCases(2);
    const [a, b] = ids as [string, string];
    const bytesA = await readFile(join(vault.dir, 'cases', `${a}.edoc`));
    await writeFile(join(vault.dir, 'cases', `${b}.edoc`), bytesA);
    expect(await openAndReadAll(vault.dir)).toBe('VaultCorrupt');
  });

  it('lowering the KDF parameters in the key file breaks authentication, even with a recomputed checksum', async () => {
    const { vault } = await vaultWithCases(1, null);
    const status = testCore(vault.dir);
    await status.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect((await status.call('vault.status', {})).kdf).toEqual({ algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 4 });
    await status.core.lock();
    const path = join(vault.dir, KEY_FILE_NAME);
    const keyFile = JSON.parse(await readFile(path, 'utf8'));
    const { checksum: _checksum, ...body } = keyFile;
    body.kdf = { ...body.kdf, memoryKiB: 1024, iterations: 1 };
    const checksum = createHash('sha256').update(canonicalize(body)!).digest('hex');
    await writeFile(path, canonicalize({ ...body, checksum })!);
    const result = await testCore(vault.dir).result('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('WrongPassphrase');
  });
});

describe('passphrase change', () => {
  it('rewraps the data key only and keeps every case', async () => {
    const { vault, ids } = await vaultWithCases(3);
    const caseFile = join(vault.dir, 'cases', `${ids[0]}.edoc`);
    const before = await readFile(caseFile);
    const test = testCore(vault.dir);
    await test.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const wrong = await test.result('vault.changePassphrase', { current: 'wrong wrong', next: 'a brand new passphrase' });
    expect(wrong.ok).toBe(false);
    await test.call('vault.changePassphrase', { current: TEST_PASSPHRASE, next: 'a brand new passphrase' });
    await test.core.lock();
    expect((await readFile(caseFile)).equals(before)).toBe(true);

    const old = await testCore(vault.dir).result('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(old.ok).toBe(false);
    const fresh = testCore(vault.dir);
    await fresh.call('vault.unlock', { passphrase: 'a brand new passphrase' });
    expect((await fresh.call('case.list', {})).length).toBe(3);
    expect((await fresh.call('vault.verify', {})).ok).toBe(true);
    await fresh.core.lock();
  });
});

describe('single writer', () => {
  it('a second writer gets VaultInUse until the first locks', async () => {
    const { vault } = await vaultWithCases(1);
    const first = testCore(vault.dir);
    await first.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const second = testCore(vault.dir);
    const refused = await second.result('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('VaultInUse');
      expect(refused.error.message).toMatch(/open in another process/);
    }
    await first.call('vault.lock', {});
    await second.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    await second.core.lock();
  });
});
