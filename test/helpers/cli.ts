// Runs the CLI in-process with captured output, or as a real child process through bin/.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json(): unknown;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    stdinIsTty: false,
    stdoutIsTty: false,
    promptHidden: () => Promise.reject(new Error('no terminal in tests')),
    readStdin: () => Promise.resolve(stdin),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'embargo.js');

export function spawnCli(argv: string[], env: NodeJS.ProcessEnv, input?: string): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    input,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}
