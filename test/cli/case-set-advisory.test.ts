// `embargo case set` takes the advisory fields CLI.md lists, and they feed a CVE record that
// validates against the official schema.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.ts';
import { runCli } from '../helpers/cli.ts';

describe('case set: advisory fields', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: string;
  const env = { EMBARGO_PASSPHRASE: 'advisory fields passphrase' };
  beforeAll(async () => {
    root = await tempDir('embargo-cli-adv-');
    vault = join(root.path, 'vault');
    await runCli(['--vault', vault, 'vault', 'init'], env);
    await runCli(['--vault', vault, 'case', 'create', '--title', 'kubelet follows symlinks in subPath', '--disclosed-at', '2026-11-20T09:00:00Z'], env);
  });
  afterAll(async () => root.remove());

  it('sets affected, fixed, CWE, references and credits, and "none" clears a list', async () => {
    const set = await runCli(
      [
        '--vault', vault, '--json', 'case', 'set', 'EMB-0001',
        '--cve', 'CVE-2026-31337',
        '--summary', 'kubelet follows symlinks in subPath',
        '--cvss', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H',
        '--affected', 'kubelet@>=1.29.0 <1.29.4', '--affected', 'kubelet@>=1.30.0 <1.30.1',
        '--fixed', 'kubelet@1.29.4', '--fixed', 'kubelet@1.30.1',
        '--cwe', 'cwe-22',
        '--reference', 'https://github.com/kubernetes/kubernetes/issues/123456,issue-tracking',
        '--credit', 'Jane Doe=finder', '--credit', 'Sam Fixer=remediation developer',
        '--description', 'A user able to create pods may read host files through subPath symlinks.',
      ],
      env,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.json()).toMatchObject({
      affected: [
        { product: 'kubelet', range: '>=1.29.0 <1.29.4' },
        { product: 'kubelet', range: '>=1.30.0 <1.30.1' },
      ],
      fixed: [
        { product: 'kubelet', version: '1.29.4' },
        { product: 'kubelet', version: '1.30.1' },
      ],
      cwe: ['CWE-22'],
      references: [{ url: 'https://github.com/kubernetes/kubernetes/issues/123456', tags: ['issue-tracking'] }],
      credits: [
        { name: 'Jane Doe', type: 'finder' },
        { name: 'Sam Fixer', type: 'remediation developer' },
      ],
      cvss: { version: '3.1', score: 9.9, severity: 'Critical' },
    });

    const cve = await runCli(['--vault', vault, '--json', 'advisory', 'cve', 'EMB-0001'], env);
    expect(cve.code, cve.stderr).toBe(0);
    expect(cve.stdout).toContain('CVE-2026-31337');

    const cleared = await runCli(['--vault', vault, '--json', 'case', 'set', 'EMB-0001', '--cwe', 'none'], env);
    expect((cleared.json() as { cwe: string[] }).cwe).toEqual([]);
  });

  it('refuses malformed values as bad usage and changes nothing', async () => {
    const before = (await runCli(['--vault', vault, '--json', 'case', 'show', 'EMB-0001'], env)).json();
    for (const args of [['--affected', 'kubelet'], ['--credit', 'X=hero'], ['--cwe', 'CWE-abc'], ['--reference', 'ftp://x']]) {
      const run = await runCli(['--vault', vault, '--json', 'case', 'set', 'EMB-0001', ...args], env);
      expect(run.code, args.join(' ')).toBe(2);
    }
    expect((await runCli(['--vault', vault, '--json', 'case', 'show', 'EMB-0001'], env)).json()).toEqual(before);
  });
});
