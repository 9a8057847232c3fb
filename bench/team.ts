// Team sync benchmark: two members and a bare remote made by real `git init --bare`. Alice
// shares CASES cases of EVENTS team events each (written into her team document directly:
// building 100,000 events through the API would only measure case.note). Measured, SAMPLES
// times each (FULL_SAMPLES for the full ones): the full push (Alice's first sync, into a fresh copy of the empty remote), the full pull
// (Bob's first sync, from a fresh copy of the full remote), and one new event on top (Alice's
// sync after one note, Bob's sync after it) — next to `git push` and `git fetch` of the same
// repository in the same run. Figures only; no assertions.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testCore, TEST_PASSPHRASE, type TestCore } from '../test/helpers/core.ts';
import { makeTeamEvent, headsOf, mergeLogs } from '../src/core/team/team-events.ts';
import { mutateTeamDocument, requireTeam } from '../src/core/team/team-store.ts';
import { fmt, percentile, printRows, timeMs } from './lib.ts';

const CASES = Number(process.env.EMBARGO_BENCH_TEAM_CASES ?? 100);
const EVENTS = Number(process.env.EMBARGO_BENCH_TEAM_EVENTS ?? 1000);
const SAMPLES = Math.max(1, Number(process.env.EMBARGO_BENCH_TEAM_SAMPLES ?? 5));
/** The full push and pull cost the whole vault each: fewer samples keep a full-size run to minutes. */
const FULL_SAMPLES = Math.max(1, Number(process.env.EMBARGO_BENCH_TEAM_FULL_SAMPLES ?? 2));
const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 1024, iterations: 1, parallelism: 1 } as const;
const GIT_ENV = { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };

