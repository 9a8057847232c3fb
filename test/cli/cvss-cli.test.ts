// `embargo cvss score` per CLI.md: arguments or "-" (stdin, one per line), --json one object per
// line, invalid vectors reported and exit 1 at the end, and never a passphrase prompt.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.ts';
import { runCli, spawnCli } from '../helpers/cli.ts';

const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const V31_TEMPORAL = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C';
const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
const V30 = 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U';

function lines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

describe('embargo cvss score', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  // A vault directory that does not exist: scoring must not need (or touch) one.
  let vault: string;
  beforeAll(async () => {
    root = await tempDir('embargo-cvss-cli-');
    vault = join(root.path, 'no-vault-here');
  });
  afterAll(async () => root.remove());

  it('scores vectors given as arguments, one JSON object per vector, without a passphrase', async () => {
    const run = await runCli(['--vault', vault, '--json', 'cvss', 'score', V31, V31_TEMPORAL, V40, V30]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)).toEqual([
      { vector: V31, version: '3.1', score: 9.8, severity: 'Critical', baseScore: 9.8, temporalScore: 9.8, environmentalScore: 9.8 },
      { vector: V31_TEMPORAL, version: '3.1', score: 8.5, severity: 'High', baseScore: 9.8, temporalScore: 8.5, environmentalScore: 8.5 },
      { vector: V40, version: '4.0', score: 9.3, severity: 'Critical', nomenclature: 'CVSS-B' },
      { vector: V30, version: '3.0', score: 9.3, severity: 'Critical', baseScore: 10, temporalScore: 9.3, environmentalScore: 9.3 },
    ]);
  });

  it('reads one vector per line from standard input with "-", and fails at the end on an invalid one', async () => {
    const stdin = `${V31}\r\n\ncvss:3.1/AV:N\n${V40}\n${V31}/AV:L`;
    const run = await runCli(['--vault', vault, '--json', 'cvss', 'score', '-'], {}, stdin);
    expect(run.code).toBe(1);
    const out = lines(run.stdout) as Record<string, unknown>[];
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ vector: V31, score: 9.8 });
    expect(out[1]).toEqual({
      vector: 'cvss:3.1/AV:N',
      error: { code: 'InvalidVector', message: 'Invalid CVSS vector "cvss:3.1/AV:N": the prefix "cvss:3.1" must be written "CVSS:3.1".' },
    });
    expect(out[2]).toMatchObject({ vector: V40, score: 9.3 });
    expect(out[3]).toMatchObject({ vector: `${V31}/AV:L`, error: { code: 'InvalidVector' } });
    expect((out[3] as { error: { message: string } }).error.message).toMatch(/AV appears more than once/);
    expect(run.stderr).toMatch(/must be written "CVSS:3\.1"/);
  });

  it('prints aligned columns for people', async () => {
    const run = await runCli(['--vault', vault, 'cvss', 'score', V31_TEMPORAL, V40]);
    expect(run.code).toBe(0);
    const [header, first, second] = run.stdout.split('\n');
    expect(header).toMatch(/^SCORE\s+SEVERITY\s+BASE\s+TEMP\s+ENV\s+VECTOR$/);
    expect(first).toBe(`  8.5  High        9.8    8.5    8.5  ${V31_TEMPORAL}`);
    expect(second).toBe(`  9.3  Critical      —      —      —  ${V40} (CVSS-B)`);
    // The vector column starts at the same place on every line.
    expect(first?.indexOf('CVSS:')).toBe(header?.indexOf('VECTOR'));
  });

  it('reports invalid vectors in words on stderr and exits 1', async () => {
    const run = await runCli(['--vault', vault, 'cvss', 'score', V31, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(V31);
    expect(run.stderr).toContain('the mandatory base metric A is missing');
    expect(run.stderr).toContain('1 of 2 vectors are invalid');
  });

  it('reports an absurdly long line as one invalid vector and goes on', async () => {
    const long = `CVSS:3.1/${'AV:N/'.repeat(1000)}`;
    const run = await runCli(['--vault', vault, '--json', 'cvss', 'score', '-'], {}, `${long}\n${V31}\n`);
    expect(run.code).toBe(1);
    const out = lines(run.stdout) as { vector: string; error?: { message: string }; score?: number }[];
    expect(out[0]?.vector).toBe(long);
    expect(out[0]?.error?.message).toMatch(/longer than 400 characters/);
    expect(out[1]).toMatchObject({ vector: V31, score: 9.8 });
  });

  it('is a usage error to mix "-" with vectors, or to give nothing on standard input', async () => {
    expect((await runCli(['--vault', vault, 'cvss', 'score', '-', V31])).code).toBe(2);
    expect((await runCli(['--vault', vault, 'cvss', 'score', '-'], {}, '\n\n')).code).toBe(2);
    expect((await runCli(['--vault', vault, 'cvss', 'score'])).code).toBe(2);
  });

  it('streams a large standard input through the real binary', () => {
    const vectors = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? V31_TEMPORAL : V40));
    const run = spawnCli(['--vault', vault, '--json', 'cvss', 'score', '-'], {}, `${vectors.join('\n')}\n`);
    expect(run.code).toBe(0);
    const out = lines(run.stdout) as { vector: string; score: number }[];
    expect(out).toHaveLength(5000);
    expect(out[4998]).toMatchObject({ vector: V31_TEMPORAL, score: 8.5 });
    expect(out[4999]).toMatchObject({ vector: V40, score: 9.3 });
  });
});

describe('embargo case set --cvss', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: string;
  const env = { EMBARGO_PASSPHRASE: 'cvss cli test passphrase' };
  beforeAll(async () => {
    root = await tempDir('embargo-cvss-case-');
    vault = join(root.path, 'vault');
    expect((await runCli(['--vault', vault, 'vault', 'init'], env)).code).toBe(0);
    const created = await runCli(['--vault', vault, 'case', 'create', '--title', 'Scored case', '--disclosed-at', '2026-11-20T09:30:00Z'], env);
    expect(created.code).toBe(0);
  });
  afterAll(async () => root.remove());

  it('records the scored call, rejects an invalid vector without changing the case, and clears it', async () => {
    const set = await runCli(['--vault', vault, '--json', 'case', 'set', 'EMB-0001', '--cvss', V31_TEMPORAL], env);
    expect(set.code).toBe(0);
    expect((set.json() as { cvss: unknown }).cvss).toEqual({ version: '3.1', vector: V31_TEMPORAL, score: 8.5, severity: 'High' });

    const bad = await runCli(['--vault', vault, '--json', 'case', 'set', 'EMB-0001', '--cvss', 'CVSS:3.1/AV:N'], env);
    expect(bad.code).toBe(1);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('InvalidVector');
    const shown = await runCli(['--vault', vault, '--json', 'case', 'show', 'EMB-0001'], env);
    expect((shown.json() as { cvss: { vector: string } }).cvss.vector).toBe(V31_TEMPORAL);

    const timeline = await runCli(['--vault', vault, '--json', 'case', 'timeline', 'EMB-0001'], env);
    const calls = (timeline.json() as { events: { type: string }[] }).events.filter((e) => e.type === 'case.cvss-call');
    expect(calls).toHaveLength(1);

    const cleared = await runCli(['--vault', vault, '--json', 'case', 'set', 'EMB-0001', '--cvss', 'none'], env);
    expect((cleared.json() as { cvss: unknown }).cvss).toBeNull();
  });
});
