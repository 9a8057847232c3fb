// The heads journal: O(1) appends, compaction into a snapshot, a torn last record dropped as a
// crash leaves it, damage refused, and a vault from before the journal opening with a new one.
import { randomBytes } from 'node:crypto';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HEADS_FILE, HeadsJournal, parseJournal } from '../../../src/core/vault/heads.ts';
import { indexLocation } from '../../../src/core/vault/vault.ts';
import { sealBytes } from '../../../src/core/vault/sealed-file.ts';
import { freshVault, tempDir, testCore, TEST_PASSPHRASE } from '../../helpers/core.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const rnd = (n: number) => new Uint8Array(randomBytes(n));
const hash = (n: number) => n.toString(16).padStart(64, '0');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('heads journal', () => {
  it('keeps every head through appends and compactions, one small record per write', async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const key = rnd(32);
    const journal = await HeadsJournal.create(dir.path, key, rnd);
    let sizeAfterTen = 0;
    for (let n = 1; n <= 1000; n += 1) {
      await journal.record({ [`doc:d${n % 5}`]: { counter: journal.reserve(`doc:d${n % 5}`), hash: hash(n) } });
      if (n === 10) sizeAfterTen = (await readFile(join(dir.path, HEADS_FILE))).length;
    }
    const bytes = await readFile(join(dir.path, HEADS_FILE));
    // 5 files: compacted whenever it passes 2 × 5 + 256 records, so it stays small.
    expect(parseJournal(bytes, key).records).toBeLessThanOrEqual(2 * 5 + 257);
    expect(sizeAfterTen).toBeLessThan(3000);
    const reopened = (await HeadsJournal.open(dir.path, key, rnd))!;
    for (let d = 0; d < 5; d += 1) expect(reopened.head(`doc:d${d}`)).toEqual({ counter: 200, hash: hash(d === 0 ? 1000 : 995 + d) });
  });

  it('drops a torn last record and refuses damage in the middle', async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const key = rnd(32);
    const journal = await HeadsJournal.create(dir.path, key, rnd);
    await journal.record({ 'doc:a': { counter: 1, hash: hash(1) } });
    await journal.record({ 'doc:a': { counter: 2, hash: hash(2) } });
    const file = join(dir.path, HEADS_FILE);
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, whole.length - 5));
    const torn = (await HeadsJournal.open(dir.path, key, rnd))!;
    expect(torn.head('doc:a')).toEqual({ counter: 1, hash: hash(1) });
    expect((await readFile(file)).length).toBeLessThan(whole.length - 5); // cut back to the last whole record
    await appendFile(file, Buffer.alloc(64)); // a zero-filled tail, as after a power cut
    expect((await HeadsJournal.open(dir.path, key, rnd))!.head('doc:a')?.counter).toBe(1);

    const damaged = Buffer.from(whole);
    const middle = Math.floor(whole.length / 2);
    damaged[middle] = damaged[middle]! ^ 0x01;
    await writeFile(file, damaged);
    await expect(HeadsJournal.open(dir.path, key, rnd)).rejects.toMatchObject({ code: 'VaultCorrupt' });
  });

  it('a vault without a journal opens only if its index predates the journal', async () => {
    const vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    cleanups.push(vault.cleanup);
    await vault.call('case.create', { title: 'Before the journal', disclosedAt: '2026-11-20T09:00:00Z', kind: 'private' });
    const key = Buffer.from(vault.core.openVault().dataKeyForIndex);
    const index = structuredClone(vault.core.openVault().index.data) as unknown as Record<string, unknown>;
    await vault.call('vault.lock', {});
    await rm(join(vault.dir, HEADS_FILE));
    expect((await testCore(vault.dir).result('vault.unlock', { passphrase: TEST_PASSPHRASE })).ok).toBe(false);

    // The same vault as a schema-1 index (no vault timeline) written before heads.elog existed.
    const v1: Record<string, unknown> = { ...index, schemaVersion: 1 };
    delete v1.events;
    const location = indexLocation(vault.dir);
    await writeFile(location.file, sealBytes(key, 'document', location.name, Buffer.from(JSON.stringify(v1)), rnd(12)));
    const legacy = testCore(vault.dir);
    await legacy.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect((await legacy.call('case.list', {})).map((c) => c.title)).toEqual(['Before the journal']);
    expect((await legacy.call('vault.verify', {})).problems).toEqual([]);
    expect(legacy.core.openVault().index.data.schemaVersion).toBe(2);
    await legacy.core.lock();
  });
});
