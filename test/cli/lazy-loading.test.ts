// `embargo --help`, `cvss score` and `case list` must not load openpgp, the CSAF validator or
// zxcvbn, and `--help` not even zod or hash-wasm: the CLI runs under a loader hook that records
// every ES module it loads, from the sources (tsx) and from a bundle built for the test (its
// manifest says which package each chunk holds).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const RECORDER = pathToFileURL(join(ROOT, 'test', 'helpers', 'module-recorder.mjs')).href;
const HEAVY = ['openpgp', '@secvisogram/csaf-validator-lib', '@zxcvbn-ts/core'];
const PASSPHRASE = 'lazy loading test passphrase';

let dir: string;
let vault: string;
let bundle: string;

function run(entry: 'sources' | 'bundle', argv: string[], log: string) {
  const env = { PATH: process.env.PATH, EMBARGO_PASSPHRASE: PASSPHRASE, EMBARGO_MODULE_LOG: log, EMBARGO_CLI_SOURCES: '1' };
  const args =
    entry === 'sources'
      ? ['--import', RECORDER, join(ROOT, 'bin', 'embargo.js'), ...argv]
      : ['--import', RECORDER, '--input-type=module', '-e', `const { main } = await import(${JSON.stringify(pathToFileURL(join(bundle, 'main.js')).href)}); process.exitCode = await main(${JSON.stringify(argv)});`];
  return spawnSync(process.execPath, args, { env, encoding: 'utf8', cwd: dir });
}

async function packagesLoaded(log: string): Promise<string[]> {
  const urls = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
  const manifest = JSON.parse(await readFile(join(bundle, 'manifest.json'), 'utf8')) as { packages: Record<string, string[]> };
  const found = new Set<string>();
  for (const url of urls) {
    const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (inPackage?.[1]) found.add(inPackage[1]);
    const chunk = url.slice(url.lastIndexOf('/') + 1);
    if (url.startsWith(pathToFileURL(bundle).href)) for (const name of manifest.packages[chunk] ?? []) found.add(name);
  }
  return [...found].sort();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embargo-lazy-'));
  vault = join(dir, 'vault');
  bundle = join(dir, 'bundle');
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), '--outdir', bundle], { encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  const created = run('sources', ['--vault', vault, 'vault', 'init'], join(dir, 'init.log'));
  expect(created.status, created.stderr).toBe(0);
  expect(run('sources', ['--vault', vault, 'case', 'create', '--title', 'Lazy', '--disclosed-at', '2026-11-27T09:00:00Z'], join(dir, 'create.log')).status).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(['sources', 'bundle'] as const)('the CLI from its %s', (entry) => {
  it.each([
    ['--help', ['--help']],
    ['cvss score', ['cvss', 'score', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H']],
    ['--json case list', ['--vault', '%VAULT%', '--json', 'case', 'list']],
  ])('%s loads neither openpgp, the CSAF validator nor zxcvbn', async (name, argv) => {
    const log = join(dir, `${entry}-${name.replace(/\W+/g, '-')}.log`);
    const result = run(entry, argv.map((arg) => (arg === '%VAULT%' ? vault : arg)), log);
    expect(result.status, result.stderr).toBe(0);
    if (name === '--json case list') expect(JSON.parse(result.stdout)).toHaveLength(1);
    const loaded = await packagesLoaded(log);
    expect(loaded).toContain('commander');
    for (const heavy of HEAVY) expect(loaded, `${name} loaded ${heavy}`).not.toContain(heavy);
    // Help is only the command tree: the contract (zod) and the KDF (hash-wasm) load with the
    // first command body.
    if (name === '--help') for (const unneeded of ['zod', 'hash-wasm']) expect(loaded, `--help loaded ${unneeded}`).not.toContain(unneeded);
  }, 60_000);

  it('keyring list does load openpgp (the recorder sees lazy modules)', async () => {
    const log = join(dir, `${entry}-keyring.log`);
    const result = run(entry, ['--vault', vault, '--json', 'keyring', 'list'], log);
    expect(result.status, result.stderr).toBe(0);
    expect(await packagesLoaded(log)).toContain('openpgp');
  }, 60_000);
});

describe('embargo --version', () => {
  it('prints the package version', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'embargo.js'), '--version'], { encoding: 'utf8' });
    expect(result.stdout).toBe(`${manifest.version}\n`);
  }, 60_000);
});
