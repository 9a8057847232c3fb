// The CVE ID pool: IDs and ranges checked with the CVE JSON 5.1.1 schema's own pattern, one
// assigned to a case (the lowest unused of the year by default), the unused ones for the
// year-end reject list; and the pool-entry parser under fast-check (bad input: InvalidInput,
// the pool unchanged).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbargoError } from '../../../src/shared/errors.ts';
import { parsePoolEntry } from '../../../src/core/cna/pool.ts';
import { rejectCommands } from '../../../src/core/cna/cvelib.ts';
import { freshVault } from '../../helpers/core.ts';
import { SHARED_SCHEMAS } from '../advisory/official-schemas.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const NOW = '2026-11-27T10:00:00.000Z';

/** The schema's own cveId pattern, read from the bundled schema file. */
const schemaText = readFileSync(join(SHARED_SCHEMAS, 'cve', 'CVE_JSON_bundled_5.1.1.json'), 'utf8');
const SCHEMA_PATTERN = new RegExp(/"pattern": *"(\^CVE-[^"]*)"/.exec(schemaText)![1]!);

describe('pool entries', () => {
  it('uses exactly the schema pattern', () => {
    for (const id of ['CVE-2026-1234', 'CVE-2026-12345678901234567890', 'CVE-2026-123', 'cve-2026-1234', 'CVE-26-1234', 'CVE-2026-1234 ', 'CVE-2026-1234\n']) {
      const schemaSays = SCHEMA_PATTERN.test(id);
      let ours: boolean;
      try {
        ours = parsePoolEntry(id).length === 1 && parsePoolEntry(id)[0] === id;
      } catch {
        ours = false;
      }
      expect(ours, id).toBe(schemaSays);
    }
  });

  it('reads ranges, both forms, keeping zero padding', () => {
    expect(parsePoolEntry('CVE-2026-1234..CVE-2026-1236')).toEqual(['CVE-2026-1234', 'CVE-2026-1235', 'CVE-2026-1236']);
    expect(parsePoolEntry('CVE-2026-0009..11')).toEqual(['CVE-2026-0009', 'CVE-2026-0010', 'CVE-2026-0011']);
    expect(() => parsePoolEntry('CVE-2026-1000..CVE-2027-2000')).toThrow(/one year/);
    expect(() => parsePoolEntry('CVE-2026-2000..1000')).toThrow(/ends before/);
    expect(() => parsePoolEntry('CVE-2026-1000..CVE-2026-99999')).toThrow(/at most 1000/);
  });

  it('property: any string is a list of schema-valid IDs or an InvalidInput error', () => {
    const near = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.option(fc.bigInt({ min: 0n, max: 10n ** 20n })), fc.constantFrom('..', '-', '...', ' .. ')).map(
        ([year, a, b, sep]) => `CVE-${year}-${a}${b === null ? '' : `${sep}${b}`}`,
      ),
    );
    fc.assert(
      fc.property(near, (entry) => {
        try {
          const ids = parsePoolEntry(entry);
          expect(ids.length).toBeGreaterThan(0);
          expect(ids.length).toBeLessThanOrEqual(1000);
          for (const id of ids) expect(SCHEMA_PATTERN.test(id), id).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(EmbargoError);
          expect((error as EmbargoError).code).toBe('InvalidInput');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the pool in a vault', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  beforeAll(async () => {
    vault = await freshVault({ ports: { now: () => new Date(NOW), randomBytes: (n) => new Uint8Array(randomBytes(n)) }, createOptions: { kdf: CHEAP_KDF } });
  });
  afterAll(async () => {
    await vault.cleanup();
  });

  it('adds IDs and ranges, each once; one bad entry adds nothing', async () => {
    const added = await vault.call('cve.poolAdd', { entries: ['CVE-2026-1235', 'CVE-2026-1234', 'CVE-2026-1240..1242', 'CVE-2025-9001'] });
    expect(added.added).toEqual(['CVE-2025-9001', 'CVE-2026-1234', 'CVE-2026-1235', 'CVE-2026-1240', 'CVE-2026-1241', 'CVE-2026-1242']);
    const again = await vault.call('cve.poolAdd', { entries: ['CVE-2026-1234', 'CVE-2026-1300'] });
    expect(again).toEqual({ added: ['CVE-2026-1300'], alreadyInPool: ['CVE-2026-1234'] });
    const bad = await vault.result('cve.poolAdd', { entries: ['CVE-2026-1400', 'CVE-2026-12'] });
    expect(bad.ok === false && bad.error.code).toBe('InvalidInput');
    expect((await vault.call('cve.poolList', {})).map((e) => e.cve)).not.toContain('CVE-2026-1400');
  });

  it('assigns the lowest unused ID of the year, or the one asked for; refuses taken and unknown IDs', async () => {
    const a = (await vault.call('case.create', { title: 'First', disclosedAt: NOW })).id;
    const b = (await vault.call('case.create', { title: 'Second', disclosedAt: NOW })).id;
    const c = (await vault.call('case.create', { title: 'Third', disclosedAt: NOW })).id;
    expect((await vault.call('cve.assign', { id: a })).cve).toBe('CVE-2026-1234');
    expect((await vault.call('case.timeline', { id: a })).at(-1)).toMatchObject({ type: 'cve.assigned', data: { cve: 'CVE-2026-1234' } });
    expect((await vault.call('cve.assign', { id: b, cve: 'CVE-2026-1241' })).cve).toBe('CVE-2026-1241');
    const taken = await vault.result('cve.assign', { id: c, cve: 'CVE-2026-1241' });
    expect(taken.ok === false && taken.error.code).toBe('Conflict');
    const unknown = await vault.result('cve.assign', { id: c, cve: 'CVE-2026-7777' });
    expect(unknown.ok === false && unknown.error.code).toBe('NotFound');
    const twice = await vault.result('cve.assign', { id: a });
    expect(twice.ok === false && twice.error.code).toBe('Conflict');
    // an ID set by hand on a case counts as used too
    await vault.call('case.update', { id: c, edits: { cve: 'CVE-2026-1235' } });
    const list = await vault.call('cve.poolList', { year: 2026 });
    expect(list.find((e) => e.cve === 'CVE-2026-1235')?.assignedTo).toBe(c);
  });

  it('lists the unused IDs of a year for the reject list, with the cve reject lines', async () => {
    const unused = (await vault.call('cve.poolList', { year: 2026, unused: true })).map((e) => e.cve);
    expect(unused).toEqual(['CVE-2026-1240', 'CVE-2026-1242', 'CVE-2026-1300']);
    expect((await vault.call('cve.poolList', { year: 2025, unused: true })).map((e) => e.cve)).toEqual(['CVE-2025-9001']);
    expect(rejectCommands(unused)[0]).toBe(`cve reject CVE-2026-1240 -j '{"rejectedReasons":[{"lang":"en","value":"This candidate was reserved but not used."}]}'`);
  });

  it('the pool has nothing left for a new year', async () => {
    const d = (await vault.call('case.create', { title: 'Fourth', disclosedAt: NOW })).id;
    await vault.call('cve.assign', { id: d });
    const e = (await vault.call('case.create', { title: 'Fifth', disclosedAt: NOW })).id;
    await vault.call('cve.assign', { id: e });
    const f = (await vault.call('case.create', { title: 'Sixth', disclosedAt: NOW })).id;
    await vault.call('cve.assign', { id: f });
    const g = (await vault.call('case.create', { title: 'Seventh', disclosedAt: NOW })).id;
    const none = await vault.result('cve.assign', { id: g });
    expect(none.ok === false && none.error.code).toBe('NotFound');
    expect(none.ok === false && none.error.message).toMatch(/no unused CVE ID of 2026/);
  });
});
