// Exports of a well-filled case, checked against the official schemas independently of the
// app's own validation; the embargo warning and timeline record for plaintext files; and a
// refused export that writes nothing.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { CVE_FEED_TITLE } from '../../../src/core/advisory/build-issue.ts';
import { WELL_FILLED } from './case-fixture.ts';
import { SHARED_SCHEMAS, csafMandatoryFailures, officialCsaf, officialCve, officialOpenVex, officialOsv } from './official-schemas.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;

type Vault = Awaited<ReturnType<typeof freshVault>>;

describe('advisory.export of a well-filled case', () => {
  let vault: Vault;
  let out: Awaited<ReturnType<typeof tempDir>>;
  let now = Date.parse('2026-11-27T10:00:00Z');
  let id: string;

  beforeAll(async () => {
    vault = await freshVault({
      ports: { now: () => new Date(now), randomBytes: (n) => new Uint8Array(randomBytes(n)) },
      createOptions: { kdf: CHEAP_KDF },
    });
    out = await tempDir('embargo-advisory-');
    const created = await vault.call('case.create', { title: 'Kubelet subPath symlink escape', disclosedAt: '2026-11-20T09:30:00Z' });
    id = created.id;
    await vault.call('case.update', { id, edits: WELL_FILLED });
  });
  afterAll(async () => {
    await vault.cleanup();
    await out.remove();
  });

  it('the app ships the official schemas byte for byte (and the OpenVEX schema vendored from openvex/spec, which shared/schemas lacks)', async () => {
    const files = async (dir: string): Promise<string[]> =>
      (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length));
    const shared = (await files(SHARED_SCHEMAS)).sort();
    const shipped = join(import.meta.dirname, '..', '..', '..', 'resources', 'schemas');
    const vendored = (await files(shipped)).filter((file) => file.startsWith(`${sep}openvex${sep}`)).sort();
    expect(vendored).toEqual([`${sep}openvex${sep}LICENSE`, `${sep}openvex${sep}SOURCE.txt`, `${sep}openvex${sep}openvex_json_schema.json`]);
    expect((await files(shipped)).filter((file) => !vendored.includes(file)).sort()).toEqual(shared);
    for (const file of shared) expect(await readFile(join(shipped, file))).toEqual(await readFile(join(SHARED_SCHEMAS, file)));
  });

  it('CVE JSON 5.1: the Kubernetes CNA conventions, valid against the official record schema', async () => {
    const result = await vault.call('advisory.export', { id, format: 'cve' });
    const record = JSON.parse(result.text) as {
      cveMetadata: { cveId: string; assignerShortName: string };
      containers: { cna: Record<string, unknown> & { affected: { product: string; versions: Record<string, string>[] }[] } };
    };
    const validate = officialCve();
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(result.validation.checkedAgainst).toEqual(['cve/CVE_JSON_bundled_5.1.1.json', 'cve/CVE_JSON_cnaPublishedContainer_5.1.1.json']);
    expect(record.cveMetadata).toMatchObject({ cveId: 'CVE-2026-31337', assignerShortName: 'kubernetes' });
    const cna = record.containers.cna;
    // the Fix Lead's text as written (the CNA-pattern rewrite is only offered)
    expect((cna.descriptions as { value: string }[])[0]?.value).toBe(WELL_FILLED.description);
    const kubelet = cna.affected.find((a) => a.product === 'kubelet');
    expect(kubelet?.versions).toEqual([
      { version: '1.29.0', lessThan: '1.29.4', status: 'affected', versionType: 'semver' },
      { version: '1.30.0', lessThan: '1.30.1', status: 'affected', versionType: 'semver' },
      { version: '0', lessThan: '1.28.9', status: 'affected', versionType: 'semver' },
      { version: '1.29.4', status: 'unaffected', versionType: 'semver' },
      { version: '1.30.1', status: 'unaffected', versionType: 'semver' },
      { version: '1.28.9', status: 'unaffected', versionType: 'semver' },
    ]);
    // Unfixed: from "0" to "*".
    expect(cna.affected.find((a) => a.product === 'kube-proxy')?.versions).toEqual([{ version: '0', lessThan: '*', status: 'affected', versionType: 'semver' }]);
    expect(cna.metrics).toEqual([
      {
        format: 'CVSS',
        scenarios: [{ lang: 'en', value: 'GENERAL' }],
        cvssV3_1: {
          version: '3.1',
          vectorString: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N',
          attackVector: 'NETWORK',
          attackComplexity: 'LOW',
          privilegesRequired: 'LOW',
          userInteraction: 'NONE',
          scope: 'CHANGED',
          confidentialityImpact: 'HIGH',
          integrityImpact: 'NONE',
          availabilityImpact: 'NONE',
          baseScore: 7.7,
          baseSeverity: 'HIGH',
        },
      },
    ]);
    expect(cna.problemTypes).toEqual([
      {
        descriptions: [
          { lang: 'en', type: 'CWE', cweId: 'CWE-59', description: "CWE-59 Improper Link Resolution Before File Access ('Link Following')" },
          { lang: 'en', type: 'CWE', cweId: 'CWE-22', description: "CWE-22 Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')" },
        ],
      },
    ]);
    expect(cna.references).toEqual([
      { url: 'https://github.com/kubernetes/kubernetes/issues/131337', tags: ['issue-tracking'] },
      { url: 'https://groups.google.com/g/kubernetes-security-announce/c/abcdef', tags: ['mailing-list'] },
      { url: 'https://github.com/kubernetes/kubernetes/pull/131338', tags: ['patch'] },
    ]);
    expect(cna.credits).toEqual([
      { lang: 'en', value: 'Ada Lovelace', type: 'finder' },
      { lang: 'en', value: 'Grace Hopper', type: 'remediation developer' },
    ]);
    expect(cna.datePublic).toBe('2026-12-02T16:00:00.000Z');
  });

  it('CVE JSON 5.1 with a CVSS v4.0 call carries a cvssV4_0 object', async () => {
    const other = await vault.call('case.create', { title: 'v4 case', disclosedAt: '2026-11-20T09:30:00Z' });
    await vault.call('case.update', {
      id: other.id,
      edits: { ...WELL_FILLED, cvssVector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:H/SI:N/SA:N/E:P' },
    });
    const record = JSON.parse((await vault.call('advisory.export', { id: other.id, format: 'cve' })).text) as {
      containers: { cna: { metrics: { cvssV4_0: Record<string, unknown> }[] } };
    };
    expect(officialCve()(record)).toBe(true);
    expect(record.containers.cna.metrics[0]?.cvssV4_0).toMatchObject({ version: '4.0', exploitMaturity: 'PROOF_OF_CONCEPT', baseSeverity: expect.any(String) });
  });

  it('OSV: valid against the official schema, one SEMVER range per interval', async () => {
    const result = await vault.call('advisory.export', { id, format: 'osv' });
    const record = JSON.parse(result.text) as { id: string; affected: { package: unknown; ranges: { events: unknown[] }[] }[]; severity: unknown; references: unknown };
    const validate = officialOsv();
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(record.id).toBe('CVE-2026-31337');
    expect(record.severity).toEqual([{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N' }]);
    expect(record.affected[0]?.package).toEqual({ ecosystem: 'Kubernetes', name: 'kubelet' });
    expect(record.affected[0]?.ranges.map((r) => r.events)).toEqual([
      [{ introduced: '1.29.0' }, { fixed: '1.29.4' }],
      [{ introduced: '1.30.0' }, { fixed: '1.30.1' }],
      [{ introduced: '0' }, { fixed: '1.28.9' }],
    ]);
    expect(record.affected[1]?.ranges.map((r) => r.events)).toEqual([[{ introduced: '0' }]]);
    expect(record.references).toEqual([
      { type: 'REPORT', url: 'https://github.com/kubernetes/kubernetes/issues/131337' },
      { type: 'ADVISORY', url: 'https://groups.google.com/g/kubernetes-security-announce/c/abcdef' },
      { type: 'FIX', url: 'https://github.com/kubernetes/kubernetes/pull/131338' },
    ]);
  });

  it('CSAF 2.0: valid against the official schema and the standard’s mandatory tests; an embargoed draft', async () => {
    const result = await vault.call('advisory.export', { id, format: 'csaf' });
    const document = JSON.parse(result.text) as {
      document: { tracking: { status: string; version: string }; distribution: { tlp: { label: string } } };
      vulnerabilities: { cve: string; cwe: unknown; scores: { cvss_v3: { baseScore: number } }[]; product_status: { known_affected: string[]; fixed: string[] } }[];
    };
    const validate = officialCsaf();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(await csafMandatoryFailures(document)).toEqual([]);
    // The mandatory tests do catch a wrong CWE name (test 6.1.11): they are not vacuous.
    const wrongName = structuredClone(document) as { vulnerabilities: { cwe: { name: string } }[] };
    (wrongName.vulnerabilities[0] as { cwe: { name: string } }).cwe.name = 'Something else';
    expect((await csafMandatoryFailures(wrongName)).join('\n')).toMatch(/6_1_11/);
    expect(document.document.tracking).toMatchObject({ status: 'draft', version: '0' });
    expect(document.document.distribution.tlp.label).toBe('AMBER');
    const vulnerability = document.vulnerabilities[0];
    expect(vulnerability?.cve).toBe('CVE-2026-31337');
    expect(vulnerability?.cwe).toEqual({ id: 'CWE-59', name: "Improper Link Resolution Before File Access ('Link Following')" });
    expect(vulnerability?.scores[0]?.cvss_v3.baseScore).toBe(7.7);
    expect(vulnerability?.product_status.known_affected).toHaveLength(4);
    expect(vulnerability?.product_status.fixed).toHaveLength(3);
    expect(result.warnings.join('\n')).toMatch(/CSAF 2\.0 holds one CWE per vulnerability/);
  });

  it('CSAF under embargo: TLP:AMBER by default (RED on request), dated by the future Release Date so distributors can load it now', async () => {
    type Doc = { document: { distribution: { text: string; tlp: { label: string } }; tracking: { initial_release_date: string; current_release_date: string; revision_history: { date: string }[] } } };
    const amber = JSON.parse((await vault.call('advisory.export', { id, format: 'csaf' })).text) as Doc;
    expect(amber.document.distribution.tlp.label).toBe('AMBER');
    expect(amber.document.distribution.text).toMatch(/^Embargoed until 2026-12-02T16:00:00\.000Z\. TLP:AMBER: share only inside your organisation/);
    expect(amber.document.tracking.initial_release_date).toBe('2026-12-02T16:00:00.000Z');
    expect(amber.document.tracking.current_release_date).toBe('2026-12-02T16:00:00.000Z');
    expect(amber.document.tracking.revision_history[0]?.date).toBe('2026-12-02T16:00:00.000Z');
    const red = JSON.parse((await vault.call('advisory.export', { id, format: 'csaf', tlp: 'RED' })).text) as Doc;
    expect(red.document.distribution.tlp.label).toBe('RED');
    expect(red.document.distribution.text).toMatch(/TLP:RED: for the named recipients only/);
    expect(officialCsaf()(red), JSON.stringify(officialCsaf().errors)).toBe(true);
    expect(await csafMandatoryFailures(red)).toEqual([]);
    // CSAF 2.0 knows TLP 1.0 labels only: TLP 2.0's CLEAR is refused by the official schema, hence WHITE after the Release Date.
    const clear = structuredClone(red);
    clear.document.distribution.tlp.label = 'CLEAR';
    expect(officialCsaf()(clear)).toBe(false);
  });

  it('OpenVEX 0.2.0: valid against the OpenVEX schema, affected and fixed statements per product, dated by the Release Date under embargo', async () => {
    const result = await vault.call('advisory.export', { id, format: 'openvex' });
    expect(result.validation.checkedAgainst).toEqual(['openvex/openvex_json_schema.json']);
    expect(result.warnings[0]).toMatch(/under embargo/);
    const document = JSON.parse(result.text) as Record<string, unknown> & { statements: Record<string, unknown>[] };
    const validate = officialOpenVex();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document).toMatchObject({
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': 'https://kubernetes.io/.well-known/openvex/cve-2026-31337.openvex.json',
      author: 'Kubernetes Security Response Committee <security@kubernetes.io>',
      timestamp: '2026-12-02T16:00:00.000Z',
      version: 1,
    });
    expect(document.statements.map((s) => [s.status, (s.products as { identifiers: { cpe23: string } }[]).map((p) => p.identifiers.cpe23)])).toEqual([
      ['affected', ['cpe:2.3:a:kubernetes:kubelet:*:*:*:*:*:*:*:*']],
      ['fixed', ['cpe:2.3:a:kubernetes:kubelet:1.29.4:*:*:*:*:*:*:*', 'cpe:2.3:a:kubernetes:kubelet:1.30.1:*:*:*:*:*:*:*', 'cpe:2.3:a:kubernetes:kubelet:1.28.9:*:*:*:*:*:*:*']],
      ['affected', ['cpe:2.3:a:kubernetes:kube-proxy:*:*:*:*:*:*:*:*']],
    ]);
    expect(document.statements[0]).toMatchObject({
      vulnerability: { name: 'CVE-2026-31337', '@id': 'https://www.cve.org/CVERecord?id=CVE-2026-31337' },
      status_notes: 'Affected versions of kubelet: >=1.29.0 <1.29.4; >=1.30.0 <1.30.1; <1.28.9.',
      action_statement: `Upgrade kubelet to 1.29.4 or 1.30.1 or 1.28.9. Until then: ${WELL_FILLED.workarounds}`,
    });
    expect(document.statements[2]?.action_statement).toBe(WELL_FILLED.workarounds);
    // The schema is not vacuous: an affected statement without its action is refused.
    const broken = structuredClone(document);
    delete (broken.statements[0] as Record<string, unknown>).action_statement;
    expect(validate(broken)).toBe(false);
  });

  it('OpenVEX and OSV follow the vault\'s publisher settings (another project: its ecosystem, its package as a purl)', async () => {
    await vault.call('advisory.updateSettings', {
      publisher: {
        vendor: 'Envoy',
        osvEcosystem: 'Go',
        csafPublisherName: 'Envoy Security Team',
        csafPublisherNamespace: 'https://www.envoyproxy.io',
        securityContact: 'envoy-security@googlegroups.com',
        products: { kubelet: { product: 'envoy', collectionURL: 'https://pkg.go.dev', packageName: 'github.com/envoyproxy/envoy' } },
      },
    });
    try {
      const vex = JSON.parse((await vault.call('advisory.export', { id, format: 'openvex' })).text) as { author: string; statements: { products: { identifiers: Record<string, string> }[] }[] };
      expect(officialOpenVex()(vex)).toBe(true);
      expect(vex.author).toBe('Envoy Security Team <envoy-security@googlegroups.com>');
      expect(vex.statements[1]?.products[0]?.identifiers).toEqual({ cpe23: 'cpe:2.3:a:envoy:envoy:1.29.4:*:*:*:*:*:*:*', purl: 'pkg:golang/github.com/envoyproxy/envoy@1.29.4' });
      const osv = JSON.parse((await vault.call('advisory.export', { id, format: 'osv' })).text) as { affected: { package: { ecosystem: string } }[] };
      expect(osv.affected.map((a) => a.package.ecosystem)).toEqual(['Go', 'Go']);
    } finally {
      await vault.call('advisory.updateSettings', {
        publisher: { vendor: 'Kubernetes', osvEcosystem: 'Kubernetes', csafPublisherName: 'Kubernetes Security Response Committee', csafPublisherNamespace: 'https://kubernetes.io', securityContact: 'security@kubernetes.io', products: { kubelet: {} } },
      });
    }
  });

  it('tracking issue: the title matches the CVE feed pattern; the body has the template sections', async () => {
    const result = await vault.call('advisory.export', { id, format: 'issue' });
    const issue = JSON.parse(result.text) as { title: string; body: string; labels: string[] };
    expect(issue.title).toBe('CVE-2026-31337: Kubelet follows symlinks in subPath volume mounts');
    expect(CVE_FEED_TITLE.test(issue.title)).toBe(true);
    expect(issue.body).toContain(
      'CVSS Rating: [CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N](https://www.first.org/cvss/calculator/3.1#CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N)',
    );
    for (const heading of ['### Am I vulnerable?', '#### Affected Versions', '### How do I mitigate this vulnerability?', '#### Fixed Versions', '### Detection', '#### Acknowledgements']) {
      expect(issue.body).toContain(heading);
    }
    expect(issue.body).toContain('- kubelet from 1.29.0 before 1.29.4');
    expect(issue.body).toContain('- kube-proxy all versions');
    expect(issue.body).toContain('/label official-cve-feed');
    expect(issue.labels).toContain('official-cve-feed');
  });

  it('release-notes CVE map: one YAML document per cherry-pick PR', async () => {
    const result = await vault.call('advisory.export', { id, format: 'release-notes', prs: [131401, 131402, 131403] });
    const documents = parseAllDocuments(result.text);
    expect(Array.isArray(documents) && documents.length).toBe(3);
    const first = (documents as { toJS(): unknown }[])[0]?.toJS();
    expect(first).toEqual({
      pr: 131401,
      datafields: {
        cve: {
          id: 'CVE-2026-31337',
          title: 'Kubelet follows symlinks in subPath volume mounts',
          description: WELL_FILLED.description,
          trackingissue: 'https://github.com/kubernetes/kubernetes/issues/131337',
          vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N',
          score: 7.7,
          rating: 'High',
          linkedprs: [131401, 131402, 131403],
        },
      },
    });
    const refused = await vault.result('advisory.export', { id, format: 'release-notes' });
    expect(refused.ok === false && refused.error.code).toBe('ExportInvalid');
  });

  it('a plaintext file of an embargoed case: warning, file written, advisory.exported on the timeline', async () => {
    const file = join(out.path, 'CVE-2026-31337.json');
    const before = (await vault.call('case.timeline', { id })).length;
    const result = await vault.call('advisory.export', { id, format: 'cve', output: file });
    expect(result.written).toBe(file);
    expect(result.warnings[0]).toMatch(/under embargo until its Release Date, 2026-12-02T16:00:00\.000Z: this cve export is plaintext and NOT encrypted/);
    expect(await readFile(file, 'utf8')).toBe(result.text);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const events = await vault.call('case.timeline', { id });
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({ type: 'advisory.exported', data: { format: 'cve', file, embargoed: true, encrypted: false } });
  });

  it('after the Release Date: no embargo warning, a final TLP:WHITE CSAF document', async () => {
    now = Date.parse('2026-12-03T00:00:00Z');
    const csaf = await vault.call('advisory.export', { id, format: 'csaf' });
    expect(csaf.warnings.some((w) => /embargo/.test(w))).toBe(false);
    const document = JSON.parse(csaf.text) as { document: { tracking: { status: string; version: string }; distribution: { tlp: { label: string } } } };
    expect(document.document.tracking).toMatchObject({ status: 'final', version: '1' });
    expect(document.document.distribution.tlp.label).toBe('WHITE');
    expect(await csafMandatoryFailures(document)).toEqual([]);
    const vex = JSON.parse((await vault.call('advisory.export', { id, format: 'openvex' })).text) as { timestamp: string };
    expect(officialOpenVex()(vex)).toBe(true);
    expect(vex.timestamp).toBe('2026-12-03T00:00:00.000Z');
    now = Date.parse('2026-11-27T10:00:00Z');
  });

  it('an export that does not validate is refused in words, and nothing is written or logged', async () => {
    await vault.call('case.update', {
      id,
      edits: { references: [{ url: 'https://example.com/notes', tags: ['release notes'] }], cwe: ['CWE-99999'] },
    });
    const file = join(out.path, 'refused.json');
    const before = (await vault.call('case.timeline', { id })).length;
    const refused = await vault.result('advisory.export', { id, format: 'cve', output: file });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('ExportInvalid');
    expect(refused.error.message).toBe('The CVE export was not written: CWE-99999 is not in the CWE catalogue.');
    await vault.call('case.update', { id, edits: { cwe: ['CWE-22'] } });
    const schemaRefusal = await vault.result('advisory.export', { id, format: 'cve', output: file });
    expect(schemaRefusal.ok).toBe(false);
    if (schemaRefusal.ok) return;
    expect(schemaRefusal.error.message).toMatch(/^The CVE JSON 5\.1 export was not written: containers\.cna\.references\[0\]\.tags\[0\] must match pattern "\^x_\.\*\$".*must be one of "broken-link"/);
    await expect(stat(file)).rejects.toThrow();
    expect((await vault.call('case.timeline', { id })).length).toBe(before + 1); // only the cwe edit
    await vault.call('case.update', { id, edits: { references: WELL_FILLED.references } });
  });
});
