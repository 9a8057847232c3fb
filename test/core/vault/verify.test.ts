import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshVault, testCore, TEST_PASSPHRASE } from '../../helpers/core.ts';
import { Vault } from '../../../src/core/vault/vault.ts';
import { systemPorts } from '../../../src/core/ports.ts';
import { eventHash } from '../../../src/core/timeline/chain.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('vault verify', () => {
  it('reports ok on an untouched vault', async () => {
    const vault = await freshVault();
    cleanups.push(vault.cleanup);
    const created = await vault.call('case.create', { title: 'Verify me', disclosedAt: '2026-11-20T09:00:00Z', kind: 'public' });
    await vault.call('case.note', { id: created.id, text: 'first note' });
    const report = await vault.call('vault.verify', {});
    expect(report).toEqual({ ok: true, checkedFiles: 4, problems: [] });
  });

  it('reports a broken hash chain, naming the case and the event', async () => {
    const vault = await freshVault();
    cleanups.push(vault.cleanup);
    const created = await vault.call('case.create', { title: 'Chain', disclosedAt: '2026-11-20T09:00:00Z', kind: 'private' });
    await vault.call('case.note', { id: created.id, text: 'original words' });
    await vault.call('case.note', { id: created.id, text: 'later words' });
    await vault.call('vault.lock', {});

    // Rewrite event 2 through the real encryption, as someone holding the key could: the
    // file authenticates, but the chain does not.
    const raw = await Vault.open(vault.dir, TEST_PASSPHRASE, systemPorts);
    const store = await raw.caseStore(created.id);
    const events = store.data.events.map((event) => (event.seq === 2 ? { ...event, data: { text: 'forged words' } } : event));
    store.data = { ...store.data, events };
    await store.write();
    await raw.close();

    const test = testCore(vault.dir);
    await test.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const report = await test.call('vault.verify', {});
    await test.core.lock();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ file: `cases/${created.id}.edoc`, code: 'TimelineBroken', message: expect.stringContaining('event 2 was altered') }),
    ]);
  });

  it('reports a re-hashed forgery as a break in the chain', async () => {
    const vault = await freshVault();
    cleanups.push(vault.cleanup);
    const created = await vault.call('case.create', { title: 'Chain', disclosedAt: '2026-11-20T09:00:00Z', kind: 'private' });
    await vault.call('case.note', { id: created.id, text: 'a' });
    await vault.call('case.note', { id: created.id, text: 'b' });
    await vault.call('vault.lock', {});
    const raw = await Vault.open(vault.dir, TEST_PASSPHRASE, systemPorts);
    const store = await raw.caseStore(created.id);
    const events = store.data.events.map((event) => {
      if (event.seq !== 2) return event;
      const forged = { ...event, data: { text: 'forged' } };
      return { ...forged, hash: eventHash(forged) };
    });
    store.data = { ...store.data, events };
    await store.write();
    await raw.close();
    const test = testCore(vault.dir);
    await test.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const report = await test.call('vault.verify', {});
    await test.core.lock();
    expect(report.problems.map((p) => p.message)).toEqual([expect.stringContaining('event 3 does not chain')]);
  });

  it('reports damaged files and files it does not know', async () => {
    const vault = await freshVault();
    cleanups.push(vault.cleanup);
    const created = await vault.call('case.create', { title: 'Damage', disclosedAt: '2026-11-20T09:00:00Z', kind: 'private' });
    const file = join(vault.dir, 'cases', `${created.id}.edoc`);
    const bytes = await readFile(file);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    await writeFile(file, bytes);
    await writeFile(join(vault.dir, 'cases', 'EMB-9999.edoc'), 'junk');
    const report = await vault.call('vault.verify', {});
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.file, p.code])).toEqual([
      [`cases/${created.id}.edoc`, 'VaultCorrupt'],
      ['cases/EMB-9999.edoc', 'Orphan'],
    ]);
  });
});