function git(args: string[]): string {
  return execFileSync('git', args, { env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function member(root: string, name: string): Promise<TestCore & { dir: string; fingerprint: string }> {
  const dir = join(root, name);
  const core = testCore(dir, { createOptions: { kdf: CHEAP_KDF, actorName: name } });
  await core.call('vault.create', { passphrase: TEST_PASSPHRASE });
  const key = await core.call('keyring.generate', { name, email: `${name.toLowerCase()}@example.org`, expiresInDays: null });
  return { ...core, dir, fingerprint: key.fingerprint };
}

async function trust(from: TestCore, to: TestCore & { fingerprint: string }): Promise<void> {
  const { armored } = await to.call('keyring.exportPublic', { fingerprint: to.fingerprint });
  await from.call('keyring.import', { data: { text: armored } });
  await from.call('keyring.verify', { fingerprint: to.fingerprint });
}

/** A copy of a vault directory, opened and unlocked as a new core (a fresh sample of the same state). */
async function copyOf(dir: string, into: string): Promise<TestCore> {
  await cp(dir, into, { recursive: true });
  const core = testCore(into);
  await core.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
  return core;
}

function stats(samples: number[]): [string, string, string] {
  return [fmt(Math.min(...samples)), fmt(percentile(samples, 50)), fmt(Math.max(...samples))];
}

export async function runTeamBench(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'embargo-bench-team-'));
  try {
    const remote = join(root, 'remote.git');
    git(['init', '--bare', '--quiet', remote]);
    const alice = await member(root, 'alice');
    const bob = await member(root, 'bob');
    await trust(alice, bob);
    await trust(bob, alice);
    await alice.call('team.init', { remote });
    await alice.call('team.addMember', { fingerprint: bob.fingerprint, name: 'Bob', email: 'bob@example.org' });
    await alice.call('team.sync', {});
    await bob.call('team.join', { remote, via: alice.fingerprint });
    await bob.call('team.sync', {});
    await alice.call('team.sync', {});

    const ids: string[] = [];
    for (let n = 0; n < CASES; n += 1) {
      const opened = await alice.call('case.create', { title: `Benchmark case ${n}`, disclosedAt: '2026-11-01T10:00:00Z', kind: 'private', profile: 'kubernetes-current' });
      await alice.call('team.share', { id: opened.id });
      ids.push(opened.id);
    }
    // One sync turns case.opened (and the share) into team events; then the bulk is appended.
    await alice.call('team.sync', {});
    await mutateTeamDocument(alice.core.session, (draft) => {
      const team = requireTeam(draft);
      for (const teamCase of Object.values(team.cases)) {
        let parents = headsOf(mergeLogs([teamCase.own, ...Object.values(teamCase.others)]));
        while (teamCase.own.length < EVENTS) {
          const at = new Date(Date.UTC(2026, 10, 2) + teamCase.own.length * 1000).toISOString();
          const event = makeTeamEvent(teamCase.tag, { author: team.me, counter: teamCase.own.length + 1, parents, at, type: 'note', data: { text: `event ${teamCase.own.length}: the fix for the kubelet path handling was reviewed` } });
          teamCase.own.push(event);
          parents = [event.id];
        }
      }
    });
    await alice.core.lock();
    await bob.core.lock();
    // Snapshots: Alice with everything unpublished, the remote before it, Bob before he pulls.
    const aliceBefore = join(root, 'alice-before');
    const bobBefore = join(root, 'bob-before');
    const remoteBefore = join(root, 'remote-before.git');
    await cp(alice.dir, aliceBefore, { recursive: true });
    await cp(bob.dir, bobBefore, { recursive: true });
    await cp(remote, remoteBefore, { recursive: true });

    const fullPush: number[] = [];
    const gitFullPush: number[] = [];
    for (let n = 0; n < FULL_SAMPLES; n += 1) {
      const target = join(root, `push-${n}.git`);
      await cp(remoteBefore, target, { recursive: true });
      const copy = await copyOf(aliceBefore, join(root, `alice-${n}`));
      fullPush.push(await timeMs(() => copy.call('team.sync', { remote: target })));
      await copy.core.lock();
      const plain = join(root, `git-push-${n}.git`);
      await cp(remoteBefore, plain, { recursive: true });
      gitFullPush.push(await timeMs(async () => git(['--git-dir', target, 'push', '--quiet', plain, 'refs/embargo/*:refs/embargo/*'])));
    }
    // The real remote gets the full state once, from Alice herself.
    await alice.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    await alice.call('team.sync', {});
    const remoteFull = join(root, 'remote-full.git');
    await cp(remote, remoteFull, { recursive: true });

    const fullPull: number[] = [];
    const gitFullFetch: number[] = [];
    for (let n = 0; n < FULL_SAMPLES; n += 1) {
      const source = join(root, `pull-${n}.git`);
      await cp(remoteFull, source, { recursive: true });
      const copy = await copyOf(bobBefore, join(root, `bob-${n}`));
      fullPull.push(await timeMs(() => copy.call('team.sync', { remote: source })));
      await copy.core.lock();
      const plain = join(root, `git-fetch-${n}.git`);
      await cp(remoteBefore, plain, { recursive: true });
      gitFullFetch.push(await timeMs(async () => git(['--git-dir', plain, 'fetch', '--quiet', remoteFull, '+refs/embargo/*:refs/embargo/*'])));
    }
    await bob.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    await bob.call('team.sync', {});

    // One new event on top, SAMPLES times: Alice pushes it, Bob pulls it; git moves the same objects.
    const mirror = join(root, 'mirror.git');
    git(['clone', '--quiet', '--mirror', remote, mirror]);
    const shadow = join(root, 'shadow.git');
    await cp(remote, shadow, { recursive: true });
    const incPush: number[] = [];
    const incPull: number[] = [];
    const gitIncPush: number[] = [];
    const gitIncFetch: number[] = [];
    for (let n = 0; n < SAMPLES; n += 1) {
      await alice.call('case.note', { id: ids[n % ids.length]!, text: `one more event ${n}` });
      incPush.push(await timeMs(() => alice.call('team.sync', {})));
      gitIncPush.push(await timeMs(async () => git(['--git-dir', join(alice.dir, 'team.git'), 'push', '--quiet', shadow, 'refs/embargo/*:refs/embargo/*'])));
      incPull.push(await timeMs(() => bob.call('team.sync', {})));
      gitIncFetch.push(await timeMs(async () => git(['--git-dir', mirror, 'fetch', '--quiet', remote, '+refs/embargo/*:refs/embargo/*'])));
    }
    const size = git(['--git-dir', remote, 'count-objects', '-vH']).split('\n').find((line) => line.startsWith('size-pack') || line.startsWith('size:'));

    printRows(`Team sync: ${CASES} shared cases × ${EVENTS} events, 2 members (${FULL_SAMPLES} samples of each full sync, ${SAMPLES} of each incremental; remote ${size ?? '?'})`, [
      ['what', 'min', 'median', 'max'],
      ['embargo push, full (team sync)', ...stats(fullPush)],
      ['git push, same refs and objects', ...stats(gitFullPush)],
      ['embargo pull, full (team sync)', ...stats(fullPull)],
      ['git fetch, same refs and objects', ...stats(gitFullFetch)],
      ['embargo push, one new event', ...stats(incPush)],
      ['git push, that state', ...stats(gitIncPush)],
      ['embargo pull, one new event', ...stats(incPull)],
      ['git fetch, that state', ...stats(gitIncFetch)],
    ]);
    const ratio = (a: number[], b: number[]) => (percentile(a, 50) / percentile(b, 50)).toFixed(3);
    console.log(`  incremental / full, median: push ${ratio(incPush, fullPush)}, pull ${ratio(incPull, fullPull)} (1.0 would mean an incremental sync costs as much as the whole vault)`);
    console.log(`  embargo / git, median: full push ${ratio(fullPush, gitFullPush)}×, full pull ${ratio(fullPull, gitFullFetch)}×, incremental push ${ratio(incPush, gitIncPush)}×, incremental pull ${ratio(incPull, gitIncFetch)}×`);
    await alice.core.lock();
    await bob.core.lock();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
