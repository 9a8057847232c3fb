// cvss.score through the same dispatch as every front end, with no vault at all.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, testCore, type TestCore } from '../../helpers/core.ts';
import { contract } from '../../../src/shared/contract/index.ts';

describe('cvss.score', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let core: TestCore;
  beforeAll(async () => {
    root = await tempDir();
    core = testCore(join(root.path, 'absent-vault'));
  });
  afterAll(async () => root.remove());

  it('is declared usable while the vault is locked', () => {
    expect(contract['cvss.score'].allowWhenLocked).toBe(true);
  });

  it('scores a batch while the vault is locked, each invalid vector with its own error', async () => {
    expect((await core.call('app.state', {})).unlocked).toBe(false);
    const { results } = await core.call('cvss.score', {
      vectors: ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P', 'CVSS:4.0/AV:N', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'],
    });
    // 9.8 × 0.94 (E:P) = 9.212, rounded up to 9.3.
    expect(results[0]).toMatchObject({ ok: true, version: '3.1', score: 9.3, baseScore: 9.8, temporalScore: 9.3, metrics: { E: 'P' } });
    expect(results[1]).toMatchObject({ ok: false, vector: 'CVSS:4.0/AV:N', error: { code: 'InvalidVector' } });
    expect(results[2]).toMatchObject({ ok: true, version: '4.0', score: 8.5, severity: 'High', nomenclature: 'CVSS-B', macroVector: '100200' });
  });

  it('refuses an empty batch as invalid input', async () => {
    const result = await core.result('cvss.score', { vectors: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('InvalidInput');
  });
});
