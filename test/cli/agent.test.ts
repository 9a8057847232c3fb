// `embargo vault unlock` / `vault lock`: the agent that holds the vault's data key for later
// commands. Real processes throughout: the agent is spawned through bin/embargo.js, a second
// uid (when the tests run as root) tries the socket, the agent is SIGKILLed and its files are
// searched for the key.
import { spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, readdir, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, testCore } from '../helpers/core.ts';
import { runCli } from '../helpers/cli.ts';
import { agentPaths } from '../../src/cli/agent-paths.ts';
import { FrameReader, jsonFrame } from '../../src/cli/agent-protocol.ts';
import { askAgent } from '../../src/cli/agent-client.ts';

const PASSPHRASE = 'agent test passphrase';
const OTHER_UID = 65534; // nobody
const asRoot = process.getuid?.() === 0;
/** The whole of stderr: the passphrase error, and no word about the agent. */
const NO_PASSPHRASE_ONLY = /^embargo: No passphrase: [^\n]*\.\n$/;

let root: Awaited<ReturnType<typeof tempDir>>;
let runtime: string;
let vault: string;
const started: number[] = [];

/** The environment of a later command: the agent directory, and no passphrase at all. */
const noPassphrase = () => ({ XDG_RUNTIME_DIR: runtime });
const withPassphrase = () => ({ XDG_RUNTIME_DIR: runtime, EMBARGO_PASSPHRASE: PASSPHRASE });

