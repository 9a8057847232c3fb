// One progress for the list, the checklist and the CLI: required steps done or skipped, of all
// required steps; optional steps count neither way.
import { afterEach, describe, expect, it } from 'vitest';
import { caseProgress, describeProgress, progressPercent } from '../../../src/shared/process/progress.ts';
import { clockedVault, type ClockedVault } from '../../core/process/engine-helpers.ts';

describe('caseProgress', () => {
  it('counts required steps done or skipped, and ignores optional ones', () => {
    const progress = caseProgress([
      { optional: false, state: 'done' },
      { optional: false, state: 'skipped' },
      { optional: false, state: 'overdue' },
      { optional: false, state: 'upcoming' },
      { optional: true, state: 'done' },
      { optional: true, state: 'upcoming' },
    ]);
    expect(progress).toEqual({ handled: 2, required: 4 });
    expect(describeProgress(progress)).toBe('2 of 4 required steps handled');
    expect(progressPercent(progress)).toBe(50);
    expect(progressPercent({ handled: 13, required: 14 })).toBe(92);
    expect(progressPercent({ handled: 0, required: 0 })).toBe(100);
  });

  const open: ClockedVault[] = [];
  afterEach(async () => {
    for (const vault of open.splice(0)) await vault.cleanup();
  });

  it('the case overview and the schedule give the same figures', async () => {
    const vault = await clockedVault('2026-06-10T12:00:00.000Z');
    open.push(vault);
    const { case: record } = await vault.call('demo.create', {});
    const [overview] = await vault.call('process.overview', {});
    const schedule = await vault.call('process.schedule', { id: record.id });
    const fromSchedule = caseProgress(schedule.phases.flatMap((phase) => phase.items));
    expect(overview?.progress).toEqual(fromSchedule);
    expect(fromSchedule.required).toBeGreaterThan(fromSchedule.handled);
    expect(fromSchedule.handled).toBeGreaterThan(0);
  });
});
