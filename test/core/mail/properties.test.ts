// Random case data and random template text never crash the composer: every template still
// fills (or says, with a typed error, why the input was refused), and whatever is missing is
// both marked in the text and listed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_TEMPLATE_IDS, type CaseEdits } from '../../../src/shared/contract/index.ts';
import { ERROR_CODES } from '../../../src/shared/errors.ts';
import { freshVault } from '../../helpers/core.ts';
import { CHEAP_KDF } from './fixture.ts';

const tricky = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom('', '   ', '{{cve}}', '⟦missing: x⟧', '}}{{', 'From me\nFrom you', 'line\r\nline', '- a\n- b', '\u0000\u001b[1m', 'https://example.org/' + 'a'.repeat(100)),
);

const edits: fc.Arbitrary<CaseEdits> = fc.record(
  {
    summary: tricky,
    description: tricky,
    mitigations: tricky,
    detection: tricky,
    workarounds: tricky,
    releaseDate: fc.option(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()), { nil: null }),
    cve: fc.option(fc.integer({ min: 1000, max: 9_999_999 }).map((n) => `CVE-2026-${n}`), { nil: null }),
    cvssVector: fc.option(fc.constantFrom('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'), { nil: null }),
    affected: fc.array(fc.record({ product: fc.string({ minLength: 1, maxLength: 20 }), range: fc.constantFrom('*', '>=1.2.0 <1.2.9', '<2', 'nonsense') }), { maxLength: 3 }),
    fixed: fc.array(fc.record({ product: fc.string({ minLength: 1, maxLength: 20 }), version: fc.constantFrom('1.2.9', '2.0.0') }), { maxLength: 3 }),
    embargo: fc.record({ deployBeforeRelease: fc.option(fc.boolean(), { nil: null }), patchUnderEmbargo: fc.option(fc.boolean(), { nil: null }), hostedServiceExceptions: tricky }),
    links: fc.array(fc.record({ label: fc.string({ minLength: 1, maxLength: 30 }), url: fc.constantFrom('https://example.org/release', 'http://x.example/binaries') }), { maxLength: 2 }),
    people: fc.record({
      fixLead: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
      fixTeam: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
      releaseManagers: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }),
      reporter: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
    }),
  },
  { requiredKeys: [] },
);

describe('composer properties', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let caseId: string;

  beforeAll(async () => {
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    await vault.call('mail.updateSettings', { from: { name: 'Fix Lead', address: 'lead@example.org' } });
    caseId = (await vault.call('case.create', { title: 'Property case', disclosedAt: '2000-01-01T00:00:00Z' })).id;
  });
  afterAll(async () => vault?.cleanup());

  it('random case data and random template text: every template previews, drafts, and marks what is missing', async () => {
    await fc.assert(
      fc.asyncProperty(edits, fc.constantFrom(...MAIL_TEMPLATE_IDS), tricky, async (change, templateId, templateText) => {
        const updated = await vault.result('case.update', { id: caseId, edits: change });
        if (!updated.ok) expect(ERROR_CODES).toContain(updated.error.code);
        const saved = await vault.result('mail.saveTemplate', { id: templateId, body: `${templateText}\n{{summary}}\n{{releaseDateZones}}` });
        expect(saved.ok).toBe(true);
        for (const id of MAIL_TEMPLATE_IDS) {
          const preview = await vault.result('mail.preview', { caseId, template: id });
          expect(preview.ok, preview.ok ? '' : preview.error.message).toBe(true);
          if (!preview.ok) continue;
          expect(preview.value.subject).not.toMatch(/[\r\n]/);
          for (const match of preview.value.body.matchAll(/⟦missing: ([A-Za-z][A-Za-z0-9_]*)⟧/g)) expect(preview.value.missing).toContain(match[1]);
        }
        const draft = await vault.result('mail.createDraft', { caseId, template: templateId });
        expect(draft.ok, draft.ok ? '' : draft.error.message).toBe(true);
        await vault.call('mail.resetTemplate', { id: templateId });
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
