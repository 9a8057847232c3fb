// CVSS scoring throughput, in vectors per second: our scorer alone, through the contract
// dispatch (zod on input and output, batches as the CLI sends them), and end to end through
// `embargo cvss score - --json` with 100,000 vectors on standard input. The reference is
// ae-cvss-calculator scoring the same vectors in the same run.
// Run: node --import tsx bench/cvss.ts   (or register runCvssBench in bench/run.ts)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import aeModule from 'ae-cvss-calculator';
import fc from 'fast-check';
import { scoreVector } from '../src/core/cvss/index.ts';
import { createCore } from '../src/core/create-core.ts';
import { createDispatch } from '../src/shared/contract/dispatch.ts';
import { CVSS_DEFINITIONS, type CvssVersion } from '../src/shared/cvss-metrics.ts';
import { printRows, timeMs } from './lib.ts';

const COUNT = 100_000;

type AeConstructor = new (vector: string) => { calculateScores(): unknown };
const ae = ((aeModule as unknown as { default?: unknown }).default ?? aeModule) as Record<'Cvss3P0' | 'Cvss3P1' | 'Cvss4P0', AeConstructor>;

function vectors(count: number): string[] {
  const arbitrary = (version: CvssVersion) => {
    const metrics = CVSS_DEFINITIONS[version].metrics;
    return fc
      .tuple(...metrics.map((m) => fc.tuple(m.mandatory ? fc.constant(true) : fc.boolean(), fc.constantFrom(...m.values.map((v) => v.code)))))
      .map((picks) => `${CVSS_DEFINITIONS[version].prefix}/${picks.flatMap(([include, code], i) => (include ? [`${metrics[i]?.key}:${code}`] : [])).join('/')}`);
  };
  // A third each of v3.0, v3.1 and v4.0, with random optional metrics.
  return fc.sample(fc.oneof(arbitrary('3.0'), arbitrary('3.1'), arbitrary('4.0')), { numRuns: count, seed: 7 });
}

function rate(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en')} vectors/s`;
}

async function endToEnd(input: string): Promise<{ ms: number; lines: number }> {
  const bin = fileURLToPath(new URL('../bin/embargo.js', import.meta.url));
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, '--json', 'cvss', 'score', '-'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let lines = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 10) lines += 1;
  });
  child.stdin.end(input);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`embargo cvss score exited ${code}`);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, lines };
}

export async function runCvssBench(): Promise<void> {
  const sample = vectors(COUNT);
  const core = createCore({ vaultDir: '/nonexistent-vault-not-needed-for-cvss' });
  const dispatch = createDispatch(core.handlers);

  const direct = await timeMs(async () => {
    for (const vector of sample) scoreVector(vector);
  });
  const viaDispatch = await timeMs(async () => {
    for (let i = 0; i < sample.length; i += 2000) {
      const result = await dispatch('cvss.score', { vectors: sample.slice(i, i + 2000) });
      if (!result.ok) throw new Error(result.error.message);
    }
  });
  const reference = await timeMs(async () => {
    for (const vector of sample) {
      const Constructor = vector.startsWith('CVSS:4.0/') ? ae.Cvss4P0 : vector.startsWith('CVSS:3.0/') ? ae.Cvss3P0 : ae.Cvss3P1;
      new Constructor(vector).calculateScores();
    }
  });
  const cli = await endToEnd(`${sample.join('\n')}\n`);
  if (cli.lines !== COUNT) throw new Error(`expected ${COUNT} output lines, got ${cli.lines}`);

  printRows(`CVSS scoring, ${COUNT.toLocaleString('en')} random vectors (v3.0, v3.1, v4.0 with optional metrics)`, [
    ['what', 'time', 'throughput', 'vs ae-cvss-calculator'],
    ['scoreVector (parse + score)', `${direct.toFixed(0)} ms`, rate(COUNT, direct), `${(reference / direct).toFixed(1)}× faster`],
    ['contract dispatch, batches of 2000', `${viaDispatch.toFixed(0)} ms`, rate(COUNT, viaDispatch), `${(reference / viaDispatch).toFixed(1)}× faster`],
    ['embargo cvss score - --json (process)', `${cli.ms.toFixed(0)} ms`, rate(COUNT, cli.ms), '—'],
    ['ae-cvss-calculator (reference)', `${reference.toFixed(0)} ms`, rate(COUNT, reference), '1.0×'],
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runCvssBench();
