// Crash test for `embargo team sync`: the real CLI (bin/embargo.js) syncs a member's vault with
// a bare repository made by real `git init --bare`, and is killed with SIGKILL — its whole
// process group, so the git children it runs (fetch, push, receive-pack on the remote side)
// die with it — at delays swept across the length of an uninterrupted sync. After every kill:
// the vault verifies, `git fsck --strict` is clean on the remote and on the vault's own sync
// repository, the next sync completes, and a second member converges with it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.ts';
import { TEST_PASSPHRASE } from '../helpers/core.ts';
import { git, makeTeam, type Team } from '../core/team/team-fixture.ts';

const KILLS = Number(process.env.EMBARGO_TEAM_CRASH_KILLS ?? 8);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stdout: string;
  stderr: string;
}

describe('team sync crash safety', () => {
  let team: Team;
  let env: NodeJS.ProcessEnv;
  let caseId: string;
  let bobCaseId: string;

  const cliArgs = (args: string[]) => [BIN, '--vault', team.members[0].dir, '--json', '--no-agent', ...args];

  /** Runs the CLI as its own process group; `killAfterMs` sends SIGKILL to the whole group. */
  const run = (args: string[], killAfterMs?: number): Promise<Run> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const child = spawn(process.execPath, cliArgs(args), { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const timer = killAfterMs === undefined ? undefined : setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone: the sync finished before the kill.
        }
      }, killAfterMs);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (timer) clearTimeout(timer);
        // Children of the group that outlived the leader are killed too (a crash takes them all).
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // none left
        }
        resolve({ code, signal, ms: performance.now() - started, stdout, stderr });
      });
    });

  const cliJson = (args: string[]): Record<string, unknown> => {
    const result = spawnSync(process.execPath, cliArgs(args), { env, encoding: 'utf8' });
    expect(result.status, `embargo ${args.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };

  /** Alice changes the shared case (in process, then locks again for the CLI). */
  const aliceEdits = async (round: number) => {
    const alice = team.members[0];
    await alice.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    for (let n = 0; n < 3; n += 1) await alice.call('case.note', { id: caseId, text: `round ${round} note ${n}` });
    await alice.call('case.update', { id: caseId, edits: { summary: `summary of round ${round}` } });
    await alice.core.lock();
  };

  const checkUsable = (label: string) => {
    const verify = cliJson(['vault', 'verify']) as { problems: unknown[] };
    expect(verify.problems, label).toEqual([]);
    git(team.home, ['--git-dir', team.remote, 'fsck', '--strict', '--no-dangling']);
    git(team.home, ['--git-dir', join(team.members[0].dir, 'team.git'), 'fsck', '--strict', '--no-dangling']);
  };

  beforeAll(async () => {
    team = await makeTeam();
    const [alice, bob] = team.members;
    const opened = await alice.call('case.create', { title: 'crash during sync', disclosedAt: '2026-11-01T10:00:00Z', kind: 'private', profile: 'kubernetes-current' });
    caseId = opened.id;
    // Some history, so that a sync has work to do (and kills land inside it).
    for (let n = 0; n < 40; n += 1) await alice.call('case.note', { id: caseId, text: `history ${n}` });
    await alice.call('team.share', { id: caseId });
    for (const member of team.members) await member.call('team.sync', {});
    await bob.call('team.sync', {});
    bobCaseId = (await bob.call('team.show', {})).cases[0]!.caseId!;
    await alice.core.lock();
    const home = join(team.home, 'cli-home');
    const tmp = join(team.home, 'cli-tmp');
    mkdirSync(home);
    mkdirSync(tmp);
    env = { PATH: process.env.PATH, HOME: home, TMPDIR: tmp, XDG_CONFIG_HOME: join(home, '.config'), EMBARGO_PASSPHRASE: TEST_PASSPHRASE, GIT_CONFIG_NOSYSTEM: '1' };
  }, 300_000);
  afterAll(async () => team?.cleanup());

  it(`the vault and the remote stay usable after ${KILLS} SIGKILLs swept across a sync, and the next sync converges`, async () => {
    const bob = team.members[1];
    // An uninterrupted sync first: how long one takes sets the sweep.
    await aliceEdits(0);
    const whole = await run(['team', 'sync']);
    expect(whole.code, whole.stdout + whole.stderr).toBe(0);
    // How long a sync takes: the first one, then the shortest seen of those that ran to the end.
    let span = whole.ms;
    await bob.call('team.sync', {});
    let events = (await bob.call('team.show', {})).cases[0]!.events;
    let killed = 0;
    for (let round = 1; round <= KILLS; round += 1) {
      await aliceEdits(round);
      // From the first milliseconds (node still starting) to near the end of a sync.
      const delay = Math.round((span * (round - 1)) / KILLS);
      const interrupted = await run(['team', 'sync'], delay);
      if (interrupted.signal === 'SIGKILL') killed += 1;
      else expect(interrupted.code, `round ${round}: ${interrupted.stdout}${interrupted.stderr}`).toBe(0);
      checkUsable(`after the kill at ${delay} ms (round ${round})`);

      const next = await run(['team', 'sync']);
      expect(next.code, `the sync after the kill at ${delay} ms: ${next.stdout}${next.stderr}`).toBe(0);
      checkUsable(`after the sync that followed the kill at ${delay} ms`);

      // A second member pulls it all; both hold the same verified history.
      await bob.call('team.sync', {});
      const bobView = (await bob.call('team.show', {})).cases[0]!;
      const aliceView = (cliJson(['team', 'show']) as { cases: { head: string; events: number; chainVerifies: boolean }[] }).cases[0]!;
      expect(bobView.chainVerifies).toBe(true);
      expect(aliceView.chainVerifies).toBe(true);
      expect(bobView.head, `heads after round ${round}`).toBe(aliceView.head);
      expect(bobView.events).toBe(aliceView.events);
      // Alice's three notes and her edit of this round are all in it, once each.
      expect(bobView.events, `round ${round}`).toBe(events + 4);
      expect((await bob.call('case.show', { id: bobCaseId })).summary).toBe(`summary of round ${round}`);
      // And Bob's own change comes back to Alice through the same remote.
      await bob.call('case.update', { id: bobCaseId, edits: { workarounds: `from Bob after round ${round}` } });
      await bob.call('team.sync', {});
      const back = await run(['team', 'sync']);
      expect(back.code, back.stdout + back.stderr).toBe(0);
      span = Math.min(span, back.ms);
      expect((cliJson(['case', 'show', caseId]) as { workarounds: string }).workarounds).toBe(`from Bob after round ${round}`);
      events = (await bob.call('team.show', {})).cases[0]!.events;
      expect((cliJson(['team', 'show']) as { cases: { events: number }[] }).cases[0]!.events).toBe(events);
    }
    // Most kills landed inside a running sync, not after it ended.
    expect(killed).toBeGreaterThanOrEqual(Math.floor(KILLS * 0.6));
  }, 1_800_000);
});
