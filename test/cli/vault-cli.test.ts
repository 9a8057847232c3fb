import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.ts';
import { runCli, spawnCli } from '../helpers/cli.ts';

describe('embargo vault and case commands', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: string;
  const env = { EMBARGO_PASSPHRASE: 'cli test passphrase' };
  beforeAll(async () => {
    root = await tempDir('embargo-cli-');
    vault = join(root.path, 'vault');
  });
  afterAll(async () => root.remove());

  it('init, case create, case list, show, set, timeline and verify work with --json', async () => {
    const init = await runCli(['--vault', vault, '--json', 'vault', 'init'], env);
    expect(init.code).toBe(0);
    expect(init.json()).toEqual({ vault, formatVersion: 2 });

    const again = await runCli(['--vault', vault, '--json', 'vault', 'init'], env);
    expect(again.code).toBe(1);
    expect((again.json() as { error: { code: string } }).error.code).toBe('VaultExists');

    const created = await runCli(
      ['--vault', vault, '--json', 'case', 'create', '--title', 'Kubelet symlink escape', '--disclosed-at', '2026-11-20T09:30:00-08:00', '--kind', 'private'],
      env,
    );
    expect(created.code).toBe(0);
    const record = created.json() as { id: string; disclosedAt: string; kind: string };
    expect(record).toMatchObject({ id: 'EMB-0001', disclosedAt: '2026-11-20T17:30:00.000Z', kind: 'private' });

    const list = await runCli(['--vault', vault, '--json', 'case', 'list'], env);
    expect((list.json() as { id: string }[]).map((c) => c.id)).toEqual(['EMB-0001']);

    const set = await runCli(['--vault', vault, '--json', 'case', 'set', 'EMB-0001', '--cve', 'CVE-2026-31337', '--release-date', '2026-12-02T16:00:00Z'], env);
    expect(set.code).toBe(0);
    expect(set.json()).toMatchObject({ cve: 'CVE-2026-31337', releaseDate: '2026-12-02T16:00:00.000Z' });

    const timeline = await runCli(['--vault', vault, '--json', 'case', 'timeline', 'EMB-0001'], env);
    const events = (timeline.json() as { events: { type: string; data: { field?: string } }[] }).events;
    expect(events.map((e) => e.type)).toEqual(['case.opened', 'case.field-changed', 'case.field-changed']);
    expect(events.slice(1).map((e) => e.data.field).sort()).toEqual(['cve', 'releaseDate']);

    const human = await runCli(['--vault', vault, 'case', 'list'], env);
    expect(human.stdout).toMatch(/^ID\s+KIND\s+DISCLOSED \(UTC\)\s+CVE\s+TITLE\n/);
    expect(human.stdout).toContain('EMB-0001  private  2026-11-20 17:30  CVE-2026-31337  Kubelet symlink escape');

    const verify = await runCli(['--vault', vault, '--json', 'vault', 'verify'], env);
    expect(verify.code).toBe(0);
    expect(verify.json()).toMatchObject({ ok: true, problems: [] });

    const status = await runCli(['--vault', vault, '--json', 'vault', 'status'], env);
    expect(status.json()).toMatchObject({ formatVersion: 2, cases: 1, events: 3 });
  });

  it('a wrong passphrase exits 1 with one clear sentence', () => {
    const run = spawnCli(['--vault', vault, 'case', 'list'], { EMBARGO_PASSPHRASE: 'not it' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^embargo: The passphrase is wrong.*\.\n$/);
  });

  it('bad usage exits 2, with the error as JSON on stdout under --json', async () => {
    const run = await runCli(['--vault', vault, '--json', 'case', 'create', '--title', 'x', '--disclosed-at', 'yesterday'], env);
    expect(run.code).toBe(2);
    expect(run.json()).toEqual({ error: { code: 'InvalidInput', message: expect.stringContaining('disclosedAt') } });
    const unknown = await runCli(['--vault', vault, 'case', 'frobnicate'], env);
    expect(unknown.code).toBe(2);
  });

  it('a vault file with one byte changed gives VaultCorrupt naming the file, and verify lists it', async () => {
    const file = join(vault, 'cases', 'EMB-0001.edoc');
    const original = await readFile(file);
    const damaged = Buffer.from(original);
    damaged[40] = damaged[40]! ^ 0x20;
    await writeFile(file, damaged);
    try {
      const show = await runCli(['--vault', vault, '--json', 'case', 'show', 'EMB-0001'], env);
      expect(show.code).toBe(1);
      expect(show.json()).toEqual({ error: { code: 'VaultCorrupt', message: expect.stringContaining('cases/EMB-0001.edoc') } });
      expect(show.stderr).toMatch(/Vault file cases\/EMB-0001\.edoc is damaged/);
      const verify = await runCli(['--vault', vault, '--json', 'vault', 'verify'], env);
      expect(verify.code).toBe(1);
      expect(verify.json()).toMatchObject({ ok: false, problems: [{ file: 'cases/EMB-0001.edoc', code: 'VaultCorrupt' }] });
    } finally {
      await writeFile(file, original);
    }
  });

  it('the passphrase can come from a file and never appears in output', async () => {
    const passFile = join(root.path, 'pass');
    await writeFile(passFile, 'cli test passphrase\n');
    const run = await runCli(['--vault', vault, '--passphrase-file', passFile, '--json', 'vault', 'status'], {});
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain('cli test passphrase');
  });
});
