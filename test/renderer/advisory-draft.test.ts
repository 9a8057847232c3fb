// The Advisory tab's form model: only changed fields become edits; what the inline checks let
// through, the contract accepts; the range check never refuses a range the exports can state;
// a form filled like a Fix Lead would, saved through the real core, gives valid CVE and OSV
// exports. Plus the small pieces of the export path (file names, SHA-256, embargo, wording).
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freshVault } from '../helpers/core.ts';
import { caseEdits, type CaseRecord } from '../../src/shared/contract/index.ts';
import { parseAffectedRange } from '../../src/core/advisory/version-ranges.ts';
import { CREDIT_TYPES, REFERENCE_TAGS, changedFields, checkDraft, draftFromCase, editsFromDraft, rangeProblem, type AdvisoryDraft } from '../../src/renderer/features/advisory/advisory-draft.ts';
import { fileNameFor, isUnderEmbargo } from '../../src/renderer/features/advisory/download.ts';
import { sha256Hex } from '../../src/renderer/lib/download.ts';
import { inWords } from '../../src/renderer/features/advisory/use-export-checks.ts';
import { defaultCaseFields } from '../../src/core/vault/documents.ts';

const EMPTY_CASE: CaseRecord = {
  id: 'EMB-0001',
  title: 'A case',
  kind: 'private',
  disclosedAt: '2026-11-20T09:30:00.000Z',
  createdAt: '2026-11-20T09:30:00.000Z',
  updatedAt: '2026-11-20T09:30:00.000Z',
  profile: { id: 'kubernetes-2017', version: 1 },
  // The fields every new case starts with, from the one place that defines them.
  ...defaultCaseFields(),
  eventCount: 1,
};

