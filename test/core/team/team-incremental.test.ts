// The cost of an incremental sync follows the change, not the vault — shown without timing:
// by the objects one new event adds to the bare remote, and by the work each sync phase
// reports (records encrypted, member states verified, records decrypted, cases materialised).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onTeamSyncProgress, type TeamSyncPhase, type TeamSyncProgress } from '../../../src/core/team/sync-progress.ts';
import { git, makeTeam, syncAll, type Member, type Team } from './team-fixture.ts';

const CASES = 6;

/** The total of each phase (per-state phases summed) while `member` syncs. */
async function syncCounting(member: Member): Promise<{ totals: Partial<Record<TeamSyncPhase, number>>; published: boolean }> {
  const seen: TeamSyncProgress[] = [];
  const stop = onTeamSyncProgress((progress) => seen.push(progress));
  try {
    const result = await member.call('team.sync', {});
    const totals: Partial<Record<TeamSyncPhase, number>> = {};
    for (const progress of seen) if (progress.done === 0) totals[progress.phase] = (totals[progress.phase] ?? 0) + progress.total;
    return { totals, published: result.published };
  } finally {
    stop();
  }
}

function remoteObjects(team: Team): Set<string> {
  const out = git(team.home, ['--git-dir', team.remote, 'rev-list', '--objects', '--all']);
  return new Set(out.split('\n').filter(Boolean).map((line) => line.split(' ')[0]!));
}

describe('an incremental team sync', () => {
  let team: Team;
  const ids: string[] = [];
  beforeAll(async () => {
    team = await makeTeam();
    const [alice] = team.members;
    for (let n = 0; n < CASES; n += 1) {
      const opened = await alice.call('case.create', { title: `case ${n}`, disclosedAt: '2026-11-01T10:00:00Z', kind: 'private', profile: 'kubernetes-current' });
      await alice.call('team.share', { id: opened.id });
      ids.push(opened.id);
    }
  }, 120_000);
  afterAll(async () => team?.cleanup());

  it('a first sync does the whole vault: every record written, every record read', async () => {
    const [alice, bob] = team.members;
    const push = await syncCounting(alice);
    expect(push.totals.publish).toBe(2 * CASES); // a key record and a log per case
    const pull = await syncCounting(bob);
    expect(pull.totals.decrypt).toBe(CASES);
    expect(pull.totals.merge).toBe(CASES);
    await syncAll(team, 2);
  }, 120_000);

  it('one new event adds O(1) objects to the remote and costs one record on each side', async () => {
    const [alice, bob, carol] = team.members;
    const before = remoteObjects(team);
    await alice.call('case.update', { id: ids[2]!, edits: { summary: 'one more event' } });
    const push = await syncCounting(alice);
    expect(push.published).toBe(true);
    expect(push.totals.publish).toBe(1); // the log of that case; its key record is reused
    const added = [...remoteObjects(team)].filter((oid) => !before.has(oid));
    // The commit, its tree, the manifest (new counter, new signature) and the one log.
    expect(added).toHaveLength(4);

    const pull = await syncCounting(bob);
    expect(pull.totals.verify).toBe(1); // only Alice's ref moved
    expect(pull.totals.decrypt).toBe(1); // only the changed case's records are opened
    expect(pull.totals.merge).toBe(1); // only that case is folded and materialised
    expect(pull.published).toBe(false);

    // Skipping the rest did not cost convergence: the same verifying chains everywhere.
    await carol.call('team.sync', {});
    const views = await Promise.all([alice, bob, carol].map((m) => m.call('team.show', {})));
    const heads = views.map((view) => view.cases.map((c) => c.head).sort());
    expect(heads[1]).toEqual(heads[0]);
    expect(heads[2]).toEqual(heads[0]);
    for (const view of views) expect(view.cases.every((c) => c.chainVerifies)).toBe(true);
    const bobIds = views[1]!.cases.map((c) => c.caseId!);
    const records = await Promise.all(bobIds.map((id) => bob.call('case.show', { id })));
    expect(records.find((record) => record.title === 'case 2')?.summary).toBe('one more event');
  }, 120_000);

  it('a sync with nothing new verifies, decrypts, merges and writes nothing', async () => {
    const [, bob] = team.members;
    const before = remoteObjects(team);
    const idle = await syncCounting(bob);
    expect(idle.totals.verify ?? 0).toBe(0);
    expect(idle.totals.decrypt ?? 0).toBe(0);
    expect(idle.totals.merge ?? 0).toBe(0);
    expect(idle.published).toBe(false);
    expect(remoteObjects(team)).toEqual(before);
  }, 120_000);

  it('answers team.syncProgress while a sync runs (what the window polls), and null after', async () => {
    const [alice] = team.members;
    await alice.call('case.update', { id: ids[3]!, edits: { summary: 'polled' } });
    const polled: string[] = [];
    let finished = false;
    const sync = alice.call('team.sync', {}).finally(() => {
      finished = true;
    });
    while (!finished) {
      const { progress } = await alice.call('team.syncProgress', {});
      if (progress) polled.push(progress.phase);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await sync;
    expect(polled).toContain('push');
    expect(await alice.call('team.syncProgress', {})).toEqual({ progress: null });
  }, 120_000);
});
