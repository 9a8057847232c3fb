// CSAF 2.0 export run through the whole secvisogram test set (@secvisogram/csaf-validator-lib):
// no mandatory or recommended test may report anything; informative results are shown.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault } from '../../helpers/core.ts';
import { WELL_FILLED } from './case-fixture.ts';
import { csafFullTestSet, officialCsaf } from './official-schemas.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;

describe('CSAF export and the full secvisogram test set', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let now = Date.parse('2026-11-27T10:00:00Z');
  let id: string;

  beforeAll(async () => {
    vault = await freshVault({ ports: { now: () => new Date(now), randomBytes: (n) => new Uint8Array(randomBytes(n)) }, createOptions: { kdf: CHEAP_KDF } });
    id = (await vault.call('case.create', { title: 'Kubelet subPath symlink escape', disclosedAt: '2026-11-20T09:30:00Z' })).id;
    await vault.call('case.update', { id, edits: WELL_FILLED });
  });
  afterAll(async () => {
    await vault.cleanup();
  });

  for (const phase of ['embargoed draft', 'final after the Release Date'] as const) {
    it(`${phase}: mandatory and recommended tests pass`, async () => {
      if (phase !== 'embargoed draft') now = Date.parse('2027-06-01T10:00:00Z');
      const document = JSON.parse((await vault.call('advisory.export', { id, format: 'csaf' })).text) as unknown;
      const validate = officialCsaf();
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
      const results = await csafFullTestSet(document);
      expect(results.mandatory).toEqual([]);
      expect(results.recommended).toEqual([]);
      // informative only: version ranges are how the CNA states affected versions (6.3.9, 6.3.10)
      expect(results.informative.filter((line) => !/^informativeTest_6_3_(9|10) /.test(line))).toEqual([]);
    });
  }
});
