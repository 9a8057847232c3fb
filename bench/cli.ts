// The CLI as a user runs it: whole processes (start, unlock with the default KDF, work, exit),
// next to git's and gpg's, at least 5 samples each with the commands interleaved so load on the
// machine hits every row alike. Peak RSS from /usr/bin/time -v when present.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, printRows } from './lib.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'embargo.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const SAMPLES = 5;
const CASES = Number(process.env.EMBARGO_BENCH_CLI_CASES ?? 1000);

interface Row {
  name: string;
  argv: string[];
  /** The target for the median, where it sets one. */
  target?: string;
}

function runOnce(argv: string[], env: NodeJS.ProcessEnv): { ms: number; rssKiB: number | null } {
  const [command, ...args] = TIME ? [TIME, '-v', ...argv] : argv;
  const start = process.hrtime.bigint();
  const result = spawnSync(command!, args, { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr.slice(-400)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return { ms, rssKiB: rss?.[1] ? Number(rss[1]) : null };
}

export async function runCliBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-bench-cli-'));
  const runtime = join(dir, 'run');
  mkdirSync(runtime, { mode: 0o700 });
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    GNUPGHOME: join(dir, 'gnupg'),
    XDG_RUNTIME_DIR: runtime,
    EMBARGO_PASSPHRASE: 'bench passphrase for the cli rows',
  };
  const vault = join(dir, 'vault');
  try {
    // The scale for `case list`: 1,000 fictional cases in mid-flight.
    runOnce([process.execPath, BIN, '--vault', vault, 'demo', '--cases', String(CASES)], env);
    // The agent rows: `vault unlock` once, as a user would at the start of a session.
    runOnce([process.execPath, BIN, '--vault', vault, 'vault', 'unlock', '--for', '1h'], env);
    const rows: Row[] = [
      { name: 'embargo --help', argv: [process.execPath, BIN, '--help'], target: '≤ 150 ms, ≤ 70 MB' },
      { name: 'embargo cvss score V', argv: [process.execPath, BIN, 'cvss', 'score', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'], target: '≤ 200 ms' },
      { name: `embargo --json case list, ${CASES} cases (no agent, KDF)`, argv: [process.execPath, BIN, '--vault', vault, '--no-agent', '--json', 'case', 'list'] },
      { name: `embargo --json case list, ${CASES} cases (agent)`, argv: [process.execPath, BIN, '--vault', vault, '--json', 'case', 'list'], target: '≤ 250 ms' },
      { name: 'git --version', argv: ['git', '--version'] },
      { name: 'gpg --version', argv: ['gpg', '--version'] },
    ];
    const samples = new Map<string, { ms: number[]; rss: number[] }>(rows.map((row) => [row.name, { ms: [], rss: [] }]));
    for (let round = 0; round < SAMPLES; round++) {
      // Alternate the order each round: forwards, then backwards.
      for (const row of round % 2 === 0 ? rows : [...rows].reverse()) {
        const { ms, rssKiB } = runOnce(row.argv, env);
        const entry = samples.get(row.name)!;
        entry.ms.push(ms);
        if (rssKiB !== null) entry.rss.push(rssKiB);
      }
    }
    const table: [string, ...string[]][] = [['command', 'min', 'median', 'max', 'peak RSS', 'target']];
    for (const row of rows) {
      const { ms, rss } = samples.get(row.name)!;
      const sorted = [...ms].sort((a, b) => a - b);
      const peak = rss.length > 0 ? `${(Math.max(...rss) / 1024).toFixed(0)} MiB` : 'n/a';
      table.push([row.name, fmt(sorted[0]!), fmt(sorted[Math.floor(sorted.length / 2)]!), fmt(sorted[sorted.length - 1]!), peak, row.target ?? '']);
    }
    printRows(`CLI processes, ${SAMPLES} samples each, order alternated`, table);
  } finally {
    spawnSync(process.execPath, [BIN, '--vault', vault, 'vault', 'lock'], { env });
    rmSync(dir, { recursive: true, force: true });
  }
}
