// The retrospective draft is built from the timeline: everyone involved, planned against
// actual per phase, leaks and decisions, links, and headings for the critiques.
import { afterEach, describe, expect, it } from 'vitest';
import { clockedVault, type ClockedVault } from './engine-helpers.ts';
import { DAY, HOUR, plus } from './fixtures.ts';

const D = '2026-03-02T09:00:00.000Z';
const RELEASE = '2026-03-18T16:00:00.000Z';

const open: ClockedVault[] = [];
afterEach(async () => {
  for (const vault of open.splice(0)) await vault.cleanup();
});

describe('retrospective draft', () => {
  it('names everyone, compares planned and actual per phase, lists leaks, decisions and links', async () => {
    const vault = await clockedVault(plus(D, HOUR));
    open.push(vault);
    const ada = await vault.call('roster.addMember', { name: 'Ada Reyes', contact: 'ada@example.org' });
    const { id } = await vault.call('case.create', { title: 'Kubelet | pipe in title', disclosedAt: D, kind: 'private', profile: 'kubernetes-2017' });
    await vault.call('roster.takeFixLead', { caseId: id, memberId: ada.id });
    await vault.call('case.update', {
      id,
      edits: {
        cve: 'CVE-2026-1234',
        releaseDate: RELEASE,
        people: { fixLead: ada.id, fixTeam: ['Jonas'], releaseManagers: ['Grace'], reporter: 'Lena' },
        links: [{ label: 'PR that introduced the issue', url: 'https://git.example.org/k/pull/1' }],
      },
    });
    vault.setNow(plus(D, 2 * DAY));
    await vault.call('process.tick', { id, item: 'identify-fix-team', by: 'Ada Reyes', doneAt: plus(D, 3 * HOUR) });
    await vault.call('process.tick', { id, item: 'grant-private-repo', doneAt: plus(D, 30 * HOUR) });
    await vault.call('process.skip', { id, item: 'email-distributors', reason: 'not remotely exploitable' });
    await vault.call('process.recordLeak', { id, what: 'the patch', toWhom: 'a vendor QA list', when: plus(D, DAY), reportedBy: 'Vendor', distributor: 'Example Linux' });
    await vault.call('process.decideLeak', { id, leak: 'L1', choice: 'continue', reason: 'contained' });
    await vault.call('process.addRetroItem', { id, text: 'Ask distributors to confirm their need-to-know lists.' });

    const { markdown } = await vault.call('process.retro', { id });
    expect(markdown).toMatch(/^# Retrospective: CVE-2026-1234: Kubelet \\\| pipe in title/);
    expect(markdown).toContain('hash chain intact');
    expect(markdown).toContain('- Fix Lead: Ada Reyes');
    expect(markdown).toContain('- Fix Team: Jonas');
    expect(markdown).toContain('- Release Managers: Grace');
    expect(markdown).toContain('- Reporter: Lena');
    // Organisation was due D + 24 h and finished at D + 30 h.
    expect(markdown).toContain('| Fix Team Organization | These steps should be completed within the first 24 hours of Disclosure. | 2026-03-03 09:00 UTC | 2026-03-03 15:00 UTC | 6 h late |');
    expect(markdown).toContain('- Give the Fix Team access to the private security repo: due 2026-03-03 09:00 UTC, done 2026-03-03 15:00 UTC');
    expect(markdown).toContain('- Email the patches to the private distributors list: not remotely exploitable');
    expect(markdown).toMatch(/Embargo break L1 .*the patch reached a vendor QA list through Example Linux; reported by Vendor; decision D1: continue with the plan — contained\./);
    expect(markdown).toContain('- PR that introduced the issue: <https://git.example.org/k/pull/1>');
    expect(markdown).toContain('- Ask distributors to confirm their need-to-know lists.');
    expect(markdown).toContain('Fix Lead: Ada Reyes');
    for (const heading of ['## Everyone involved', '## Timeline', '## Leaks and decisions', '## Links', '## Critiques', '### What went well', '### What went wrong', '## Feedback from the Release Managers and the Fix Team']) {
      expect(markdown).toContain(heading);
    }
  });
});
