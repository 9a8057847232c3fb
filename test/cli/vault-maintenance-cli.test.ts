// `embargo vault backup|restore|timeline` and `case remove`: JSON shapes, exit codes, the
// confirmation `case remove` needs, and a closed case removed for good.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, testCore } from '../helpers/core.ts';
import { runCli } from '../helpers/cli.ts';
import { closeCase } from '../core/vault/close-case.ts';

describe('embargo vault backup, restore, timeline and case remove', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: string;
  const env = { EMBARGO_PASSPHRASE: 'maintenance cli passphrase' };
  const cli = (...args: string[]) => runCli(['--vault', vault, '--json', ...args], env);

  beforeAll(async () => {
    root = await tempDir('embargo-maint-cli-');
    vault = join(root.path, 'vault');
    expect((await cli('vault', 'init')).code).toBe(0);
    expect((await cli('case', 'create', '--title', 'To back up', '--disclosed-at', '2026-11-20T09:30:00Z')).code).toBe(0);
  });
  afterAll(async () => root.remove());

  it('backs up, restores into a new directory with verification, and lists the vault timeline', async () => {
    const file = join(root.path, 'vault.backup');
    const backup = await cli('vault', 'backup', '-o', file);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.json()).toMatchObject({ output: file, backupId: expect.stringMatching(/^[0-9a-f]{32}$/), files: expect.any(Number) });
    const restoredDir = join(root.path, 'restored');
    const restored = await runCli(['--vault', restoredDir, '--json', 'vault', 'restore', file], env);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.json()).toMatchObject({ vault: restoredDir, verify: { ok: true, problems: [] } });
    const list = await runCli(['--vault', restoredDir, '--json', 'case', 'list'], env);
    expect((list.json() as { title: string }[]).map((c) => c.title)).toEqual(['To back up']);
    const again = await runCli(['--vault', restoredDir, '--json', 'vault', 'restore', file], env);
    expect(again.code).toBe(1);
    expect(again.json()).toMatchObject({ error: { code: 'VaultExists' } });
    const timeline = await cli('vault', 'timeline');
    expect((timeline.json() as { events: { type: string }[] }).events.map((e) => e.type)).toEqual(['vault.backed-up']);
  });

  it('case remove needs --yes, refuses an open case, and removes a closed one', async () => {
    const unconfirmed = await cli('case', 'remove', 'EMB-0001');
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/--yes/);
    const open = await cli('case', 'remove', 'EMB-0001', '--yes');
    expect(open.code).toBe(1);
    expect(open.json()).toMatchObject({ error: { code: 'NotAllowed' } });

    const core = testCore(vault);
    await core.call('vault.unlock', { passphrase: env.EMBARGO_PASSPHRASE });
    await closeCase(core, 'EMB-0001');
    await core.core.lock();
    const removed = await cli('case', 'remove', 'EMB-0001', '--yes');
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.json()).toMatchObject({ id: 'EMB-0001', removed: true, event: { type: 'case.removed' } });
    expect(existsSync(join(vault, 'cases', 'EMB-0001.edoc'))).toBe(false);
    expect((await cli('case', 'list')).json()).toEqual([]);
    expect((await cli('vault', 'verify')).json()).toMatchObject({ ok: true });
  });
});