describe('the advisory draft', () => {
  it('an untouched draft changes nothing; edits carry only the changed fields, trimmed, empty IDs as null', () => {
    const draft = draftFromCase(EMPTY_CASE);
    expect(editsFromDraft(EMPTY_CASE, draft)).toEqual({});
    const edited: AdvisoryDraft = {
      ...draft,
      cve: ' CVE-2026-31337 ',
      affected: [{ product: ' kubelet ', range: ' >=1.29.0 <1.29.4 ' }],
      trackingIssue: '   ',
    };
    expect(editsFromDraft(EMPTY_CASE, edited)).toEqual({ cve: 'CVE-2026-31337', affected: [{ product: 'kubelet', range: '>=1.29.0 <1.29.4' }] });
    expect(changedFields(EMPTY_CASE, edited)).toEqual(['cve', 'affected']);
    // Once saved (the case has the values), the same draft has nothing left to save.
    const saved = { ...EMPTY_CASE, cve: 'CVE-2026-31337', affected: [{ product: 'kubelet', range: '>=1.29.0 <1.29.4' }] };
    expect(changedFields(saved, edited)).toEqual([]);
    // Clearing a saved CVE ID sends null.
    expect(editsFromDraft(saved, { ...edited, cve: '' })).toEqual({ cve: null });
  });

  it('names each field problem in words, at its path', () => {
    const draft: AdvisoryDraft = {
      ...draftFromCase(EMPTY_CASE),
      cve: 'CVE-26-1',
      trackingIssue: 'github.com/x',
      cwe: ['CWE-22', 'cwe-22', 'CWE-0'],
      affected: [
        { product: 'kubelet', range: '>1.2.0' },
        { product: 'kubelet', range: '1.29 to 1.30' },
        { product: '', range: '' },
      ],
      fixed: [
        { product: 'kube-proxy', version: '1.29.4' },
        { product: 'kubelet', version: 'one' },
      ],
      references: [
        { url: 'ftp://example.org/x', tags: [] },
        { url: 'https://example.org/a', tags: [] },
        { url: 'https://example.org/a', tags: [] },
      ],
      credits: [{ name: ' ', type: 'finder' }],
    };
    const typing = checkDraft(draft, false);
    expect(typing.errors).toEqual({
      cve: 'A CVE ID looks like CVE-2026-12345.',
      trackingIssue: 'The tracking issue must be an http(s) URL.',
      'cwe.1': 'CWE-22 is listed twice.',
      'cwe.2': '"CWE-0" is not a CWE ID; they look like CWE-22.',
      'affected.0.range': 'Write the lower bound as ">=" the first affected version (the formats cannot state an exclusive lower bound).',
      'affected.1.range': '"1.29 to 1.30" is not a semver range; write e.g. ">=1.29.0 <1.29.4", "<1.28.9", or "*" for every version.',
      'fixed.1.version': '"one" is not a semver version (e.g. 1.29.4).',
      'references.0.url': 'A reference must be an http(s) URL.',
      'references.2.url': 'This link is listed twice.',
    });
    // A fixed version of a product not listed as affected is a warning: the exports leave it out.
    expect(typing.warnings).toEqual({ 'fixed.0.product': 'kube-proxy is not listed as affected: the exports leave this fixed version out.' });
    // Empty parts of rows count once the user tries to save.
    const saving = checkDraft(draft, true);
    expect(saving.errors).toMatchObject({
      'affected.2.product': 'Give the product, or remove the row.',
      'affected.2.range': 'Give the affected range, or remove the row.',
      'credits.0.name': 'Give the name, or remove the row.',
    });
  });

  it('whatever passes the inline checks, the contract accepts as case edits', () => {
    const text = fc.string({ maxLength: 40 });
    const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
    const version = fc.tuple(fc.nat(30), fc.nat(40), fc.nat(20)).map(([a, b, c]) => `${a}.${b}.${c}`);
    const range = fc.oneof(
      version.map((v) => `>=${v}`),
      version.map((v) => `<${v}`),
      fc.tuple(version, version).map(([a, b]) => `>=${a} <${b}`),
      fc.constant('*'),
      text,
    );
    const draft = fc.record({
      cve: fc.oneof(fc.constant(''), fc.integer({ min: 1000, max: 999_999 }).map((n) => `CVE-2026-${n}`), text),
      summary: text,
      description: text,
      cwe: fc.array(fc.oneof(fc.integer({ min: 1, max: 2000 }).map((n) => `CWE-${n}`), text), { maxLength: 4 }),
      affected: fc.array(fc.record({ product: fc.oneof(word, text), range }), { maxLength: 3 }),
      fixed: fc.array(fc.record({ product: fc.oneof(word, text), version: fc.oneof(version, text) }), { maxLength: 3 }),
      references: fc.array(
        fc.record({
          url: fc.oneof(word.map((w) => `https://example.org/${w}`), text),
          tags: fc.subarray([...REFERENCE_TAGS], { maxLength: 3 }),
        }),
        { maxLength: 3 },
      ),
      credits: fc.array(fc.record({ name: fc.oneof(word, text), type: fc.constantFrom(...CREDIT_TYPES) }), { maxLength: 3 }),
      workarounds: text,
      mitigations: text,
      detection: text,
      trackingIssue: fc.oneof(fc.constant(''), word.map((w) => `https://github.com/o/r/issues/${w}`), text),
    });
    fc.assert(
      fc.property(draft, (candidate) => {
        if (Object.keys(checkDraft(candidate, true).errors).length > 0) return;
        const parsed = caseEdits.safeParse(editsFromDraft(EMPTY_CASE, candidate));
        expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('the range check never refuses a range the exports can state', () => {
    const version = fc.tuple(fc.nat(9), fc.nat(40), fc.nat(20)).map(([a, b, c]) => `${a}.${b}.${c}`);
    const comparator = fc.oneof(
      version.map((v) => `>=${v}`),
      version.map((v) => `>${v}`),
      version.map((v) => `<${v}`),
      version.map((v) => `<=${v}`),
      version,
      fc.constantFrom('*', '1.x', '1.29', '~1.2.3', '^1.2.3', '1.2.3 - 1.4.0'),
    );
    const range = fc.array(fc.array(comparator, { minLength: 1, maxLength: 2 }).map((set) => set.join(' ')), { minLength: 1, maxLength: 3 }).map((sets) => sets.join(' || '));
    fc.assert(
      fc.property(range, (candidate) => {
        let exportable = true;
        try {
          parseAffectedRange('kubelet', candidate);
        } catch {
          exportable = false;
        }
        if (exportable) expect(rangeProblem(candidate)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the export path', () => {
  it('names files after the CVE ID (the case id until there is one)', () => {
    expect(fileNameFor('cve', { id: 'EMB-0001', cve: 'CVE-2026-31337' })).toBe('CVE-2026-31337.json');
    expect(fileNameFor('osv', { id: 'EMB-0001', cve: 'CVE-2026-31337' })).toBe('CVE-2026-31337.osv.json');
    expect(fileNameFor('release-notes', { id: 'EMB-0001', cve: null })).toBe('EMB-0001.release-notes.yaml');
  });

  it('hashes the text as UTF-8, as sha256sum would', async () => {
    for (const text of ['', '{"cveId": "CVE-2026-31337"}\n', 'Grüße — ✓']) {
      expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('a case is under embargo until its Release Date has passed, and without one', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(isUnderEmbargo({ releaseDate: null }, now)).toBe(true);
    expect(isUnderEmbargo({ releaseDate: '2026-12-02T16:00:00Z' }, now)).toBe(true);
    expect(isUnderEmbargo({ releaseDate: '2026-11-30T16:00:00Z' }, now)).toBe(false);
  });

  it('leaves out the CLI hints of the core sentences, and nothing else', () => {
    expect(inWords('the case has no CVE ID (set it with "case set --cve")')).toBe('the case has no CVE ID');
    expect(inWords('no cherry-pick PR numbers were given (--pr N, once per PR)')).toBe('no cherry-pick PR numbers were given');
    expect(inWords('no affected product is listed (a product and its semver range)')).toBe('no affected product is listed (a product and its semver range)');
  });
});

describe('a form filled in the Advisory tab, saved through the core', () => {
  const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
  let vault: Awaited<ReturnType<typeof freshVault>>;
  beforeAll(async () => {
    vault = await freshVault({
      ports: { now: () => new Date('2026-11-27T10:00:00Z'), randomBytes: (n) => new Uint8Array(randomBytes(n)) },
      createOptions: { kdf: CHEAP_KDF },
    });
  });
  afterAll(async () => {
    await vault.cleanup();
  });

  it('exports a CVE record and an OSV record that validate; each changed field is one timeline event', async () => {
    const record = await vault.call('case.create', { title: 'Kubelet subPath symlink escape', disclosedAt: '2026-11-20T09:30:00Z' });
    const draft: AdvisoryDraft = {
      ...draftFromCase(record),
      cve: 'CVE-2026-31337',
      summary: 'Kubelet follows symlinks in subPath volume mounts',
      description: 'allows a user who can create pods to read arbitrary files on the node.',
      cwe: ['CWE-59'],
      affected: [
        { product: 'kubelet', range: '>=1.29.0 <1.29.4' },
        { product: 'kubelet', range: '<1.28.9' },
      ],
      fixed: [{ product: 'kubelet', version: '1.29.4' }],
      references: [{ url: 'https://github.com/kubernetes/kubernetes/pull/131338', tags: ['patch'] }],
      credits: [{ name: 'Ada Lovelace', type: 'finder' }],
      trackingIssue: 'https://github.com/kubernetes/kubernetes/issues/131337',
    };
    expect(checkDraft(draft, true).errors).toEqual({});
    const before = await vault.call('case.timeline', { id: record.id });
    const saved = await vault.call('case.update', { id: record.id, edits: editsFromDraft(record, draft) });
    const after = await vault.call('case.timeline', { id: record.id });
    expect(after.length - before.length).toBe(changedFields(record, draft).length);
    expect(changedFields(saved, draft)).toEqual([]);

    const cve = await vault.call('advisory.export', { id: record.id, format: 'cve' });
    expect(cve.validation.checkedAgainst).toContain('cve/CVE_JSON_bundled_5.1.1.json');
    expect(JSON.parse(cve.text)).toMatchObject({ cveMetadata: { cveId: 'CVE-2026-31337' } });
    const osv = await vault.call('advisory.export', { id: record.id, format: 'osv' });
    expect(osv.validation.checkedAgainst).toEqual(['osv/schema.json']);
  });
});
