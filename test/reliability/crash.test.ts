// Crash test: a child process writing to the vault through every write path (cases, notes,
// edits, checklist ticks, people, the roster, keyring imports and generation, workspace imports
// and fixes, mail drafts and their saves) is killed with SIGKILL at random moments, at least 50 times. After each kill the
// vault must open, verify, and hold every write whose call had returned (the write in flight
// may or may not be there).
import { execFileSync, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, tempDir, testCore, TEST_PASSPHRASE } from '../helpers/core.ts';
import { buildFix, buildUpstream, GIT_ENV } from '../core/workspace/git-fixture.ts';

const KILLS = Number(process.env.EMBARGO_CRASH_KILLS ?? 50);
const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const writer = join(import.meta.dirname, '..', 'fixtures', 'crash-writer.ts');

interface Ack {
  op: string;
  id?: string;
  text?: string;
}

function runAndKill(vaultDir: string, seed: number, killAfterMs: number, fixtures: string): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, vaultDir, TEST_PASSPHRASE, String(seed), fixtures], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!timer && out.includes('"ready"')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`writer ended by itself (code ${code}): ${err}`));
        return;
      }
      // Only complete lines count: a line cut by the kill was never acknowledged.
      const lines = out.split('\n').slice(0, -1);
      resolve(lines.map((line) => JSON.parse(line) as Ack));
    });
  });
}

describe('crash safety', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let fixtures: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    await vault.call('vault.lock', {});
    fixtures = await tempDir('embargo-crash-fixtures-');
    const upstream = buildUpstream(fixtures.path);
    const fix = buildFix(fixtures.path, upstream, 'crash-test-fix');
    const mbox = execFileSync('git', ['format-patch', '--stdout', `v1.6.0..${fix.commits.at(-1)}`], { cwd: fix.repo, env: GIT_ENV, encoding: 'utf8' });
    await writeFile(join(fixtures.path, 'fix.mbox'), mbox);
    expect(upstream).toBe(join(fixtures.path, 'upstream'));
    const keys: string[] = [];
    for (let n = 0; n < 4; n += 1) {
      const { publicKey } = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: `Member ${n}`, email: `m${n}@example.org` }], format: 'object' });
      keys.push(publicKey.armor());
    }
    await writeFile(join(fixtures.path, 'keys.json'), JSON.stringify(keys));
  });
  afterAll(async () => {
    await vault?.cleanup();
    await fixtures?.remove();
  });

  it(`holds every acknowledged write after ${KILLS} SIGKILLs`, async () => {
    const notes = new Map<string, Set<string>>();
    const ticks = new Map<string, Set<string>>();
    const created = new Set<string>();
    const people = new Set<string>();
    const members = new Set<string>();
    const keys = new Set<string>();
    const upstreams = new Set<string>();
    const fixes = new Map<string, string>();
    const drafts = new Map<string, { caseId: string; version: number }>();
    const summaries = new Map<string, { acked: string | null; inFlight: string | null }>();
    const seenOps = new Set<string>();
    let acknowledged = 0;

    for (let round = 0; round < KILLS; round += 1) {
      const acks = await runAndKill(vault.dir, round + 1, 20 + Math.floor(Math.random() * 600), fixtures.path);
      for (const ack of acks) {
        if (ack.op === 'ready') continue;
        seenOps.add(ack.op);
        const id = ack.id!;
        if (ack.op === 'create') created.add(id);
        if (ack.op === 'note') notes.set(id, (notes.get(id) ?? new Set()).add(ack.text!));
        if (ack.op === 'tick') ticks.set(id, (ticks.get(id) ?? new Set()).add(ack.text!));
        if (ack.op === 'person') people.add(ack.text!);
        if (ack.op === 'member') members.add(ack.text!);
        if (ack.op === 'key') keys.add(ack.text!);
        if (ack.op === 'ws-import') upstreams.add(id);
        if (ack.op === 'ws-fix') fixes.set(id, ack.text!);
        if (ack.op === 'draft') {
          const [draftId, version] = ack.text!.split('#') as [string, string];
          drafts.set(draftId, { caseId: id, version: Math.max(Number(version), drafts.get(draftId)?.version ?? 0) });
        }
        if (ack.op === 'attempt-summary') summaries.set(id, { acked: summaries.get(id)?.acked ?? null, inFlight: ack.text! });
        if (ack.op === 'summary') summaries.set(id, { acked: ack.text!, inFlight: null });
        if (ack.op !== 'attempt-summary') acknowledged += 1;
      }

      const check = testCore(vault.dir);
      await check.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
      const report = await check.call('vault.verify', {});
      expect(report.problems, `after round ${round}`).toEqual([]);
      const ids = new Set((await check.call('case.list', {})).map((c) => c.id));
      for (const id of created) expect(ids.has(id), `case ${id} after round ${round}`).toBe(true);
      for (const [id, texts] of notes) {
        const timeline = await check.call('case.timeline', { id });
        const recorded = new Set(timeline.filter((e) => e.type === 'note').map((e) => String(e.data.text)));
        for (const text of texts) expect(recorded.has(text), `note ${text} in ${id} after round ${round}`).toBe(true);
      }
      for (const [id, items] of ticks) {
        const schedule = await check.call('process.schedule', { id });
        const done = new Set(schedule.phases.flatMap((p) => p.items).filter((i) => i.state === 'done').map((i) => i.id));
        for (const item of items) expect(done.has(item), `tick ${item} in ${id} after round ${round}`).toBe(true);
      }
      for (const [id, state] of summaries) {
        const shown = await check.call('case.show', { id });
        expect([state.acked, state.inFlight]).toContain(shown.summary || null);
        summaries.set(id, { acked: shown.summary || null, inFlight: null });
      }
      const names = new Set((await check.call('people.list', {})).map((p) => p.name));
      for (const name of people) expect(names.has(name), `person ${name} after round ${round}`).toBe(true);
      const roster = new Set((await check.call('roster.show', {})).members.map((m) => m.name));
      for (const name of members) expect(roster.has(name), `member ${name} after round ${round}`).toBe(true);
      const fingerprints = new Set((await check.call('keyring.list', {})).map((k) => k.fingerprint));
      for (const fingerprint of keys) expect(fingerprints.has(fingerprint), `key ${fingerprint} after round ${round}`).toBe(true);
      for (const id of upstreams) expect((await check.call('workspace.status', { id })).upstream, `upstream of ${id} after round ${round}`).not.toBeNull();
      for (const [id, commits] of fixes) {
        expect((await check.call('workspace.status', { id })).fix?.commits.map((c) => c.sha).join(','), `fix of ${id} after round ${round}`).toBe(commits);
      }
      for (const [draftId, { caseId, version }] of drafts) {
        const shown = await check.call('mail.showDraft', { caseId, draft: draftId });
        expect(shown.latestVersion, `draft ${draftId} of ${caseId} after round ${round}`).toBeGreaterThanOrEqual(version);
      }
      await check.core.lock();
    }
    expect(acknowledged).toBeGreaterThan(KILLS);
    // Every write path was exercised and acknowledged at least once.
    expect([...seenOps].sort()).toEqual(['attempt-summary', 'create', 'draft', 'key', 'member', 'note', 'person', 'summary', 'tick', 'ws-fix', 'ws-import']);
  }, 1_800_000);
});
