import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTeam, syncAll, type Team } from './team-fixture.ts';

describe('team sync through a bare git remote', () => {
  let team: Team;
  beforeAll(async () => {
    team = await makeTeam();
  }, 120_000);
  afterAll(async () => team?.cleanup());

  it('every member sees the same signed membership', async () => {
    for (const member of team.members) {
      const info = await member.call('team.show', {});
      expect(info.members.map((m) => m.fingerprint).sort()).toEqual(team.members.map((m) => m.fingerprint).sort());
      expect(info.membershipVersion).toBe(3);
    }
  });

  it('a case created by one, edited by two concurrently, handed off and acknowledged elsewhere converges', async () => {
    const [alice, bob, carol] = team.members;
    const opened = await alice.call('case.create', { title: 'kubelet path traversal', disclosedAt: '2026-11-01T10:00:00Z', kind: 'private', profile: 'kubernetes-current' });
    await alice.call('case.update', { id: opened.id, edits: { people: { fixLead: 'Alice', fixTeam: [], releaseManagers: [], reporter: null } } });
    await alice.call('team.share', { id: opened.id });
    await syncAll(team, 1);
    const bobCase = (await bob.call('team.show', {})).cases[0]!;
    const carolCase = (await carol.call('team.show', {})).cases[0]!;
    expect(bobCase.caseId).not.toBeNull();
    expect((await bob.call('case.show', { id: bobCase.caseId! })).title).toBe('kubelet path traversal');
    // Bob and Carol edit concurrently: different fields, and the same field.
    await bob.call('case.update', { id: bobCase.caseId!, edits: { summary: 'from Bob', releaseDate: '2026-12-01T16:00:00Z' } });
    await carol.call('case.update', { id: carolCase.caseId!, edits: { workarounds: 'from Carol', releaseDate: '2026-12-02T16:00:00Z' } });
    await syncAll(team);
    const views = await Promise.all(team.members.map((m) => m.call('team.show', {})));
    const heads = views.map((v) => v.cases[0]!.head);
    expect(new Set(heads).size).toBe(1);
    for (const view of views) {
      expect(view.cases[0]!.chainVerifies).toBe(true);
      expect(view.cases[0]!.conflicts.map((c) => c.field)).toEqual(['releaseDate']);
    }
    // Carol decides the conflict for Bob's date; after sync it is closed everywhere.
    const conflict = views[2]!.cases[0]!.conflicts[0]!;
    const bobs = conflict.candidates.find((c) => c.value === '2026-12-01T16:00:00.000Z')!;
    await carol.call('team.decide', { id: carolCase.caseId!, field: 'releaseDate', eventId: bobs.eventId });
    // Alice hands off to Bob; Bob acknowledges on his own vault.
    await alice.call('process.handoff', { id: opened.id, to: 'Bob', note: 'over to you' });
    await syncAll(team);
    await bob.call('process.acknowledgeHandoff', { id: bobCase.caseId!, by: 'Bob' });
    await syncAll(team);
    const finals = await Promise.all(team.members.map(async (m) => {
      const view = (await m.call('team.show', {})).cases[0]!;
      const record = await m.call('case.show', { id: view.caseId! });
      return { head: view.head, conflicts: view.conflicts.length, verifies: view.chainVerifies, fixLead: record.people.fixLead, releaseDate: record.releaseDate, summary: record.summary, workarounds: record.workarounds, title: record.title };
    }));
    expect(finals[0]).toMatchObject({ conflicts: 0, verifies: true, fixLead: 'Bob', releaseDate: '2026-12-01T16:00:00.000Z', summary: 'from Bob', workarounds: 'from Carol' });
    expect(finals[1]).toEqual(finals[0]);
    expect(finals[2]).toEqual(finals[0]);
    for (const m of team.members) expect((await m.call('vault.verify', {})).problems).toEqual([]);
  }, 120_000);
});
