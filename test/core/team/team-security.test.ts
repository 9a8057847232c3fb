// What the remote sees (nothing), who can read a case (only those it is shared with), and what
// a hostile remote cannot do (alter, roll back, or slip in a membership change).
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { findCanary, makeCanary } from '../../helpers/canary.ts';
import { mutateTeamDocument, requireTeam } from '../../../src/core/team/team-store.ts';
import { nextVersion, signVersion, versionHash } from '../../../src/core/team/membership.ts';
import { ownKey } from '../../../src/core/team/team-keys.ts';
import { git, gitEnv, makeMember, makeTeam, syncAll, type Team } from './team-fixture.ts';

let team: Team | null = null;
afterEach(async () => {
  await team?.cleanup();
  team = null;
});

function refOf(home: string, remote: string, memberId: string): string {
  return git(home, ['--git-dir', remote, 'rev-parse', `refs/embargo/${memberId}`]).trim();
}

async function snapshot(member: Team['members'][number], caseId: string): Promise<unknown> {
  return { record: await member.call('case.show', { id: caseId }), timeline: await member.call('case.timeline', { id: caseId }), team: await member.call('team.show', {}) };
}

describe('the team remote', () => {
  it('holds no plaintext anywhere, names nothing, and passes git fsck --strict', async () => {
    team = await makeTeam();
    const [alice] = team.members;
    const canary = makeCanary();
    const opened = await alice.call('case.create', { title: `title ${canary}`, disclosedAt: '2026-11-01T10:00:00Z', kind: 'private', profile: 'kubernetes-current' });
    await alice.call('case.update', { id: opened.id, edits: { summary: `summary ${canary}`, description: `fix ${canary}`, workarounds: canary } });
    await alice.call('case.note', { id: opened.id, text: `note ${canary}` });
    await alice.call('team.share', { id: opened.id });
    await syncAll(team);
    expect(await findCanary(canary, [team.remote])).toEqual([]);
    const everything = execFileSync('git', ['--git-dir', team.remote, 'cat-file', '--batch-all-objects', '--batch'], { env: gitEnv(team.home) });
    expect(everything.includes(Buffer.from(canary))).toBe(false);
    const refs = git(team.home, ['--git-dir', team.remote, 'for-each-ref', '--format=%(refname)']).trim().split('\n');
    expect(refs).toHaveLength(3);
    for (const ref of refs) expect(ref).toMatch(/^refs\/embargo\/[0-9a-f]{32}$/);
    const identities = new Set(git(team.home, ['--git-dir', team.remote, 'log', '--all', '--format=%an|%ae|%cn|%ce|%ad|%B']).trim().split('\n').filter(Boolean));
    expect([...identities]).toEqual(['embargo|embargo@invalid|embargo|embargo@invalid|Thu Jan 1 00:00:00 1970 +0000|state']);
    const names = git(team.home, ['--git-dir', team.remote, 'log', '--all', '--format=', '--name-only']).split('\n').filter(Boolean);
    for (const name of names) expect(name).toMatch(/^[mkl]\d*$/);
    git(team.home, ['--git-dir', team.remote, 'fsck', '--strict', '--no-dangling']);
  }, 120_000);

  it('a member a case is not shared with cannot decrypt its key, with their real key', async () => {
    team = await makeTeam();
    const [alice, bob, carol] = team.members;
    const opened = await alice.call('case.create', { title: 'need to know', disclosedAt: '2026-11-01T10:00:00Z', kind: 'private', profile: 'kubernetes-current' });
    await alice.call('team.share', { id: opened.id, with: [bob.fingerprint] });
    await syncAll(team);
    expect((await bob.call('team.show', {})).cases).toHaveLength(1);
    expect((await carol.call('team.show', {})).cases).toHaveLength(0);
    const aliceId = (await alice.call('team.show', {})).me;
    const commit = refOf(team.home, team.remote, aliceId);
    const keyBlob = execFileSync('git', ['--git-dir', team.remote, 'cat-file', 'blob', `${commit}:k0`], { env: gitEnv(team.home) });
    const asBob = await bob.result('keyring.decrypt', { data: { base64: keyBlob.toString('base64') } });
    expect(asBob.ok).toBe(true);
    const asCarol = await carol.result('keyring.decrypt', { data: { base64: keyBlob.toString('base64') } });
    expect(asCarol.ok).toBe(false);
    if (!asCarol.ok) expect(['NoSecretKey', 'DecryptionFailed']).toContain(asCarol.error.code);
  }, 120_000);
});

