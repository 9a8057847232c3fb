// The network observer for the team vault: `embargo team sync` (the real CLI, bin/embargo.js)
// syncs through a loopback `git daemon` serving a bare repository, under
// `strace -f -e trace=connect`, which sees every connect() of the CLI and of every git it
// runs. Each one must go to the remote the user named (127.0.0.1:<port>) or be an AF_UNIX
// socket (local IPC); nothing else, no DNS, no other host or port. A second member syncs
// through the same daemon and converges.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.ts';
import { TEST_PASSPHRASE } from '../helpers/core.ts';
import { gitEnv, makeTeam, type Team } from '../core/team/team-fixture.ts';

const STRACE = ['/usr/bin/strace', '/bin/strace'].find((path) => existsSync(path));
const strace = spawnSync(STRACE ?? 'strace', ['-f', '-e', 'trace=connect', '-o', '/dev/null', 'true']);
const straceWorks = STRACE !== undefined && strace.status === 0;
if (!straceWorks) console.warn(`team-network: strace is missing or cannot trace here (${strace.error?.message ?? strace.stderr?.toString().trim() ?? 'not found'}): the connect() observer test is skipped.`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = createConnection(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`git daemon did not listen on 127.0.0.1:${port}`);
}

describe.skipIf(!straceWorks)('team sync opens no connection but the named remote (strace)', () => {
  let team: Team;
  let daemon: ChildProcess;
  let port: number;
  let url: string;

  beforeAll(async () => {
    team = await makeTeam();
    port = await freePort();
    // The fixture's bare repository, served by real git over git:// on loopback only.
    daemon = spawn('git', ['daemon', '--reuseaddr', `--base-path=${team.home}`, '--export-all', '--enable=receive-pack', '--listen=127.0.0.1', `--port=${port}`, team.home], {
      env: gitEnv(team.home),
      stdio: 'ignore',
    });
    await waitForPort(port);
    url = `git://127.0.0.1:${port}/remote.git`;
  }, 300_000);
  afterAll(async () => {
    if (daemon?.pid) daemon.kill('SIGTERM');
    await team?.cleanup();
  });

  it('a sync through a loopback git daemon connects only to 127.0.0.1:<port> (and AF_UNIX), and converges', async () => {
    const [alice, bob] = team.members;
    const opened = await alice.call('case.create', { title: 'over git daemon', disclosedAt: '2026-11-01T10:00:00Z', kind: 'private', profile: 'kubernetes-current' });
    await alice.call('case.update', { id: opened.id, edits: { summary: 'sent through git://' } });
    await alice.call('team.share', { id: opened.id });
    await alice.core.lock();

    const home = join(team.home, 'cli-home');
    mkdirSync(home);
    const log = join(team.home, 'connect.log');
    const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), EMBARGO_PASSPHRASE: TEST_PASSPHRASE };
    const traced = spawnSync(STRACE!, ['-f', '-e', 'trace=connect', '-o', log, process.execPath, BIN, '--vault', alice.dir, '--json', 'team', 'sync', '--remote', url], { env, encoding: 'utf8' });
    expect(traced.status, traced.stdout + traced.stderr).toBe(0);
    expect(JSON.parse(traced.stdout)).toMatchObject({ published: true });

    const calls = readFileSync(log, 'utf8').split('\n').filter((line) => /connect\(/.test(line));
    const inet = calls.filter((line) => /sa_family=AF_INET6?\b/.test(line));
    // AF_UNSPEC is connect()'s way to dissolve an association (no connection is opened).
    const other = calls.filter((line) => !/sa_family=AF_INET6?\b/.test(line) && !/sa_family=AF_UNIX\b/.test(line) && !/sa_family=AF_UNSPEC\b/.test(line));
    // The fetch and the push each connect to the daemon: it was observed, not merely absent.
    expect(inet.length).toBeGreaterThanOrEqual(2);
    for (const line of inet) expect(line, 'a connect() to somewhere other than the named remote').toMatch(new RegExp(`sa_family=AF_INET, sin_port=htons\\(${port}\\), sin_addr=inet_addr\\("127\\.0\\.0\\.1"\\)`));
    expect(other, 'a connect() of a kind other than AF_INET to the remote or AF_UNIX').toEqual([]);

    // A second member through the same daemon sees the case.
    await bob.call('team.sync', { remote: url });
    const bobCase = (await bob.call('team.show', {})).cases[0]!;
    expect((await bob.call('case.show', { id: bobCase.caseId! })).summary).toBe('sent through git://');
    // Alice's state in the daemon's repository is the one she pushed.
    const pushed = spawnSync('git', ['--git-dir', team.remote, 'for-each-ref', '--format=%(refname)'], { env: gitEnv(team.home), encoding: 'utf8' }).stdout.trim().split('\n');
    expect(pushed.length).toBe(3);
  }, 300_000);
});
