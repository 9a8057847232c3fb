// The process engine through the contract: each tick, decision, leak and handoff is one
// hash-chained timeline event; refusals change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { clockedVault, type ClockedVault } from './engine-helpers.ts';
import { verifyChain } from '../../../src/core/timeline/chain.ts';
import { DAY, HOUR, plus } from './fixtures.ts';

const D = '2026-03-02T09:00:00.000Z';
const LOW_VECTOR = 'CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:L/A:L'; // 3.9
const FOUR_VECTOR = 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:L/I:N/A:N'; // 4.0

const open: ClockedVault[] = [];
afterEach(async () => {
  for (const vault of open.splice(0)) await vault.cleanup();
});

async function vaultWithCase(kind: 'private' | 'public' | 'upstream' = 'private', profile = 'kubernetes-2017') {
  const vault = await clockedVault(plus(D, HOUR));
  open.push(vault);
  const record = await vault.call('case.create', { title: 'Engine case', disclosedAt: D, kind, profile });
  return { vault, id: record.id };
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'no error';
}

async function timelineOk(vault: ClockedVault, id: string) {
  const events = await vault.call('case.timeline', { id });
  expect(verifyChain(id, events)).toEqual([]);
  return events;
}

describe('cases and profiles', () => {
  it('a new case records its profile id and version and starts with an empty process state', async () => {
    const { vault, id } = await vaultWithCase('private', 'linux-distros');
    expect((await vault.call('case.show', { id })).profile).toEqual({ id: 'linux-distros', version: 1 });
    const schedule = await vault.call('process.schedule', { id });
    expect(schedule.state).toEqual({ items: {}, decisions: [], leaks: [], handoffs: [], retroItems: [], asapSince: null, asapReason: null });
    expect(schedule.profile).toMatchObject({ id: 'linux-distros', version: 1 });
  });

  it('refuses an unknown profile and opens nothing', async () => {
    const { vault } = await vaultWithCase();
    expect(await errorCode(vault.call('case.create', { title: 'x', disclosedAt: D, kind: 'private', profile: 'no-such-profile' }))).toBe('InvalidInput');
    expect(await vault.call('case.list', {})).toHaveLength(1);
  });

  it('lists the three profiles as data', async () => {
    const { vault } = await vaultWithCase();
    const profiles = await vault.call('process.profiles', {});
    expect(profiles.map((p) => p.id).sort()).toEqual(['kubernetes-2017', 'kubernetes-current', 'linux-distros']);
  });
});

describe('ticking the checklist', () => {
  it('a tick records who, when, note and evidence as one timeline event', async () => {
    const { vault, id } = await vaultWithCase();
    vault.setNow(plus(D, 5 * HOUR));
    const before = (await vault.call('case.show', { id })).eventCount;
    const { item, event } = await vault.call('process.tick', {
      id,
      item: 'identify-fix-team',
      by: 'Chiara',
      doneAt: plus(D, 3 * HOUR),
      note: 'OWNERS of pkg/kubelet',
      evidence: ['thread 42'],
    });
    expect(item.state).toBe('done');
    expect(item.record).toMatchObject({ by: 'Chiara', doneAt: plus(D, 3 * HOUR), recordedAt: plus(D, 5 * HOUR), note: 'OWNERS of pkg/kubelet', evidence: ['thread 42'] });
    expect(event).toMatchObject({ type: 'process.item-done', at: plus(D, 5 * HOUR), data: { item: 'identify-fix-team', by: 'Chiara' } });
    expect((await vault.call('case.show', { id })).eventCount).toBe(before + 1);
    await timelineOk(vault, id);
  });

  it('refuses a second tick, an unknown item, a future time and a missing requirement, changing nothing', async () => {
    const { vault, id } = await vaultWithCase();
    await vault.call('process.tick', { id, item: 'identify-fix-team' });
    const count = (await vault.call('case.show', { id })).eventCount;
    expect(await errorCode(vault.call('process.tick', { id, item: 'identify-fix-team' }))).toBe('Conflict');
    expect(await errorCode(vault.call('process.tick', { id, item: 'no-such-item' }))).toBe('NotFound');
    expect(await errorCode(vault.call('process.tick', { id, item: 'grant-private-repo', doneAt: plus(D, 30 * DAY) }))).toBe('InvalidInput');
    expect(await errorCode(vault.call('process.tick', { id, item: 'announce-forthcoming-fix' }))).toBe('NotAllowed');
    expect(await errorCode(vault.call('process.tick', { id, item: 'ask-private-handling' }))).toBe('NotAllowed');
    expect((await vault.call('case.show', { id })).eventCount).toBe(count);
  });

  it('skip needs a reason; reopen puts the item back in the schedule', async () => {
    const { vault, id } = await vaultWithCase();
    expect(await errorCode(vault.call('process.skip', { id, item: 'email-distributors', reason: ' ' }))).toBe('InvalidInput');
    const skipped = await vault.call('process.skip', { id, item: 'email-distributors', reason: 'not remotely exploitable' });
    expect(skipped.item).toMatchObject({ state: 'skipped', record: { reason: 'not remotely exploitable' } });
    vault.setNow(plus(D, 20 * DAY));
    const reopened = await vault.call('process.reopen', { id, item: 'email-distributors', reason: 'turns out it is' });
    expect(reopened.item.state).toBe('overdue');
    expect(reopened.event.type).toBe('process.item-reopened');
    await timelineOk(vault, id);
  });
});