async function sharedCase(t: Team): Promise<{ ids: string[] }> {
  const [alice] = t.members;
  const opened = await alice.call('case.create', { title: 'hostile remote', disclosedAt: '2026-11-01T10:00:00Z', kind: 'private', profile: 'kubernetes-current' });
  await alice.call('team.share', { id: opened.id });
  await syncAll(t);
  const ids = await Promise.all(t.members.map(async (m) => (await m.call('team.show', {})).cases[0]!.caseId!));
  return { ids };
}

describe('a hostile remote is refused and changes nothing', () => {
  it('a member ref moved back to an older state', async () => {
    team = await makeTeam();
    const [alice, bob] = team.members;
    const { ids } = await sharedCase(team);
    const aliceId = (await alice.call('team.show', {})).me;
    const older = refOf(team.home, team.remote, aliceId);
    await alice.call('case.update', { id: ids[0]!, edits: { summary: 'newer' } });
    await alice.call('team.sync', {});
    await bob.call('team.sync', {});
    git(team.home, ['--git-dir', team.remote, 'update-ref', `refs/embargo/${aliceId}`, older]);
    const before = await snapshot(bob, ids[1]!);
    const outcome = await bob.result('team.sync', {});
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('RemoteRolledBack');
    expect(await snapshot(bob, ids[1]!)).toEqual(before);
  }, 120_000);

  it('a remote object changed by one byte', async () => {
    team = await makeTeam();
    const [alice, bob] = team.members;
    const { ids } = await sharedCase(team);
    await alice.call('case.update', { id: ids[0]!, edits: { summary: 'to be altered' } });
    await alice.call('team.sync', {});
    const aliceId = (await alice.call('team.show', {})).me;
    const commit = refOf(team.home, team.remote, aliceId);
    // An attacker with write access re-commits Alice's state with one byte of a record changed.
    const tree = git(team.home, ['--git-dir', team.remote, 'ls-tree', commit]).trim().split('\n');
    const log = tree.find((line) => line.endsWith('\tl0'))!.split(/\s+/)[2]!;
    const bytes = execFileSync('git', ['--git-dir', team.remote, 'cat-file', 'blob', log], { env: gitEnv(team.home) });
    bytes[40] = bytes[40]! ^ 0x01;
    const altered = execFileSync('git', ['--git-dir', team.remote, 'hash-object', '-w', '--stdin'], { env: gitEnv(team.home), input: bytes }).toString().trim();
    const newTree = execFileSync('git', ['--git-dir', team.remote, 'mktree'], { env: gitEnv(team.home), input: tree.map((line) => (line.endsWith('\tl0') ? line.replace(log, altered) : line)).join('\n') + '\n' }).toString().trim();
    const forged = execFileSync('git', ['--git-dir', team.remote, 'commit-tree', newTree, '-p', commit, '-m', 'state'], { env: { ...gitEnv(team.home), GIT_AUTHOR_NAME: 'embargo', GIT_AUTHOR_EMAIL: 'embargo@invalid', GIT_COMMITTER_NAME: 'embargo', GIT_COMMITTER_EMAIL: 'embargo@invalid' } }).toString().trim();
    git(team.home, ['--git-dir', team.remote, 'update-ref', `refs/embargo/${aliceId}`, forged]);
    const before = await snapshot(bob, ids[1]!);
    const outcome = await bob.result('team.sync', {});
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('RemoteTampered');
    expect(await snapshot(bob, ids[1]!)).toEqual(before);
  }, 120_000);

  it('a membership change signed by a non-member', async () => {
    team = await makeTeam();
    const [alice, , carol] = team.members;
    const { ids } = await sharedCase(team);
    const mallory = await makeMember('Mallory');
    try {
      const malloryKey = await ownKey(mallory.core.session);
      const carolKey = await ownKey(carol.core.session);
      // Carol's vault is made to carry a version Mallory signed (claiming to be Carol).
      await mutateTeamDocument(carol.core.session, async (draft) => {
        const state = requireTeam(draft);
        const last = state.membership.at(-1)!;
        const honest = await nextVersion(state.membership, { kind: 'removed', memberId: state.me }, last.members, carolKey, new Date());
        const { signature: _s, ...unsigned } = honest;
        state.membership.push(await signVersion({ ...unsigned, prev: versionHash(last) }, malloryKey.key, new Date()));
      });
      await carol.call('team.sync', {});
      const before = await snapshot(alice, ids[0]!);
      const outcome = await alice.result('team.sync', {});
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.code).toBe('NotATeamMember');
        expect(outcome.error.message).toMatch(/not signed by/);
      }
      expect(await snapshot(alice, ids[0]!)).toEqual(before);
    } finally {
      await mallory.cleanup();
    }
  }, 120_000);
});
