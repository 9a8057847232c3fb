// The demo fills an empty vault with a fictional case in mid-flight.
import { afterEach, describe, expect, it } from 'vitest';
import { clockedVault, type ClockedVault } from './engine-helpers.ts';
import { verifyChain } from '../../../src/core/timeline/chain.ts';

const open: ClockedVault[] = [];
afterEach(async () => {
  for (const vault of open.splice(0)) await vault.cleanup();
});

describe('demo.create', () => {
  it('creates a case in mid-flight: ticks done, one overdue, a Release Date, a CVSS call, a decided leak', async () => {
    const vault = await clockedVault('2026-06-10T12:00:00.000Z');
    open.push(vault);
    const { case: record, omitted } = await vault.call('demo.create', {});
    expect(record.title).toMatch(/^\[DEMO\]/);
    expect(record.releaseDate).not.toBeNull();
    expect(record.releaseDate! > vault.now()).toBe(true);
    expect(new Date(record.releaseDate!).getUTCHours()).toBe(16);
    expect(omitted).toEqual([]);
    expect(record.cvss).toMatchObject({ score: 7.7, severity: 'High' });
    const schedule = await vault.call('process.schedule', { id: record.id });
    const items = schedule.phases.flatMap((p) => p.items);
    expect(items.filter((i) => i.state === 'done').length).toBeGreaterThanOrEqual(6);
    expect(items.filter((i) => i.state === 'overdue').map((i) => i.id)).toEqual(['mitigating-steps']);
    expect(schedule.state.leaks).toHaveLength(1);
    expect(schedule.state.leaks[0]!.decisionId).not.toBeNull();
    const events = await vault.call('case.timeline', { id: record.id });
    expect(verifyChain(record.id, events)).toEqual([]);
    expect(events[0]!.at < events.at(-1)!.at).toBe(true);
    const roster = await vault.call('roster.show', {});
    expect(roster.members).toHaveLength(4);
    expect(roster.leads).toEqual([expect.objectContaining({ caseId: record.id, memberId: record.people.fixLead })]);
    expect((await vault.call('vault.verify', {})).ok).toBe(true);
    const [overview] = await vault.call('process.overview', {});
    expect(overview).toMatchObject({ counts: { overdue: 1 }, staleness: { severity: 'High', stale: false } });
  });

  it('refuses a vault that already holds cases', async () => {
    const vault = await clockedVault('2026-06-10T12:00:00.000Z');
    open.push(vault);
    await vault.call('case.create', { title: 'Real', disclosedAt: '2026-06-01T00:00:00Z', kind: 'private', profile: 'kubernetes-2017' });
    const result = await vault.result('demo.create', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('Conflict');
    expect(await vault.call('case.list', {})).toHaveLength(1);
  });
});

describe('demo.create at scale', () => {
  it('adds cases in mid-flight and notes on the first case, every chain intact', async () => {
    const vault = await clockedVault('2026-06-10T12:00:00.000Z');
    open.push(vault);
    const { case: record } = await vault.call('demo.create', { cases: 12, notes: 150 });
    expect(record.eventCount).toBeGreaterThan(150);
    const list = await vault.call('case.list', {});
    expect(list).toHaveLength(12);
    const overview = await vault.call('process.overview', {});
    expect(new Set(overview.map((entry) => entry.currentPhase?.id)).size).toBeGreaterThan(1);
    expect(overview.some((entry) => entry.counts.overdue > 0)).toBe(true);
    for (const summary of list) {
      const events = await vault.call('case.timeline', { id: summary.id });
      expect(verifyChain(summary.id, events)).toEqual([]);
    }
  });
});
