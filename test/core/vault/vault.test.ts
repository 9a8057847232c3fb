import { afterEach, describe, expect, it } from 'vitest';
import { freshVault, testCore, TEST_PASSPHRASE } from '../../helpers/core.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('vault round trip', () => {
  it('keeps cases across lock and unlock', async () => {
    const vault = await freshVault();
    cleanups.push(vault.cleanup);
    const created = await vault.call('case.create', { title: 'Round trip', disclosedAt: '2026-11-20T09:00:00Z', kind: 'private' });
    await vault.call('vault.lock', {});
    const locked = await vault.result('case.list', {});
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.code).toBe('VaultLocked');

    const reopened = testCore(vault.dir);
    await reopened.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const list = await reopened.call('case.list', {});
    expect(list.map((c) => c.id)).toEqual([created.id]);
    expect((await reopened.call('case.show', { id: created.id })).title).toBe('Round trip');
    await reopened.core.lock();
  });
});
