// Offline by construction: the whole CLI workflow — vault, case, checklist ticks, CVSS, the
// advisory exports, the keyring with encryption both ways, the patch workspace from a local
// repository, backup and restore — runs in child processes whose every network attempt is
// observed (observe-network.mjs, loaded with --import: net/tls sockets, dns, http(s), dgram,
// fetch). The log must hold no attempt outside loopback; in fact it holds none at all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.ts';
import { BIN } from '../helpers/cli.ts';
import { buildFix, buildUpstream, git } from '../core/workspace/git-fixture.ts';

const OBSERVER = join(import.meta.dirname, 'network', 'observe-network.mjs');

interface Attempt {
  pid: number;
  api: string;
  host?: string;
  port?: string | number;
  path?: string;
  loopback: boolean;
}

describe('no network', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let log: string;
  let env: NodeJS.ProcessEnv;

  const readLog = (): Attempt[] =>
    existsSync(log)
      ? readFileSync(log, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Attempt)
      : [];

  const node = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, ['--import', OBSERVER, ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8' });

  beforeAll(async () => {
    root = await tempDir('embargo-network-');
    log = join(root.path, 'network.jsonl');
    const home = join(root.path, 'home');
    mkdirSync(home);
    // TMPDIR stays the system's: tsx keeps its compile cache there.
    env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), EMBARGO_PASSPHRASE: 'network test passphrase', EMBARGO_NET_LOG: log };
  });
  afterAll(async () => root?.remove());

  it('the observer sees and refuses attempts outside loopback, and lets loopback through (control)', () => {
    const probe = node([
      '--input-type=module',
      '-e',
      [
        "import net from 'node:net'; import dns from 'node:dns'; import dgram from 'node:dgram';",
        "const server = net.createServer((s) => s.end()).listen(0, '127.0.0.1', () => {",
        "  const client = net.connect(server.address().port, '127.0.0.1', () => { client.end(); server.close(); });",
        '});',
        "for (const attempt of [() => net.connect(443, '192.0.2.1'), () => dns.lookup('example.org', () => {}), () => fetch('https://example.org/'), () => dgram.createSocket('udp4').send('x', 53, '192.0.2.53')]) {",
        "  try { attempt(); } catch (error) { console.log(error.message); }",
        '}',
      ].join('\n'),
    ]);
    expect(probe.stderr).toBe('');
    expect(probe.stdout.match(/network observer: refused/g)).toHaveLength(4);
    const attempts = readLog();
    expect(attempts.filter((a) => !a.loopback).map((a) => a.api)).toEqual(['net.Socket.connect', 'dns.lookup', 'fetch', 'dgram.send']);
    expect(attempts.some((a) => a.loopback && a.host === '127.0.0.1')).toBe(true);
    writeFileSync(log, '');
  });

  it('runs the full CLI workflow without one connection attempt', async () => {
    const inputs = join(root.path, 'inputs');
    const out = join(root.path, 'out');
    mkdirSync(inputs);
    mkdirSync(out);
    const vault = join(root.path, 'vault');
    const upstream = buildUpstream(inputs);
    const fix = buildFix(inputs, upstream, 'network-test-fix');
    git(fix.repo, ['bundle', 'create', '-q', join(inputs, 'fix.bundle'), 'v1.6.0..fix']);
    const { publicKey } = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Distributor', email: 'd@example.org' }], format: 'object' });
    writeFileSync(join(inputs, 'distributor.asc'), publicKey.armor());
    writeFileSync(join(inputs, 'patch.txt'), 'embargoed patch notes\n');

    const ran: string[] = [];
    const cli = (args: string[], expectedCode = 0, target = vault): Record<string, unknown> => {
      const result = node([BIN, '--vault', target, '--json', ...args]);
      ran.push(args.slice(0, 2).join(' '));
      expect(result.status, `embargo ${args.join(' ')}: ${result.stderr}`).toBe(expectedCode);
      return result.stdout.trim().startsWith('{') ? (JSON.parse(result.stdout) as Record<string, unknown>) : {};
    };

    cli(['vault', 'init']);
    const id = String(cli(['case', 'create', '--title', 'Kubelet subPath escape', '--disclosed-at', '2026-11-20T09:30:00Z']).id);
    cli([
      'case', 'set', id,
      '--summary', 'Kubelet follows symlinks in subPath volume mounts',
      '--description', 'allows a user who can create pods to read arbitrary files on the node.',
      '--release-date', '2099-12-02T16:00:00Z',
      '--cve', 'CVE-2026-31337',
      '--cvss', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N',
      '--cwe', 'CWE-59',
      '--affected', 'kubelet@>=1.29.0 <1.29.4',
      '--fixed', 'kubelet@1.29.4',
      '--reference', 'https://github.com/kubernetes/kubernetes/issues/131337,issue-tracking',
      '--credit', 'Ada Lovelace=finder',
    ]); // prettier-ignore
    const checklist = cli(['case', 'checklist', id]) as { items?: { id: string }[] };
    cli(['case', 'checklist', id, '--done', checklist.items![0]!.id, '--note', 'done offline']);
    cli(['case', 'schedule', id]);
    cli(['cvss', 'score', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N']);
    cli(['advisory', 'cve', id, '-o', join(out, 'cve.json')]);
    cli(['advisory', 'osv', id, '-o', join(out, 'osv.json')]);
    const own = String(cli(['keyring', 'generate', '--name', 'Fix Lead', '--email', 'lead@example.org']).fingerprint);
    const imported = cli(['keyring', 'import', join(inputs, 'distributor.asc')]) as { imported: string[] };
    cli(['keyring', 'verify', imported.imported[0]!]);
    cli(['keyring', 'list']);
    cli(['encrypt', '--to', own, imported.imported[0]!, '--sign', '-o', join(out, 'patch.txt.asc'), join(inputs, 'patch.txt')]);
    cli(['decrypt', '-o', join(out, 'patch.txt'), join(out, 'patch.txt.asc')]);
    cli(['workspace', 'import', id, '--upstream', upstream]);
    cli(['workspace', 'fix', id, '--from', join(inputs, 'fix.bundle')]);
    cli(['workspace', 'lgtm', id, fix.commits[0]!.slice(0, 10), '--by', 'alice']);
    cli(['workspace', 'release-branches', id, '--minor', '1.6', '--committer', 'Fix Lead <lead@example.org>']);
    cli(['workspace', 'cherry-pick', id, '--onto', 'release-1.6']);
    cli(['workspace', 'export-patches', id, '--branch', 'v1.6.1', '--encrypt-to', imported.imported[0]!, '--sign', '-o', out]);
    cli(['workspace', 'export-bundle', id, '-o', join(out, 'case.bundle')]);
    cli(['case', 'timeline', id]);
    cli(['vault', 'verify']);
    cli(['vault', 'backup', '-o', join(out, 'vault.backup')]);
    cli(['vault', 'restore', join(out, 'vault.backup')], 0, join(root.path, 'restored'));
    cli(['vault', 'timeline']);

    expect(ran.length).toBe(27);
    const attempts = readLog();
    expect(attempts.filter((a) => !a.loopback)).toEqual([]);
    // Not even loopback TCP: the only sockets are local IPC pipes (tsx's loader looks for its
    // own parent's pipe in the temporary directory), which are not network at all.
    expect(attempts.filter((a) => a.path === undefined)).toEqual([]);
    for (const attempt of attempts) expect(attempt.path, JSON.stringify(attempt)).toMatch(/tsx/);
  }, 900_000);
});
