// The CLI's side of the agent (agent-server.ts): start one for a vault, ask it for the data key,
// end it. Every path is checked (agent-paths.ts) before it is used; a socket nobody listens on
// (a killed agent) is removed with its token, and the command goes on without the agent.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { EmbargoError } from '../shared/errors.ts';
import { agentPaths, checkAgentDirectory, checkAgentFile, unsafe, type AgentPaths } from './agent-paths.ts';
import { FrameReader, KEY_LENGTH, encodeFrame, jsonFrame, proof, proofMatches, type AgentReply, type AgentRequest } from './agent-protocol.ts';
import type { AgentSetup } from './agent-server.ts';

/** The internal command the agent process runs under (main.ts). */
export const AGENT_COMMAND = '__embargo-agent';

// src/cli/x.ts and the bundle's out/cli/x.js sit at the same depth (scripts/build-cli.mjs).
const BIN = fileURLToPath(new URL('../../bin/embargo.js', import.meta.url));

export type AgentOutcome =
  | { state: 'none' }
  | { state: 'refused'; error: EmbargoError }
  | { state: 'answered'; reply: AgentReply; key?: Buffer };

async function removeStale(paths: AgentPaths): Promise<void> {
  await rm(paths.socket, { force: true });
  await rm(paths.token, { force: true });
}

/** One request to the agent of `paths`, after checking its directory and files. */
export async function askAgent(paths: AgentPaths, request: AgentRequest, tokenFile = paths.token): Promise<AgentOutcome> {
  try {
    if (!(await checkAgentDirectory(paths.dir))) return { state: 'none' };
    if (!(await checkAgentFile(paths.socket, 'socket'))) return { state: 'none' };
    if (!(await checkAgentFile(tokenFile, 'token'))) return { state: 'refused', error: unsafe(tokenFile, 'is missing') };
  } catch (error) {
    if (error instanceof EmbargoError) return { state: 'refused', error };
    throw error;
  }
  const token = await readFile(tokenFile);
  const socket = connect(paths.socket);
  try {
    const reader = new FrameReader(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const clientNonce = randomBytes(32).toString('hex');
    socket.write(jsonFrame({ clientNonce }));
    const challenge = await reader.nextJson<{ agentNonce?: unknown; proof?: unknown }>();
    const agentNonce = typeof challenge.agentNonce === 'string' ? challenge.agentNonce : '';
    if (!proofMatches(proof(token, 'agent', agentNonce, clientNonce), challenge.proof)) {
      return { state: 'refused', error: unsafe(paths.socket, 'is served by a process that does not hold the agent token') };
    }
    socket.write(jsonFrame({ request, proof: proof(token, 'client', agentNonce, clientNonce) }));
    const reply = await reader.nextJson<AgentReply>();
    if (request !== 'key' || !reply.ok) return { state: 'answered', reply };
    const frame = await reader.next();
    if (frame.length !== KEY_LENGTH) {
      frame.fill(0);
      return { state: 'refused', error: unsafe(paths.socket, 'answered with a key of the wrong length') };
    }
    return { state: 'answered', reply, key: frame };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Nobody listens: the agent was killed. Its files hold no key; clear them.
    if (code === 'ECONNREFUSED' || code === 'ENOENT') {
      await removeStale(paths);
      return { state: 'none' };
    }
    return { state: 'refused', error: new EmbargoError('AgentUnavailable', `The agent did not answer: ${(error as Error).message}.`) };
  } finally {
    token.fill(0);
    socket.destroy();
  }
}

/** The data key from this vault's agent, or why there is none (a warning worth printing, or nothing). */
export async function keyFromAgent(vaultDir: string, env: NodeJS.ProcessEnv): Promise<{ key?: Buffer; warning?: string }> {
  if (process.platform === 'win32') return {};
  const outcome = await askAgent(agentPaths(vaultDir, env), 'key');
  if (outcome.state === 'none') return {};
  if (outcome.state === 'refused') return { warning: outcome.error.message };
  if (outcome.key) return { key: outcome.key };
  return { warning: `the agent refused: ${outcome.reply.message ?? outcome.reply.code ?? 'no reason given'}` };
}

/** Ends this vault's agent; true when one was running. */
export async function stopAgent(vaultDir: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (process.platform === 'win32') return false;
  const outcome = await askAgent(agentPaths(vaultDir, env), 'lock');
  if (outcome.state === 'refused') throw outcome.error;
  return outcome.state === 'answered' && outcome.reply.ok;
}

export interface StartedAgent {
  pid: number;
  until: string;
}

/** Starts a detached agent holding `dataKey` (copied; the caller still owns and zeroes its buffer). */
export async function startAgent(
  setup: Omit<AgentSetup, 'dir' | 'socket' | 'token'>,
  env: NodeJS.ProcessEnv,
  dataKey: Uint8Array,
): Promise<StartedAgent> {
  const paths = agentPaths(setup.vaultDir, env);
  const child = spawn(process.execPath, [BIN, AGENT_COMMAND], {
    detached: true,
    // stderr is not kept: once this process is gone a write there would fail. Start-up errors come on stdout.
    stdio: ['pipe', 'pipe', 'ignore'],
    cwd: '/',
    env: { PATH: env.PATH ?? process.env.PATH, ...(env.EMBARGO_CLI_SOURCES ? { EMBARGO_CLI_SOURCES: env.EMBARGO_CLI_SOURCES } : {}) },
  });
  const keyFrame = encodeFrame(dataKey);
  child.stdin.write(jsonFrame({ ...setup, ...paths } satisfies AgentSetup));
  child.stdin.end(keyFrame, () => keyFrame.fill(0));
  let output = '';
  const started = await new Promise<{ ready?: boolean; pid?: number; until?: string; error?: string }>((resolve) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      output += text;
      const line = output.split('\n')[0];
      if (output.includes('\n') && line) resolve(JSON.parse(line) as { ready?: boolean; error?: string });
    });
    child.once('exit', (code) => resolve({ error: output.trim() || `it exited with status ${code}` }));
    child.once('error', (error) => resolve({ error: error.message }));
  });
  keyFrame.fill(0);
  child.stdout.destroy();
  child.unref();
  if (!started.ready || started.pid === undefined || started.until === undefined) {
    throw new EmbargoError('AgentUnavailable', `The agent did not start: ${started.error ?? 'no answer'}.`);
  }
  return { pid: started.pid, until: started.until };
}