describe('decisions', () => {
  it('a 3.9 score slows the schedule only with a recorded decision; 4.0 cannot', async () => {
    const { vault, id } = await vaultWithCase();
    expect(await errorCode(vault.call('process.slowDown', { id, extendDays: 7, reason: 'holidays', discussedOn: 'list' }))).toBe('NotAllowed');
    await vault.call('case.update', { id, edits: { cvssVector: FOUR_VECTOR } });
    expect(await errorCode(vault.call('process.slowDown', { id, extendDays: 7, reason: 'holidays', discussedOn: 'list' }))).toBe('NotAllowed');
    await vault.call('case.update', { id, edits: { cvssVector: LOW_VECTOR } });
    const plain = await vault.call('process.schedule', { id });
    const dueOf = (s: typeof plain, item: string) => s.phases.flatMap((p) => p.items).find((i) => i.id === item)?.due;
    expect(dueOf(plain, 'cvss-call')).toBe(plus(D, 7 * DAY));
    expect(await errorCode(vault.call('process.slowDown', { id, extendDays: 7, reason: '', discussedOn: 'list' }))).toBe('InvalidInput');
    const { decision, event } = await vault.call('process.slowDown', {
      id,
      extendDays: 7,
      reason: 'Holidays; two of three OWNERS away',
      discussedOn: 'kubernetes-security thread 2026-03-03',
    });
    expect(decision).toMatchObject({ id: 'D1', type: 'slow-down', score: 3.9, extendDays: 7 });
    expect(event.type).toBe('process.decision');
    const slowed = await vault.call('process.schedule', { id });
    expect(dueOf(slowed, 'cvss-call')).toBe(plus(D, 14 * DAY));
    await timelineOk(vault, id);
  });

  it('linux-distros never slows down', async () => {
    const { vault, id } = await vaultWithCase('private', 'linux-distros');
    await vault.call('case.update', { id, edits: { cvssVector: LOW_VECTOR } });
    expect(await errorCode(vault.call('process.slowDown', { id, extendDays: 3, reason: 'r', discussedOn: 'list' }))).toBe('NotAllowed');
  });
});

