// cve.import: a published CVE JSON 5 record (Kubernetes-shaped, as in cvelistV5) fills a new
// case or an existing one; invalid records are a CveRecordInvalid error and the vault is
// unchanged. Property: random mutations of a valid record either import or fail with a known
// error code, never crash, and a failure changes nothing.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault } from '../../helpers/core.ts';
import { officialCve } from '../advisory/official-schemas.ts';
import { PUBLISHED_RECORD } from './published-record.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const NOW = '2026-11-27T10:00:00.000Z';
const json = (value: unknown) => JSON.stringify(value);

describe('importing a published CVE record', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  beforeAll(async () => {
    vault = await freshVault({ ports: { now: () => new Date(NOW), randomBytes: (n) => new Uint8Array(randomBytes(n)) }, createOptions: { kdf: CHEAP_KDF } });
  });
  afterAll(async () => {
    await vault.cleanup();
  });

  it('the fixture is a valid record under the official schema', () => {
    expect(officialCve()(PUBLISHED_RECORD)).toBe(true);
  });

  it('a case started elsewhere: a new case with every field filled', async () => {
    const result = await vault.call('cve.import', { text: json(PUBLISHED_RECORD) });
    expect(result.created).toBe(true);
    const record = result.record;
    expect(record).toMatchObject({
      cve: 'CVE-2025-40001',
      title: 'Node Log Query allows command injection on Windows nodes',
      summary: 'Node Log Query allows command injection on Windows nodes',
      kind: 'public',
      disclosedAt: '2025-03-03T18:02:11.104Z',
      releaseDate: '2025-04-22T16:01:41.316Z',
      cwe: ['CWE-20'],
      cvss: { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', score: 8.8, severity: 'High' },
      workarounds: 'Disable the NodeLogQuery feature gate on Windows nodes.',
    });
    expect(record.description).toMatch(/^A security issue was discovered in Kubernetes/);
    expect(record.affected).toEqual([
      { product: 'kubelet', range: '>=1.32.0 <=1.32.3' },
      { product: 'kubelet', range: '>=1.31.0 <1.31.8' },
      { product: 'kubelet', range: '<1.30.12' },
    ]);
    expect(record.fixed).toEqual([
      { product: 'kubelet', version: '1.31.8' },
      { product: 'kubelet', version: '1.30.12' },
    ]);
    expect(record.references.map((r) => r.url)).toEqual(PUBLISHED_RECORD.containers.cna.references.map((r) => r.url));
    expect(record.credits).toEqual([{ name: 'Jane Finder', type: 'finder' }]);
    expect(result.filled).toEqual(expect.arrayContaining(['cve', 'description', 'cvss', 'cwe', 'affected', 'fixed', 'references', 'credits', 'releaseDate']));
    expect((await vault.call('case.timeline', { id: record.id })).at(-1)).toMatchObject({ type: 'cve.imported', data: { cve: 'CVE-2025-40001', created: true } });
    // round trip: the imported case exports a record that validates again
    const exported = JSON.parse((await vault.call('advisory.export', { id: record.id, format: 'cve' })).text) as { cveMetadata: { cveId: string } };
    expect(officialCve()(exported)).toBe(true);
    expect(exported.cveMetadata.cveId).toBe('CVE-2025-40001');
  });

  it('a follow-up fills an existing case and keeps its own Release Date; another CVE ID is refused', async () => {
    const id = (await vault.call('case.create', { title: 'Follow-up', disclosedAt: NOW })).id;
    await vault.call('case.update', { id, edits: { releaseDate: '2026-12-10T16:00:00Z' } });
    const result = await vault.call('cve.import', { id, text: json(PUBLISHED_RECORD) });
    expect(result.created).toBe(false);
    expect(result.record).toMatchObject({ id, title: 'Follow-up', cve: 'CVE-2025-40001', releaseDate: '2026-12-10T16:00:00.000Z' });
    const other = structuredClone(PUBLISHED_RECORD) as { cveMetadata: { cveId: string } };
    other.cveMetadata.cveId = 'CVE-2025-40002';
    const refused = await vault.result('cve.import', { id, text: json(other) });
    expect(refused.ok === false && refused.error.code).toBe('Conflict');
  });

  it('invalid records: a clear error, nothing changed', async () => {
    const before = await vault.call('case.list', {});
    const rejected = structuredClone(PUBLISHED_RECORD) as Record<string, unknown> & { cveMetadata: Record<string, unknown> };
    rejected.cveMetadata.state = 'REJECTED';
    for (const text of ['not json', '{}', json({ ...PUBLISHED_RECORD, dataVersion: '4.0' }), json(rejected)]) {
      const outcome = await vault.result('cve.import', { text });
      expect(outcome.ok === false && outcome.error.code, text.slice(0, 40)).toBe('CveRecordInvalid');
      expect(outcome.ok === false && (outcome.error.data?.problems as string[]).length).toBeGreaterThan(0);
    }
    expect(await vault.call('case.list', {})).toEqual(before);
  });

  it('property: random mutations import or fail with a known code, and a failure changes nothing', async () => {
    const target = (await vault.call('case.create', { title: 'Target', disclosedAt: NOW })).id;
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      paths.push(path);
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(PUBLISHED_RECORD, []);
    const replacement = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant([]),
      fc.constant({}),
      fc.constantFrom('CVE-2025-1', 'CVSS:3.1/AV:N', 'CVSS:3.1/AV:X/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 'javascript:alert(1)', 'http://x', '9.9.9.9', '<1.2', 'REJECTED', 'CWE-0', '2025-13-45'),
    );
    const mutation = fc.array(fc.tuple(fc.nat({ max: paths.length - 1 }), replacement), { minLength: 1, maxLength: 4 });
    const known = new Set(['CveRecordInvalid', 'Conflict', 'InvalidInput', 'InputTooLarge']);
    await fc.assert(
      fc.asyncProperty(mutation, fc.boolean(), async (changes, intoTarget) => {
        const doc = structuredClone(PUBLISHED_RECORD) as unknown as Record<string, unknown>;
        for (const [index, value] of changes) {
          const path = paths[index]!;
          if (path.length === 0) continue;
          let parent = doc as Record<string, unknown>;
          for (const key of path.slice(0, -1)) {
            const next = parent[key];
            if (!next || typeof next !== 'object') return;
            parent = next as Record<string, unknown>;
          }
          const last = path.at(-1)!;
          if (value === undefined) delete parent[last];
          else parent[last] = structuredClone(value);
        }
        const casesBefore = await vault.call('case.list', {});
        const targetBefore = await vault.call('case.show', { id: target });
        const outcome = await vault.result('cve.import', { ...(intoTarget ? { id: target } : {}), text: JSON.stringify(doc) });
        if (outcome.ok) {
          expect(outcome.value.record.cve).toBe((doc.cveMetadata as { cveId: string }).cveId);
          // the imported case still exports a valid record, or says in words why not
          const exported = await vault.result('advisory.export', { id: outcome.value.record.id, format: 'cve' });
          if (!exported.ok) expect(exported.error.code).toBe('ExportInvalid');
          if (intoTarget) await vault.call('case.update', { id: target, edits: { cve: null } });
          return;
        }
        expect(known.has(outcome.error.code), `${outcome.error.code}: ${outcome.error.message}`).toBe(true);
        expect(await vault.call('case.list', {})).toEqual(casesBefore);
        expect(await vault.call('case.show', { id: target })).toEqual(targetBefore);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
