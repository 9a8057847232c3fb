import { afterEach, describe, expect, it } from 'vitest';
import { freshVault } from '../../helpers/core.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const people = (fixLead: string | null) => ({ fixLead, fixTeam: [], releaseManagers: [], reporter: null });

describe('editing a case', () => {
  it('records one event per field that really changed, and none for a no-op', async () => {
    const vault = await freshVault();
    cleanups.push(vault.cleanup);
    const opened = await vault.call('case.create', { title: 'Edits', disclosedAt: '2026-11-20T09:00:00Z', kind: 'private' });
    await vault.call('case.update', { id: opened.id, edits: { summary: 'one', title: 'Edits' } });
    await vault.call('case.update', { id: opened.id, edits: { summary: 'one' } });
    const events = await vault.call('case.timeline', { id: opened.id });
    expect(events.map((e) => [e.type, e.data.field ?? null])).toEqual([
      ['case.opened', null],
      ['case.field-changed', 'summary'],
    ]);
  });

  it('refuses to replace the Fix Lead by a plain edit, and changes nothing', async () => {
    const vault = await freshVault();
    cleanups.push(vault.cleanup);
    const opened = await vault.call('case.create', { title: 'Lead', disclosedAt: '2026-11-20T09:00:00Z', kind: 'private' });
    await vault.call('case.update', { id: opened.id, edits: { people: people('alice') } });
    const refused = await vault.result('case.update', { id: opened.id, edits: { summary: 'x', people: people('mallory') } });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('NotAllowed');
    const shown = await vault.call('case.show', { id: opened.id });
    expect(shown.people.fixLead).toBe('alice');
    expect(shown.summary).toBe('');
    await vault.call('case.update', { id: opened.id, edits: { people: { ...people('alice'), fixTeam: ['bob'] } } });
    expect((await vault.call('case.show', { id: opened.id })).people.fixTeam).toEqual(['bob']);
  });

  it('an invalid CVSS vector is refused with InvalidVector and records nothing', async () => {
    const vault = await freshVault();
    cleanups.push(vault.cleanup);
    const opened = await vault.call('case.create', { title: 'Score', disclosedAt: '2026-11-20T09:00:00Z', kind: 'private' });
    const refused = await vault.result('case.update', { id: opened.id, edits: { cvssVector: 'CVSS:3.1/AV:X' } });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('InvalidVector');
    const scored = await vault.call('case.update', { id: opened.id, edits: { cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' } });
    expect(scored.cvss).toMatchObject({ version: '3.1', score: 9.8, severity: 'Critical' });
    const events = await vault.call('case.timeline', { id: opened.id });
    expect(events.map((e) => e.type)).toEqual(['case.opened', 'case.cvss-call']);
  });
});