function isRunning(pid: number): boolean {
  try {
    // A zombie has ended; only its exit status is left.
    const stat = spawnSync('cat', [`/proc/${pid}/stat`], { encoding: 'utf8' }).stdout;
    if (stat && /^\d+ \(.*\) Z/.test(stat)) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number): Promise<void> {
  while (isRunning(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function unlock(...extra: string[]): Promise<number> {
  const run = await runCli(['--vault', vault, '--json', 'vault', 'unlock', ...extra], withPassphrase());
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const reply = run.json() as { agent: boolean; until: string; pid: number };
  expect(reply).toMatchObject({ agent: true, until: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  started.push(reply.pid);
  return reply.pid;
}

async function caseList(env: NodeJS.ProcessEnv, ...global: string[]) {
  return runCli(['--vault', vault, '--json', ...global, 'case', 'list'], env);
}

/** The vault's data key, read the way the app reads it (for searching files for it). */
async function dataKey(): Promise<Buffer> {
  const { core, call } = testCore(vault);
  await call('vault.unlock', { passphrase: PASSPHRASE });
  const key = Buffer.from(core.openVault().dataKeyForIndex);
  await core.lock();
  return key;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() || entry.isSocket()).map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  root = await tempDir('embargo-agent-');
  // Others may pass through (so the second uid meets the agent's own 0700 directory), not list.
  runtime = join(root.path, 'run');
  await mkdir(runtime, { mode: 0o711 });
  await chmod(root.path, 0o711);
  vault = join(root.path, 'vault');
  expect((await runCli(['--vault', vault, 'vault', 'init'], withPassphrase())).code).toBe(0);
  const created = await runCli(['--vault', vault, 'case', 'create', '--title', 'Agent case', '--disclosed-at', '2026-11-20T09:30:00Z', '--kind', 'private'], withPassphrase());
  expect(created.code).toBe(0);
});

afterEach(async () => {
  await runCli(['--vault', vault, 'vault', 'lock'], noPassphrase());
  for (const pid of started.splice(0)) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  await chmod(join(runtime, 'embargo'), 0o700).catch(() => {});
  if (asRoot) await chown(join(runtime, 'embargo'), 0, 0).catch(() => {});
});

afterAll(async () => root.remove());

describe('embargo vault unlock / lock', () => {
  it('after unlock, commands need no passphrase; --no-agent asks for one; lock ends the agent and the key with it', async () => {
    const pid = await unlock();
    const list = await caseList(noPassphrase());
    expect(list.code).toBe(0);
    expect((list.json() as { id: string }[]).map((c) => c.id)).toEqual(['EMB-0001']);

    const forced = await caseList(noPassphrase(), '--no-agent');
    expect(forced.code).toBe(2);
    expect(forced.json()).toMatchObject({ error: { code: 'InvalidInput', message: expect.stringContaining('No passphrase') } });

    const lock = await runCli(['--vault', vault, '--json', 'vault', 'lock'], noPassphrase());
    expect(lock.json()).toEqual({ agent: false });
    await waitForExit(pid);
    expect(await filesUnder(join(runtime, 'embargo'))).toEqual([]);
    expect((await caseList(noPassphrase())).code).toBe(2);
    expect((await runCli(['--vault', vault, 'vault', 'lock'], noPassphrase())).stdout).toBe('No agent was running for this vault.\n');
  });

  it('ends by itself after --for without use', async () => {
    const pid = await unlock('--for', '2s');
    await waitForExit(pid);
    expect(await filesUnder(join(runtime, 'embargo'))).toEqual([]);
    const list = await caseList(noPassphrase());
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(NO_PASSPHRASE_ONLY);
  });

  it('refuses a client that does not hold the token, and keeps serving the owner', async () => {
    await unlock();
    const paths = agentPaths(vault, noPassphrase());
    const socket = connect(paths.socket);
    const reader = new FrameReader(socket);
    socket.write(jsonFrame({ clientNonce: 'ab'.repeat(32) }));
    const challenge = await reader.nextJson<{ agentNonce: string }>();
    expect(challenge.agentNonce).toMatch(/^[0-9a-f]{64}$/);
    socket.write(jsonFrame({ request: 'key', proof: '00'.repeat(32) }));
    expect(await reader.nextJson()).toMatchObject({ ok: false, code: 'Unauthorized' });
    await expect(reader.next()).rejects.toThrow(/closed/);
    socket.destroy();
    expect((await caseList(noPassphrase())).code).toBe(0);
  });

  it.skipIf(!asRoot)('another user cannot reach the socket, nor read the token', async () => {
    await unlock();
    const paths = agentPaths(vault, noPassphrase());
    const probe = `const net = require('node:net'); const fs = require('node:fs');
      let token; try { fs.readFileSync(${JSON.stringify(paths.token)}); token = 'read'; } catch (e) { token = e.code; }
      net.connect(${JSON.stringify(paths.socket)}).on('connect', () => { console.log('connected', token); process.exit(0); })
        .on('error', (e) => { console.log(e.code, token); process.exit(0); });`;
    const other = spawnSync(process.execPath, ['-e', probe], { uid: OTHER_UID, gid: OTHER_UID, encoding: 'utf8', cwd: '/' });
    expect(other.stdout.trim()).toBe('EACCES EACCES');
    expect((await caseList(noPassphrase())).code).toBe(0);
  });

  it('refuses an agent directory that is not 0700, or not ours', async () => {
    await unlock();
    const dir = join(runtime, 'embargo');
    await chmod(dir, 0o755);
    const list = await caseList(withPassphrase());
    // The command goes on with the passphrase, saying why the agent was not used.
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/^embargo: Not using the agent: .*embargo has mode 755, not 700\.\n$/);
    const refused = await runCli(['--vault', vault, '--json', 'vault', 'unlock'], withPassphrase());
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ error: { code: 'AgentUnsafe' } });
    expect((await caseList(noPassphrase())).code).toBe(2);
    await chmod(dir, 0o700);
    if (asRoot) {
      await chown(dir, OTHER_UID, OTHER_UID);
      const notOurs = await caseList(noPassphrase());
      expect(notOurs.code).toBe(2);
      expect(notOurs.stderr).toMatch(/belongs to uid 65534, not to this user/);
      const unlockRefused = await runCli(['--vault', vault, '--json', 'vault', 'unlock'], withPassphrase());
      expect(unlockRefused.json()).toMatchObject({ error: { code: 'AgentUnsafe' } });
    }
  });

  it('a killed agent leaves no copy of the key; the next command cleans up and asks for the passphrase', async () => {
    const key = await dataKey();
    const pid = await unlock();
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid);
    const left = await filesUnder(join(runtime, 'embargo'));
    expect(left.map((file) => file.slice(file.lastIndexOf('.')))).toEqual(expect.arrayContaining(['.sock', '.token']));
    const forms = [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('base64'))];
    for (const file of await filesUnder(root.path)) {
      const bytes = await readFile(file).catch(() => Buffer.alloc(0)); // a socket cannot be read
      for (const form of forms) expect(bytes.includes(form), `${file} holds the key`).toBe(false);
    }
    const list = await caseList(noPassphrase());
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(NO_PASSPHRASE_ONLY);
    expect(await filesUnder(join(runtime, 'embargo'))).toEqual([]);
    expect((await caseList(withPassphrase())).code).toBe(0);
  });

  it('a passphrase change (here by the desktop app’s core) ends the agent', async () => {
    const pid = await unlock();
    const { core, call } = testCore(vault);
    await call('vault.unlock', { passphrase: PASSPHRASE });
    await call('vault.changePassphrase', { current: PASSPHRASE, next: `${PASSPHRASE} 2` });
    await core.lock();
    try {
      const list = await caseList(noPassphrase());
      expect(list.code).toBe(2);
      expect(list.stderr).toMatch(/^embargo: the agent refused: the vault key file changed since the agent was started\n/);
      await waitForExit(pid);
      expect(await askAgent(agentPaths(vault, noPassphrase()), 'status')).toEqual({ state: 'none' });
    } finally {
      const { core: again, call: callAgain } = testCore(vault);
      await callAgain('vault.unlock', { passphrase: `${PASSPHRASE} 2` });
      await callAgain('vault.changePassphrase', { current: `${PASSPHRASE} 2`, next: PASSPHRASE });
      await again.lock();
    }
  });

  it('--for takes 1s to 24h', async () => {
    for (const bad of ['0s', '15', '25h', 'forever']) {
      const run = await runCli(['--vault', vault, '--json', 'vault', 'unlock', '--for', bad], withPassphrase());
      expect(run.code).toBe(2);
    }
  });
});
