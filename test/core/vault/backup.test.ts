// Backup and restore of a whole vault as one encrypted file, and the secure removal of a closed
// case (crypto-shredding), with the vault timeline recording both.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshVault, tempDir, testCore, TEST_PASSPHRASE } from '../../helpers/core.ts';
import { findCanary, makeCanary } from '../../helpers/canary.ts';
import { closeCase } from './close-case.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function vaultWithContent(canary: string) {
  const vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
  cleanups.push(vault.cleanup);
  const created = await vault.call('case.create', { title: `Backup ${canary}`, disclosedAt: '2026-11-20T09:00:00Z', kind: 'private' });
  await vault.call('case.note', { id: created.id, text: `note ${canary}` });
  await vault.call('people.add', { name: `Person ${canary}`, emails: ['p@example.org'] });
  await vault.core.openVault().putBlob(created.id, 'attachment-1', Buffer.from(`blob ${canary}`), vault.core.openVault().caseKey(created.id));
  return { vault, id: created.id };
}

describe('vault backup and restore', () => {
  it('restores the whole vault with the passphrase into a new directory, verified, with nothing in plaintext', async () => {
    const canary = makeCanary();
    const { vault, id } = await vaultWithContent(canary);
    const out = await tempDir();
    cleanups.push(out.remove);
    const file = join(out.path, 'vault.embargo-backup');
    const backup = await vault.call('vault.backup', { output: file });
    expect(backup).toMatchObject({ output: file, files: expect.any(Number), bytes: (await readFile(file)).length });
    expect(await findCanary(canary, [out.path])).toEqual([]);

    const timeline = await vault.call('vault.timeline', {});
    expect(timeline.events.map((e) => e.type)).toEqual(['vault.backed-up']);
    expect(timeline.events[0]!.data.backupId).toBe(backup.backupId);

    const target = join(out.path, 'restored');
    const restorer = testCore(target);
    const restored = await restorer.call('vault.restore', { backup: file, passphrase: TEST_PASSPHRASE });
    expect(restored.verify).toEqual({ ok: true, checkedFiles: expect.any(Number), problems: [] });
    expect(restored.backupId).toBe(backup.backupId);
    await restorer.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect((await restorer.call('case.timeline', { id })).map((e) => e.data.text)).toContain(`note ${canary}`);
    const blob = await restorer.core.openVault().getBlob(id, 'attachment-1', restorer.core.openVault().caseKey(id));
    expect(blob.toString()).toBe(`blob ${canary}`);
    expect((await restorer.call('people.list', {})).map((p) => p.name)).toEqual([`Person ${canary}`]);
    expect((await restorer.call('vault.timeline', {})).events.map((e) => e.type)).toEqual(['vault.restored']);
    expect((await restorer.call('vault.verify', {})).problems).toEqual([]);
    await restorer.core.lock();
  });

  it('a wrong passphrase, an existing vault, a damaged or cut backup restore nothing', async () => {
    const { vault } = await vaultWithContent(makeCanary());
    const out = await tempDir();
    cleanups.push(out.remove);
    const file = join(out.path, 'b.backup');
    await vault.call('vault.backup', { output: file });
    const original = await readFile(file);
    const target = join(out.path, 'restored');

    const wrong = await testCore(target).result('vault.restore', { backup: file, passphrase: 'not the passphrase' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('WrongPassphrase');
    const onExisting = await testCore(vault.dir).result('vault.restore', { backup: file, passphrase: TEST_PASSPHRASE });
    expect(onExisting.ok ? 'ok' : onExisting.error.code).toBe('VaultExists');

    const positions = [0, 9, 20, original.length - 1, original.length - 17, Math.floor(original.length / 2)];
    for (const position of positions) {
      const damaged = Buffer.from(original);
      damaged[position] = damaged[position]! ^ 0x04;
      await writeFile(file, damaged);
      const result = await testCore(target).result('vault.restore', { backup: file, passphrase: TEST_PASSPHRASE });
      expect(result.ok ? 'ok' : result.error.code, `byte ${position}`).toMatch(/^(VaultCorrupt|WrongPassphrase)$/);
    }
    for (const length of [0, 10, 200, original.length - 1, original.length - 20]) {
      await writeFile(file, original.subarray(0, length));
      const result = await testCore(target).result('vault.restore', { backup: file, passphrase: TEST_PASSPHRASE });
      expect(result.ok ? 'ok' : result.error.code, `cut at ${length}`).toBe('VaultCorrupt');
    }
    await writeFile(file, Buffer.concat([original, Buffer.from('trailing')]));
    const trailing = await testCore(target).result('vault.restore', { backup: file, passphrase: TEST_PASSPHRASE });
    expect(trailing.ok ? 'ok' : trailing.error.code).toBe('VaultCorrupt');
    expect(existsSync(target)).toBe(false);
    expect((await readdir(out.path)).sort()).toEqual(['b.backup']);

    await writeFile(file, original);
    const restored = await testCore(target).call('vault.restore', { backup: file, passphrase: TEST_PASSPHRASE });
    expect(restored.verify.ok).toBe(true);
  });

  it('refuses to write a backup inside the vault it copies', async () => {
    const { vault } = await vaultWithContent(makeCanary());
    const result = await vault.result('vault.backup', { output: join(vault.dir, 'inside.backup') });
    expect(result.ok ? 'ok' : result.error.code).toBe('InvalidInput');
  });
});

describe('secure removal of a closed case', () => {
  it('refuses without confirmation and refuses an open case', async () => {
    const { vault, id } = await vaultWithContent(makeCanary());
    const unconfirmed = await vault.result('case.remove', { id });
    expect(unconfirmed.ok ? 'ok' : unconfirmed.error.code).toBe('ConfirmationRequired');
    const open = await vault.result('case.remove', { id, confirm: true });
    expect(open.ok ? 'ok' : open.error.code).toBe('NotAllowed');
    expect((await vault.call('case.list', {})).map((c) => c.id)).toEqual([id]);
  });

  it('drops the case key, deletes its files and blobs, records it on the vault timeline; the rest stays', async () => {
    const canary = makeCanary();
    const { vault, id } = await vaultWithContent(canary);
    const kept = await vault.call('case.create', { title: 'Kept', disclosedAt: '2026-11-21T09:00:00Z', kind: 'private' });
    const oldDocument = await readFile(join(vault.dir, 'cases', `${id}.edoc`));
    await closeCase(vault, id);
    const lastHash = (await vault.call('case.timeline', { id })).at(-1)!.hash;

    const removed = await vault.call('case.remove', { id, confirm: true });
    expect(removed).toMatchObject({ id, removed: true, files: 2, event: { type: 'case.removed', data: { id, lastEventHash: lastHash } } });
    expect(existsSync(join(vault.dir, 'cases', `${id}.edoc`))).toBe(false);
    expect(existsSync(join(vault.dir, 'blobs', id))).toBe(false);
    expect((await vault.call('case.list', {})).map((c) => c.id)).toEqual([kept.id]);
    expect((await vault.result('case.show', { id })).ok).toBe(false);
    expect((await vault.call('vault.verify', {})).problems).toEqual([]);

    // After a lock and unlock, the key is gone from the index: an old copy of the document put
    // back cannot be read and is reported as a file the index does not list.
    await vault.call('vault.lock', {});
    await vault.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(JSON.stringify(vault.core.openVault().index.data.cases)).not.toContain(id);
    expect((await vault.call('vault.timeline', {})).events.map((e) => e.type)).toEqual(['case.removed']);
    await writeFile(join(vault.dir, 'cases', `${id}.edoc`), oldDocument);
    expect((await vault.call('vault.verify', {})).problems).toEqual([
      { file: `cases/${id}.edoc`, code: 'Orphan', message: expect.stringContaining('the index does not list') },
    ]);
  });
});