describe('embargo breaks', () => {
  it('records a leak, adds a retrospective item, and releasing earlier turns the schedule ASAP', async () => {
    const { vault, id } = await vaultWithCase();
    vault.setNow(plus(D, 5 * DAY));
    const { leak } = await vault.call('process.recordLeak', {
      id,
      what: 'the 1.32 patch',
      toWhom: 'a public CI log',
      when: plus(D, 4 * DAY),
      reportedBy: 'Example Linux',
      distributor: 'Example Linux',
    });
    expect(leak).toMatchObject({ id: 'L1', decisionId: null, distributor: 'Example Linux' });
    let schedule = await vault.call('process.schedule', { id });
    expect(schedule.state.retroItems).toHaveLength(1);
    expect(schedule.warnings.map((w) => w.code)).toContain('leak-undecided');
    expect(schedule.asap).toBe(false);

    const decided = await vault.call('process.decideLeak', { id, leak: 'L1', choice: 'release-earlier', reason: 'the patch is public' });
    expect(decided.decision).toMatchObject({ type: 'leak-response', choice: 'release-earlier', leakId: 'L1' });
    expect(await errorCode(vault.call('process.decideLeak', { id, leak: 'L1', choice: 'continue', reason: 'again' }))).toBe('Conflict');
    expect(await errorCode(vault.call('process.decideLeak', { id, leak: 'L9', choice: 'continue', reason: 'x' }))).toBe('NotFound');
    schedule = await vault.call('process.schedule', { id });
    expect(schedule.asap).toBe(true);
    expect(schedule.phases.flatMap((p) => p.items).every((i) => i.state === 'asap')).toBe(true);
    await timelineOk(vault, id);
  });

  it('"continue" keeps the schedule; leaks are counted per distributor across cases', async () => {
    const { vault, id } = await vaultWithCase();
    const second = (await vault.call('case.create', { title: 'Second', disclosedAt: D, kind: 'private', profile: 'kubernetes-2017' })).id;
    const leak = (caseId: string, distributor: string | null) =>
      vault.call('process.recordLeak', { id: caseId, what: 'patch', toWhom: 'someone', when: D, reportedBy: 'PST', distributor });
    await leak(id, 'Example Linux');
    await leak(second, 'example linux ');
    await leak(second, 'Other OS');
    await leak(second, null);
    await vault.call('process.decideLeak', { id, leak: 'L1', choice: 'continue', reason: 'contained' });
    expect((await vault.call('process.schedule', { id })).asap).toBe(false);
    expect(await vault.call('process.leakCounts', {})).toEqual([
      { distributor: 'Example Linux', count: 2, cases: [id, second] },
      { distributor: 'Other OS', count: 1, cases: [second] },
    ]);
  });
});

describe('handoff', () => {
  it('the outgoing lead stays Fix Lead until the incoming one acknowledges', async () => {
    const { vault, id } = await vaultWithCase();
    await vault.call('case.update', { id, edits: { people: { fixLead: 'Ada', fixTeam: [], releaseManagers: [], reporter: null } } });
    const { handoff } = await vault.call('process.handoff', { id, to: 'Björn', note: 'Open: CVSS scope. Pending: LGTM on commit 2.' });
    expect(handoff).toMatchObject({ from: 'Ada', to: 'Björn', state: 'pending' });
    expect((await vault.call('case.show', { id })).people.fixLead).toBe('Ada');
    expect(await errorCode(vault.call('process.handoff', { id, to: 'Chiara', note: 'x' }))).toBe('Conflict');
    expect(await errorCode(vault.call('process.acknowledgeHandoff', { id, by: 'Chiara' }))).toBe('NotAllowed');
    expect((await vault.call('process.schedule', { id })).warnings.map((w) => w.code)).toContain('handoff-pending');
    const acknowledged = await vault.call('process.acknowledgeHandoff', { id, by: 'Björn' });
    expect(acknowledged.handoff.state).toBe('acknowledged');
    expect((await vault.call('case.show', { id })).people.fixLead).toBe('Björn');
    expect(await errorCode(vault.call('process.acknowledgeHandoff', { id, by: 'Björn' }))).toBe('Conflict');
    await vault.call('process.handoff', { id, to: 'Ada', note: 'back to you' });
    expect((await vault.call('process.cancelHandoff', { id, reason: 'staying on' })).handoff.state).toBe('cancelled');
    expect((await vault.call('case.show', { id })).people.fixLead).toBe('Björn');
    const events = await timelineOk(vault, id);
    expect(events.map((e) => e.type).filter((t) => t.startsWith('process.handoff'))).toEqual([
      'process.handoff-requested',
      'process.handoff-acknowledged',
      'process.handoff-requested',
      'process.handoff-cancelled',
    ]);
  });
});

describe('overview and staleness', () => {
  it('flags a high-severity case untouched for more than 7 days, and shows the next deadline', async () => {
    const { vault, id } = await vaultWithCase();
    await vault.call('case.update', { id, edits: { cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N' } });
    vault.setNow(plus(D, 2 * DAY));
    let [overview] = await vault.call('process.overview', {});
    expect(overview).toMatchObject({ id, staleness: { stale: false, severity: 'High', limitDays: 7 }, closed: false });
    expect(overview!.next).toMatchObject({ id: 'identify-fix-team', state: 'overdue' });
    expect(overview!.counts.overdue).toBe(2);
    vault.setNow(plus(D, HOUR + 7 * DAY + HOUR));
    [overview] = await vault.call('process.overview', {});
    expect(overview!.staleness).toMatchObject({ stale: true, untouchedDays: 7 });
    await vault.call('case.note', { id, text: 'still working' });
    [overview] = await vault.call('process.overview', {});
    expect(overview!.staleness.stale).toBe(false);
  });
});
