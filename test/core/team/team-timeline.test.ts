// Other members' timeline events (notes, edits, handoffs) arrive in every member's own case
// timeline after sync, with their time and author; each local chain verifies, and every
// member ends with the same events as the merged team history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../src/shared/contract/index.ts';
import { makeTeam, syncAll, type Member, type Team } from './team-fixture.ts';

/** What a member's timeline says happened, wherever it was recorded (bookkeeping left out). */
function happened(events: TimelineEvent[]): string[] {
  return events
    .filter((event) => event.type !== 'team.synced' && event.type !== 'case.opened')
    .map((event) => {
      const { team: _team, ...data } = event.data;
      return JSON.stringify({ at: event.at, type: event.type, data });
    })
    .sort();
}

async function caseOf(member: Member): Promise<string> {
  return (await member.call('team.show', {})).cases[0]!.caseId!;
}

describe('shared case timelines', () => {
  let team: Team;
  beforeAll(async () => {
    team = await makeTeam();
  }, 120_000);
  afterAll(async () => team?.cleanup());

  it('notes written on three laptops appear, in order of their own time, on every member', async () => {
    const [alice, bob, carol] = team.members;
    const opened = await alice.call('case.create', { title: 'scheduler token leak', disclosedAt: '2026-11-01T10:00:00Z', kind: 'private', profile: 'kubernetes-current' });
    await alice.call('case.note', { id: opened.id, text: 'note from Alice' });
    await alice.call('team.share', { id: opened.id });
    await syncAll(team, 1);
    const ids = await Promise.all(team.members.map(caseOf));
    await bob.call('case.note', { id: ids[1]!, text: 'note from Bob' });
    await carol.call('case.note', { id: ids[2]!, text: 'note from Carol' });
    await carol.call('case.update', { id: ids[2]!, edits: { summary: 'summary by Carol' } });
    await syncAll(team);

    const timelines = await Promise.all(team.members.map((member, index) => member.call('case.timeline', { id: ids[index]! })));
    for (const [index, timeline] of timelines.entries()) {
      const notes = timeline.filter((event) => event.type === 'note');
      expect(notes.map((event) => event.data.text).sort(), team.members[index]!.name).toEqual(['note from Alice', 'note from Bob', 'note from Carol']);
    }
    // Arrived events keep their author and time, and name the team event they came from.
    const bobsOnAlice = timelines[0]!.find((event) => event.type === 'note' && event.data.text === 'note from Bob')!;
    const bobsOnBob = timelines[1]!.find((event) => event.type === 'note' && event.data.text === 'note from Bob')!;
    expect(bobsOnAlice.actor).toBe('Bob');
    expect(bobsOnAlice.at).toBe(bobsOnBob.at);
    expect(bobsOnAlice.data.team).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Everyone has the same events, and exactly once (arrivals are never exported back).
    expect(happened(timelines[1]!)).toEqual(happened(timelines[0]!));
    expect(happened(timelines[2]!)).toEqual(happened(timelines[0]!));
    const views = await Promise.all(team.members.map((member) => member.call('team.show', {})));
    expect(new Set(views.map((view) => view.cases[0]!.head)).size).toBe(1);
    for (const view of views) expect(view.cases[0]!.chainVerifies).toBe(true);
    const merged = views[0]!.cases[0]!.events;
    // The merged history holds each event once: the opener's case.opened plus the rest.
    expect(merged).toBe(happened(timelines[0]!).length + 1);
    for (const member of team.members) expect((await member.call('vault.verify', {})).problems).toEqual([]);

    // A further round of syncs changes nothing: the timelines are stable.
    await syncAll(team, 1);
    const again = await Promise.all(team.members.map((member, index) => member.call('case.timeline', { id: ids[index]! })));
    expect(again.map((timeline) => timeline.length)).toEqual(timelines.map((timeline) => timeline.length));
    expect((await alice.call('team.status', {})).unsyncedChanges).toBe(0);
  }, 180_000);
});
