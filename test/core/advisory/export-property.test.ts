// Property: for any case data the vault can hold, every export either validates (checked here
// again, independently, against the official schemas) or is refused with an ExportInvalid
// error that lists the problems in words; and a refused export never leaves a file behind.
import { randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { buildDocument } from '../../../src/core/advisory/build-document.ts';
import { CVE_FEED_TITLE } from '../../../src/core/advisory/build-issue.ts';
import { KUBERNETES_PUBLISHER } from '../../../src/core/advisory/export-context.ts';
import { scoreCvssCall } from '../../../src/core/cvss/index.ts';
import { caseEdits, caseRecord, type AdvisoryFormat, type CaseEdits, type CaseRecord } from '../../../src/shared/contract/index.ts';
import { EmbargoError } from '../../../src/shared/errors.ts';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { csafMandatoryFailures, officialCsaf, officialCve, officialOpenVex, officialOsv } from './official-schemas.ts';

const VECTORS = [
  'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N',
  'CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N',
  'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/CR:H',
  'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
  'CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:U',
];
const GOOD_RANGES = ['>=1.29.0 <1.29.4', '<1.28.9', '*', '>=1.30.0', '<=1.27.3', '1.2.3', '1.x', '~0.1.2', '<1.2.0 || >=1.3.0 <1.3.2', 'v1.29.0 - v1.29.3'];
const BAD_RANGES = ['>1.2.0', 'not a range', '>=2.0.0 <1.0.0', '>=1.0.0 <1.0.0'];
const GOOD_TAGS = ['issue-tracking', 'mailing-list', 'patch', 'vendor-advisory', 'x_embargo', 'exploit'];
const BAD_TAGS = ['release notes', 'Patch'];
/** Mostly good values, sometimes bad ones: both outcomes must be reached often. */
const mostly = <T,>(good: readonly T[], bad: readonly T[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 12 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
const text = (max: number) => fc.oneof(fc.constant(''), fc.string({ maxLength: max }), fc.string({ unit: 'grapheme', maxLength: max }), fc.lorem({ maxCount: 30 }));
const instant = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('3000-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const url = fc.oneof(
  fc.constantFrom('https://github.com/kubernetes/kubernetes/issues/1', 'https://groups.google.com/g/kubernetes-security-announce/c/x', 'http://example.com/a b'),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);

const edits: fc.Arbitrary<CaseEdits> = fc.record(
  {
    title: fc.string({ minLength: 1, maxLength: 120 }).filter((t) => t.trim() !== ''),
    summary: text(300),
    description: fc.oneof({ arbitrary: fc.lorem({ maxCount: 40 }), weight: 6 }, { arbitrary: text(2000), weight: 2 }, { arbitrary: fc.constant('allows '.repeat(700)), weight: 1 }),
    releaseDate: fc.option(instant, { freq: 4 }),
    cve: fc.option(fc.oneof(fc.constant('CVE-2026-31337'), fc.stringMatching(/^CVE-(19|20|99)\d{2}-\d{4,8}$/)), { freq: 8 }),
    cvssVector: fc.option(fc.constantFrom(...VECTORS), { freq: 6 }),
    cwe: fc.array(mostly(['CWE-22', 'CWE-59', 'CWE-79', 'CWE-352'], ['CWE-99999', 'CWE-1']), { maxLength: 3 }),
    affected: fc.array(fc.record({ product: fc.constantFrom('kubelet', 'kube-proxy', 'kube apiserver ✓', 'x'), range: mostly(GOOD_RANGES, BAD_RANGES) }), { minLength: 1, maxLength: 4 }),
    fixed: fc.array(fc.record({ product: fc.constantFrom('kubelet', 'kube-proxy', 'other'), version: fc.constantFrom('1.29.4', '1.28.9', 'v2', '0.0.1') }), { maxLength: 3 }),
    references: fc.array(fc.record({ url, tags: fc.uniqueArray(mostly(GOOD_TAGS, BAD_TAGS), { maxLength: 3 }) }), { maxLength: 4 }),
    credits: fc.array(
      fc.record({
        name: fc.string({ minLength: 1, maxLength: 60 }).filter((n) => n.trim() !== ''),
        type: fc.constantFrom('finder', 'reporter', 'analyst', 'coordinator', 'remediation developer', 'remediation reviewer', 'other'),
      }),
      { maxLength: 3 },
    ),
    workarounds: text(300),
    mitigations: text(300),
    detection: text(300),
    trackingIssue: fc.option(url, { freq: 6 }),
  },
  { requiredKeys: ['affected', 'description', 'references', 'trackingIssue', 'cve', 'cvssVector', 'cwe'] },
);

/** Edits as the vault would apply them (scored, trimmed) onto a fresh case. */
function asRecord(input: CaseEdits): CaseRecord | null {
  const parsed = caseEdits.safeParse(input);
  if (!parsed.success) return null;
  const { cvssVector, ...fields } = parsed.data;
  const record = {
    id: 'EMB-0001',
    title: 'Case',
    kind: 'private',
    disclosedAt: '2026-11-20T09:30:00.000Z',
    createdAt: '2026-11-20T09:30:00.000Z',
    updatedAt: '2026-11-20T09:30:00.000Z',
    profile: { id: 'kubernetes-2017', version: 1 },
    summary: '',
    description: '',
    upstream: null,
    publicReport: null,
    releaseDate: null,
    cve: null,
    cvss: cvssVector ? scoreCvssCall(cvssVector) : null,
    cwe: [],
    affected: [],
    fixed: [],
    references: [],
    credits: [],
    workarounds: '',
    mitigations: '',
    detection: '',
    embargo: { deployBeforeRelease: null, patchUnderEmbargo: null, hostedServiceExceptions: '' },
    links: [],
    people: { fixLead: null, fixTeam: [], releaseManagers: [], reporter: null },
    trackingIssue: null,
    eventCount: 1,
    ...fields,
    ...(fields.releaseDate ? { releaseDate: new Date(fields.releaseDate).toISOString() } : {}),
  };
  const checked = caseRecord.safeParse(record);
  return checked.success ? (record as CaseRecord) : null;
}

async function independentlyValid(format: AdvisoryFormat, documentText: string): Promise<string[]> {
  if (format === 'cve') {
    const validate = officialCve();
    return validate(JSON.parse(documentText)) ? [] : [JSON.stringify(validate.errors)];
  }
  if (format === 'osv') {
    const validate = officialOsv();
    return validate(JSON.parse(documentText)) ? [] : [JSON.stringify(validate.errors)];
  }
  if (format === 'openvex') {
    const validate = officialOpenVex();
    return validate(JSON.parse(documentText)) ? [] : [JSON.stringify(validate.errors)];
  }
  if (format === 'csaf') {
    const document = JSON.parse(documentText) as unknown;
    const validate = officialCsaf();
    if (!validate(document)) return [JSON.stringify(validate.errors)];
    return csafMandatoryFailures(document);
  }
  if (format === 'issue') {
    const issue = JSON.parse(documentText) as { title: string };
    return CVE_FEED_TITLE.test(issue.title) ? [] : [`title ${issue.title}`];
  }
  const documents = parseAllDocuments(documentText);
  return Array.isArray(documents) && documents.every((d) => d.errors.length === 0) ? [] : ['YAML does not parse'];
}

const FORMATS: AdvisoryFormat[] = ['cve', 'osv', 'csaf', 'openvex', 'issue', 'release-notes'];

describe('random case data: every export validates or is refused in words', () => {
  for (const format of FORMATS) {
    it(format, async () => {
      let exported = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(edits, fc.uniqueArray(fc.integer({ min: 1, max: 200_000 }), { maxLength: 3 }), async (input, prs) => {
          const record = asRecord(input);
          fc.pre(record !== null);
          const context = { record: record as CaseRecord, publisher: KUBERNETES_PUBLISHER, now: new Date('2026-11-27T10:00:00Z'), prs };
          let built: Awaited<ReturnType<typeof buildDocument>>;
          try {
            built = await buildDocument(format, context);
          } catch (error) {
            expect(error).toBeInstanceOf(EmbargoError);
            const refusal = error as EmbargoError;
            expect(refusal.code).toBe('ExportInvalid');
            const problems = refusal.data.problems as string[];
            expect(problems.length).toBeGreaterThan(0);
            for (const problem of problems) expect(problem).toMatch(/\w{3,}/);
            expect(refusal.message).toMatch(/export was not written: /);
            refused += 1;
            return;
          }
          expect(await independentlyValid(format, built.text)).toEqual([]);
          exported += 1;
        }),
        { numRuns: format === 'csaf' ? 120 : 250, seed: 4242 },
      );
      if (process.env.SHOW_COUNTS) console.log(format, { exported, refused });
      // Both outcomes occur: the generator reaches valid documents and refusals alike.
      expect(exported).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  }
});

describe('a refused export writes no file', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let out: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    vault = await freshVault({
      ports: { now: () => new Date('2026-11-27T10:00:00Z'), randomBytes: (n) => new Uint8Array(randomBytes(n)) },
      createOptions: { kdf: { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } },
    });
    out = await tempDir('embargo-advisory-prop-');
  });
  afterAll(async () => {
    await vault.cleanup();
    await out.remove();
  });

  it('through the dispatch, for random edits and formats', async () => {
    const { id } = await vault.call('case.create', { title: 'Property case', disclosedAt: '2026-11-20T09:30:00Z' });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(edits, fc.constantFrom(...FORMATS), async (input, format) => {
        fc.pre(asRecord(input) !== null);
        await vault.call('case.update', { id, edits: input });
        const file = join(out.path, `export-${run++}`);
        const result = await vault.result('advisory.export', { id, format, output: file, prs: [1234] });
        const exists = await access(file).then(
          () => true,
          () => false,
        );
        if (result.ok) {
          expect(exists).toBe(true);
          expect(await independentlyValid(format, result.value.text)).toEqual([]);
        } else {
          expect(result.error.code).toBe('ExportInvalid');
          expect(exists).toBe(false);
        }
      }),
      { numRuns: 25, seed: 99 },
    );
  });
});
