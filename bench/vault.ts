// Vault benchmark: unlock time (KDF included) with 10 and 1,000 cases, and the latency of
// appending one timeline event for a case with 100, 1,000 and 10,000 events and for a vault
// with 10 and 1,000 cases. Figures only; no assertions.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/core/create-core.ts';
import { createDispatch } from '../src/shared/contract/dispatch.ts';
import { systemPorts } from '../src/core/ports.ts';
import { Vault } from '../src/core/vault/vault.ts';
import { chainEvent } from '../src/core/timeline/chain.ts';
import { currentVersion } from '../src/core/vault/migrations.ts';
import { CASE_MIGRATIONS, defaultCaseFields, formatCaseId, type CaseDocument } from '../src/core/vault/documents.ts';
import type { TimelineEvent } from '../src/shared/contract/index.ts';
import { emptyProcessState } from '../src/shared/contract/process.ts';
import { fmt, percentile, printRows, timeMs } from './lib.ts';

const PASSPHRASE = 'benchmark passphrase';
const APPENDS = 60;

function caseDocument(id: string, eventCount: number): CaseDocument {
  const at = new Date('2026-11-01T00:00:00Z').toISOString();
  const events: TimelineEvent[] = [];
  for (let n = 0; n < eventCount; n += 1) {
    events.push(chainEvent(id, events, { at, actor: 'Fix Lead', type: 'note', data: { text: `event ${n}: the fix for the kubelet path handling was reviewed` } }));
  }
  return {
    schemaVersion: currentVersion(CASE_MIGRATIONS),
    case: {
      id,
      title: `Benchmark case ${id}`,
      kind: 'private',
      disclosedAt: at,
      createdAt: at,
      updatedAt: at,
      profile: { id: 'kubernetes-2017', version: 1 },
      ...defaultCaseFields(),
    },
    events,
    process: emptyProcessState(),
  };
}

/** A vault with `cases` cases, the first of which has `firstCaseEvents` events, written directly. */
async function buildVault(dir: string, cases: number, firstCaseEvents: number): Promise<void> {
  const vault = await Vault.create(dir, PASSPHRASE, systemPorts);
  const index = vault.index;
  for (let n = 1; n <= cases; n += 1) {
    const id = formatCaseId(n);
    const at = '2026-11-01T00:00:00.000Z';
    index.data.cases[id] = { key: vault.newKey(), title: `Benchmark case ${id}`, kind: 'private', disclosedAt: at, createdAt: at, updatedAt: at, releaseDate: null, cve: null };
    await vault.createCaseStore(id, caseDocument(id, n === 1 ? firstCaseEvents : 3));
  }
  index.data.nextCaseNumber = cases + 1;
  await index.write();
  await vault.close();
}

async function measure(cases: number, events: number): Promise<{ unlock: number; median: number; p95: number }> {
  const root = await mkdtemp(join(tmpdir(), 'embargo-bench-'));
  try {
    const dir = join(root, 'vault');
    await buildVault(dir, cases, events);
    const core = createCore({ vaultDir: dir });
    const dispatch = createDispatch(core.handlers);
    const unlock = await timeMs(() => dispatch('vault.unlock', { passphrase: PASSPHRASE }));
    await dispatch('case.show', { id: 'EMB-0001' }); // first read of the case document is not an append
    const samples: number[] = [];
    for (let n = 0; n < APPENDS; n += 1) {
      samples.push(await timeMs(() => dispatch('case.note', { id: 'EMB-0001', text: `appended ${n}` })));
    }
    await core.lock();
    return { unlock, median: percentile(samples, 50), p95: percentile(samples, 95) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export async function runVaultBench(): Promise<void> {
  const unlockRows: [string, ...string[]][] = [['cases', 'unlock (Argon2id m=64 MiB t=3 p=4 + index)']];
  const appendRows: [string, ...string[]][] = [['cases in vault', 'events in case', 'append median', 'append p95']];
  const runs: [number, number][] = [
    [10, 100],
    [1000, 100],
    [10, 1000],
    [10, 10000],
  ];
  const results = new Map<string, Awaited<ReturnType<typeof measure>>>();
  for (const [cases, events] of runs) results.set(`${cases}/${events}`, await measure(cases, events));
  for (const cases of [10, 1000]) unlockRows.push([String(cases), fmt(results.get(`${cases}/100`)!.unlock)]);
  for (const [cases, events] of runs) {
    const r = results.get(`${cases}/${events}`)!;
    appendRows.push([String(cases), String(events), fmt(r.median), fmt(r.p95)]);
  }
  printRows('Vault: unlock', unlockRows);
  printRows(`Vault: append one timeline event (${APPENDS} appends each; fsync included)`, appendRows);
  const small = results.get('10/100')!.median;
  const large = results.get('1000/100')!.median;
  console.log(`  ratio append median, 1,000 cases vs 10 cases: ${(large / small).toFixed(2)}× (a write costs one case, not the vault)`);
}
