// The Fix Lead rotation proposes people round-robin across cases, skipping the unavailable.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { proposeFixLead } from '../../../src/core/process/rotation.ts';
import type { Roster, RosterMember } from '../../../src/shared/contract/index.ts';
import { clockedVault, type ClockedVault } from './engine-helpers.ts';
import { D, HOUR, plus } from './fixtures.ts';

function member(id: string, available = true): RosterMember {
  return { id, name: id, contact: '', fingerprint: null, available, note: available ? '' : 'away', addedAt: D, removedAt: null };
}

/** Runs `cases` new cases, each taken by whoever the rotation proposes. */
function takeTurns(roster: Roster, cases: number): string[] {
  const taken: string[] = [];
  for (let n = 0; n < cases; n += 1) {
    const proposed = proposeFixLead(roster).proposed;
    if (!proposed) break;
    taken.push(proposed.id);
    roster.leads.push({ caseId: `EMB-${String(n + 1).padStart(4, '0')}`, memberId: proposed.id, proposedId: proposed.id, at: plus(D, n * HOUR) });
  }
  return taken;
}

describe('round-robin rotation', () => {
  it('cycles through the PST in roster order, skipping the unavailable', () => {
    const roster: Roster = { members: ['pst-0000000a', 'pst-0000000b', 'pst-0000000c', 'pst-0000000d'].map((id) => member(id, id !== 'pst-0000000b')), leads: [], minors: [] };
    expect(takeTurns(roster, 6)).toEqual(['pst-0000000a', 'pst-0000000c', 'pst-0000000d', 'pst-0000000a', 'pst-0000000c', 'pst-0000000d']);
    const order = proposeFixLead(roster).order;
    expect(order.find((entry) => entry.member.id === 'pst-0000000b')?.skipped).toBe('unavailable: away');
    // Back from leave: B has gone longest without a turn.
    roster.members[1] = { ...roster.members[1]!, available: true, note: '' };
    expect(proposeFixLead(roster).proposed?.id).toBe('pst-0000000b');
  });

  it('someone taking a turn out of order does not cost the others theirs', () => {
    const roster: Roster = { members: ['pst-0000000a', 'pst-0000000b', 'pst-0000000c'].map((id) => member(id)), leads: [], minors: [] };
    roster.leads.push({ caseId: 'EMB-0001', memberId: 'pst-0000000a', proposedId: 'pst-0000000a', at: plus(D, HOUR) });
    roster.leads.push({ caseId: 'EMB-0002', memberId: 'pst-0000000c', proposedId: 'pst-0000000b', at: plus(D, 2 * HOUR) });
    expect(proposeFixLead(roster).proposed?.id).toBe('pst-0000000b');
  });

  it('proposes nobody when everyone is unavailable or has left', () => {
    const roster: Roster = { members: [member('pst-0000000a', false), { ...member('pst-0000000b'), removedAt: D }], leads: [], minors: [] };
    expect(proposeFixLead(roster).proposed).toBeNull();
    expect(proposeFixLead(roster).order.map((entry) => entry.member.id)).toEqual(['pst-0000000a']);
  });

  it('property: turns are shared evenly among the available, and never go to the unavailable', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 40 }), (availability, cases) => {
        const members = availability.map((available, index) => member(`pst-${String(index).padStart(8, '0')}`, available));
        const roster: Roster = { members, leads: [], minors: [] };
        const taken = takeTurns(roster, cases);
        const eligible = members.filter((m) => m.available).map((m) => m.id);
        if (eligible.length === 0) return taken.length === 0;
        const counts = eligible.map((id) => taken.filter((t) => t === id).length);
        return taken.every((id) => eligible.includes(id)) && Math.max(...counts) - Math.min(...counts) <= 1 && taken.length === cases;
      }),
    );
  });
});

