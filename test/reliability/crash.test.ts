// Crash test: a child process writing to the vault is killed with SIGKILL at random moments,
// at least 50 times. After each kill the vault must open, verify, and hold every write whose
// call had returned (the write in flight may or may not be there).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, testCore, TEST_PASSPHRASE } from '../helpers/core.ts';

const KILLS = Number(process.env.EMBARGO_CRASH_KILLS ?? 50);
const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const writer = join(import.meta.dirname, '..', 'fixtures', 'crash-writer.ts');

interface Ack {
  op: string;
  id?: string;
  text?: string;
}

function runAndKill(vaultDir: string, seed: number, killAfterMs: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, vaultDir, TEST_PASSPHRASE, String(seed)], {
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
  beforeAll(async () => {
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    await vault.call('vault.lock', {});
  });
  afterAll(async () => vault.cleanup());

  it(`holds every acknowledged write after ${KILLS} SIGKILLs`, async () => {
    const notes = new Map<string, Set<string>>();
    const created = new Set<string>();
    const summaries = new Map<string, { acked: string | null; inFlight: string | null }>();
    let acknowledged = 0;

    for (let round = 0; round < KILLS; round += 1) {
      const acks = await runAndKill(vault.dir, round + 1, 5 + Math.floor(Math.random() * 250));
      for (const ack of acks) {
        if (ack.op === 'ready') continue;
        const id = ack.id!;
        if (ack.op === 'create') created.add(id);
        if (ack.op === 'note') notes.set(id, (notes.get(id) ?? new Set()).add(ack.text!));
        if (ack.op === 'attempt-summary') summaries.set(id, { acked: summaries.get(id)?.acked ?? null, inFlight: ack.text! });
        if (ack.op === 'summary') summaries.set(id, { acked: ack.text!, inFlight: null });
        if (ack.op !== 'attempt-summary') acknowledged += 1;
      }

      const check = testCore(vault.dir);
      await check.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
      const report = await check.call('vault.verify', {});
      expect(report.problems).toEqual([]);
      const ids = new Set((await check.call('case.list', {})).map((c) => c.id));
      for (const id of created) expect(ids.has(id), `case ${id} after round ${round}`).toBe(true);
      for (const [id, texts] of notes) {
        const timeline = await check.call('case.timeline', { id });
        const recorded = new Set(timeline.filter((e) => e.type === 'note').map((e) => String(e.data.text)));
        for (const text of texts) expect(recorded.has(text), `note ${text} in ${id} after round ${round}`).toBe(true);
      }
      for (const [id, state] of summaries) {
        const shown = await check.call('case.show', { id });
        expect([state.acked, state.inFlight]).toContain(shown.summary || null);
        summaries.set(id, { acked: shown.summary || null, inFlight: null });
      }
      await check.core.lock();
    }
    expect(acknowledged).toBeGreaterThan(KILLS);
  }, 600_000);
});
