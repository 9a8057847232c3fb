// Nothing embargoed on disk in plaintext: run a whole CLI workflow with a unique string in the
// case title, summary and notes, with TMPDIR, HOME and XDG dirs pointed at fresh directories,
// then search every file written for it.
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCanary, listFilesUnder, makeCanary } from '../helpers/canary.ts';
import { tempDir } from '../helpers/core.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'embargo.js');

describe('canary: no case text on disk in plaintext', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  const canary = makeCanary();
  beforeAll(async () => {
    root = await tempDir('embargo-canary-');
  });
  afterAll(async () => root.remove());

  it('finds the canary nowhere under the vault, TMPDIR or HOME after a full workflow', async () => {
    const vault = join(root.path, 'vault');
    const tmp = join(root.path, 'tmp');
    const home = join(root.path, 'home');
    await mkdir(tmp);
    await mkdir(home);
    const env = { ...process.env, TMPDIR: tmp, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), EMBARGO_PASSPHRASE: 'canary test passphrase', EMBARGO_NEW_PASSPHRASE: 'the next canary passphrase' };
    const run = (...args: string[]) => {
      const result = spawnSync(process.execPath, [bin, '--vault', vault, '--json', ...args], { env, encoding: 'utf8' });
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return JSON.parse(result.stdout) as Record<string, unknown>;
    };
    run('vault', 'init');
    const opened = run('case', 'create', '--title', `Kubelet escape ${canary}`, '--disclosed-at', '2026-11-20T09:00:00Z');
    const id = String(opened.id);
    run('case', 'set', id, '--summary', `Attacker can ${canary}`, '--cve', 'CVE-2026-4242');
    run('case', 'note', id, `reporter says ${canary}`);
    expect(JSON.stringify(run('case', 'show', id))).toContain(canary); // the data is really there
    expect(run('vault', 'verify').ok).toBe(true);
    run('vault', 'change-passphrase');

    expect((await listFilesUnder(vault)).length).toBeGreaterThanOrEqual(3);
    expect(await findCanary(canary, [vault, tmp, home], { rawDeflate: true })).toEqual([]);
  });

  it('the search itself finds a planted canary raw, in UTF-16, base64 and zlib', async () => {
    const dir = join(root.path, 'planted');
    await mkdir(dir);
    await writeFile(join(dir, 'raw'), `xx${canary}yy`);
    await writeFile(join(dir, 'utf16'), Buffer.from(`x${canary}`, 'utf16le'));
    await writeFile(join(dir, 'b64'), Buffer.from(`junk ${canary} junk`).toString('base64'));
    await writeFile(join(dir, 'zlib'), Buffer.concat([Buffer.from('PACK'), deflateSync(`blob ${canary}`)]));
    const hits = await findCanary(canary, [dir]);
    expect(hits.map((h) => h.file.split('/').pop()).sort()).toEqual(['b64', 'raw', 'utf16', 'zlib']);
  });
});