describe('roster through the contract', () => {
  const open: ClockedVault[] = [];
  afterEach(async () => {
    for (const vault of open.splice(0)) await vault.cleanup();
  });

  it('proposes, records who took each case, and sets the case’s Fix Lead with a timeline event', async () => {
    const vault = await clockedVault(D);
    open.push(vault);
    const ada = await vault.call('roster.addMember', { name: 'Ada', contact: 'ada@example.org' });
    const bjorn = await vault.call('roster.addMember', { name: 'Björn', contact: 'bjorn@example.org' });
    const chiara = await vault.call('roster.addMember', { name: 'Chiara', contact: '' });
    await vault.call('roster.updateMember', { memberId: bjorn.id, available: false, note: 'holiday' });
    const leads: string[] = [];
    for (let n = 0; n < 4; n += 1) {
      vault.advance(HOUR);
      const { id } = await vault.call('case.create', { title: `Case ${n}`, disclosedAt: D, kind: 'private', profile: 'kubernetes-2017' });
      const proposal = await vault.call('roster.proposeFixLead', {});
      const { turn, case: record } = await vault.call('roster.takeFixLead', { caseId: id, memberId: proposal.proposed!.id });
      expect(record.people.fixLead).toBe(turn.memberId);
      leads.push(turn.memberId);
      const last = (await vault.call('case.timeline', { id })).at(-1)!;
      expect(last).toMatchObject({ type: 'process.fix-lead-assigned', data: { memberId: turn.memberId, proposedId: turn.memberId } });
    }
    expect(leads).toEqual([ada.id, chiara.id, ada.id, chiara.id]);
    expect((await vault.call('roster.show', {})).leads).toHaveLength(4);
    const code = await vault.call('roster.takeFixLead', { caseId: 'EMB-0001', memberId: bjorn.id }).catch((e: { code: string }) => e.code);
    expect(code).toBe('Conflict');
  });

  it('keeps Release Managers per minor release and removes them when the minor is deprecated', async () => {
    const vault = await clockedVault(D);
    open.push(vault);
    await vault.call('roster.addMinor', { minor: '1.31' });
    await vault.call('roster.addMinor', { minor: '1.32' });
    const grace = await vault.call('roster.addReleaseManager', { minor: '1.31', name: 'Grace', contact: 'grace@example.org' });
    await vault.call('roster.addReleaseManager', { minor: '1.32', name: 'Hiro' });
    expect(await vault.call('roster.addMinor', { minor: '1.31' }).catch((e: { code: string }) => e.code)).toBe('Conflict');
    vault.advance(HOUR);
    const deprecated = await vault.call('roster.deprecateMinor', { minor: '1.31' });
    expect(deprecated.deprecatedAt).toBe(plus(D, HOUR));
    expect(deprecated.releaseManagers).toEqual([{ ...grace, removedAt: plus(D, HOUR) }]);
    expect(await vault.call('roster.addReleaseManager', { minor: '1.31', name: 'Late' }).catch((e: { code: string }) => e.code)).toBe('NotAllowed');
    const roster = await vault.call('roster.show', {});
    expect(roster.minors.find((m) => m.minor === '1.32')?.releaseManagers.map((m) => m.name)).toEqual(['Hiro']);
    // The roster survives lock and unlock, encrypted in the vault.
    await vault.call('vault.lock', {});
    await vault.call('vault.unlock', { passphrase: 'test passphrase, not a secret' });
    expect(await vault.call('roster.show', {})).toEqual(roster);
  });

  it('refuses bad input: a fingerprint that is not one, an unknown member', async () => {
    const vault = await clockedVault(D);
    open.push(vault);
    const bad = await vault.result('roster.addMember', { name: 'X', fingerprint: 'ABCD' });
    expect(bad.ok).toBe(false);
    const ok = await vault.call('roster.addMember', { name: 'Y', fingerprint: '5e6f 2e2d a760 af51 5e6f 2e2d a760 af51 0102 0304' });
    expect(ok.fingerprint).toBe('5E6F2E2DA760AF515E6F2E2DA760AF5101020304');
    expect(await vault.call('roster.removeMember', { memberId: 'pst-00000000' }).catch((e: { code: string }) => e.code)).toBe('NotFound');
    expect((await vault.call('roster.show', {})).members).toHaveLength(1);
  });
});
