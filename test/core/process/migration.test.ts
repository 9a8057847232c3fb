// Case schema 3 adds the process state; documents written before it get the empty state.
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDocument, currentVersion } from '../../../src/core/vault/migrations.ts';
import { CASE_MIGRATIONS, defaultCaseFields } from '../../../src/core/vault/documents.ts';
import { emptyProcessState } from '../../../src/shared/contract/process.ts';
import { verifyChain } from '../../../src/core/timeline/chain.ts';
import { clockedVault, type ClockedVault } from './engine-helpers.ts';
import { TEST_PASSPHRASE } from '../../helpers/core.ts';

const caseV2 = {
  schemaVersion: 2,
  case: {
    id: 'EMB-0001',
    title: 'Written by schema 2',
    kind: 'private',
    disclosedAt: '2026-11-20T09:00:00.000Z',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    profile: { id: 'kubernetes-2017', version: 1 },
    ...defaultCaseFields(),
    summary: 'kept',
  },
  events: [],
};

const open: ClockedVault[] = [];
afterEach(async () => {
  for (const vault of open.splice(0)) await vault.cleanup();
});

describe('case schema 2 → 3', () => {
  it('adds the empty process state and keeps everything else', () => {
    expect(currentVersion(CASE_MIGRATIONS)).toBe(3);
    const { document, migrated } = migrateDocument<Record<string, unknown>>(structuredClone(caseV2), CASE_MIGRATIONS, 'cases/EMB-0001.edoc');
    expect(migrated).toBe(true);
    expect(document).toEqual({ ...caseV2, schemaVersion: 3, process: emptyProcessState() });
  });

  it('a schema 1 case reaches schema 3 through both steps', () => {
    const v1 = { schemaVersion: 1, case: { ...caseV2.case }, events: [] };
    const { document } = migrateDocument<{ schemaVersion: number; process: unknown }>(v1, CASE_MIGRATIONS, 'x');
    expect(document.schemaVersion).toBe(3);
    expect(document.process).toEqual(emptyProcessState());
  });

  it('a schema 2 document in a real vault opens with an empty checklist and can be ticked', async () => {
    const vault = await clockedVault('2026-11-20T10:00:00.000Z');
    open.push(vault);
    const { id } = await vault.call('case.create', { title: 'Old', disclosedAt: '2026-11-20T09:00:00Z', kind: 'private', profile: 'kubernetes-2017' });
    // Rewrite the case as Embargo wrote it before schema 3: no process state.
    const store = await vault.core.openVault().caseStore(id);
    const { process: _process, ...rest } = store.data;
    store.data = { ...rest, schemaVersion: 2 } as typeof store.data;
    await store.write();
    await vault.call('vault.lock', {});
    await vault.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const schedule = await vault.call('process.schedule', { id });
    expect(schedule.state).toEqual(emptyProcessState());
    await vault.call('process.tick', { id, item: 'identify-fix-team' });
    expect((await vault.core.openVault().caseStore(id)).data.schemaVersion).toBe(3);
    expect(verifyChain(id, await vault.call('case.timeline', { id }))).toEqual([]);
    expect((await vault.call('vault.verify', {})).ok).toBe(true);
  });
});
