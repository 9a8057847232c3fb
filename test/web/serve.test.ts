// `npm run web`'s entry: one printed line with the URL and a fresh token, the vault it was
// given, clean exit on SIGTERM, and clear refusals of bad arguments.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let root: string;
let staticDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'embargo-serve-'));
  staticDir = join(root, 'out-web');
  await mkdir(staticDir);
  await mkdir(join(root, 'home'));
  await writeFile(join(staticDir, 'web.html'), '<!doctype html><title>Embargo</title>');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function serve(args: string[]): { child: ChildProcess; output: { stdout: string; stderr: string }; exited: Promise<number | null> } {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: join(root, 'home'), XDG_CONFIG_HOME: join(root, 'home', '.config') };
  delete env.EMBARGO_VAULT;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/serve.ts', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exited };
}

async function firstLine(output: { stdout: string }, exited: Promise<unknown>): Promise<string> {
  let done = false;
  void exited.then(() => (done = true));
  while (!output.stdout.includes('\n')) {
    if (done) throw new Error('the server exited before printing its URL');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return output.stdout.split('\n')[0] ?? '';
}

describe('serve.ts', () => {
  it('prints one URL line with a per-run token, serves the given vault and stops on SIGTERM', async () => {
    const vault = join(root, 'vault-a');
    const first = serve(['--port', '0', '--vault', vault, '--static', staticDir]);
    const line = await firstLine(first.output, first.exited);
    const match = /^Embargo browser mode: (http:\/\/127\.0\.0\.1:(\d+))\/#token=([A-Za-z0-9_-]{43})$/.exec(line);
    expect(match, line).not.toBeNull();
    const [, origin, , token] = match as RegExpExecArray;

    const response = await fetch(`${origin}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ method: 'app.state', input: {} }),
    });
    expect(await response.json()).toMatchObject({ ok: true, value: { vaultDir: vault, vaultExists: false } });

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output.stdout.trim().split('\n')).toHaveLength(1);

    // Another run, another token.
    const second = serve(['--vault', vault, '--static', staticDir]);
    const secondLine = await firstLine(second.output, second.exited);
    second.child.kill('SIGTERM');
    await second.exited;
    expect(secondLine.split('#token=')[1]).not.toBe(token);
  });

  it.each([
    [['--port', 'eighty'], /--port must be a port number/],
    [['--port', '70000'], /--port must be a port number/],
    [['--listen', '0.0.0.0'], /Unknown option/],
    [['--static', '/nonexistent/embargo'], /run "npm run build:web" first/],
  ])('refuses %j with exit status 2', async (args, message) => {
    const run = serve([...args, ...(args.includes('--static') ? [] : ['--static', staticDir]), '--vault', join(root, 'vault-b')]);
    expect(await run.exited).toBe(2);
    expect(run.output.stderr).toMatch(message);
    expect(run.output.stdout).toBe('');
  });
});
