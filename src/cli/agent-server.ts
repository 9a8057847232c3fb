// The agent process (`embargo vault unlock` starts it; `embargo __embargo-agent` is its entry):
// it holds one vault's unwrapped data key in memory and hands it to the same user's CLI
// processes over a Unix socket, as gpg-agent does for keys. The key arrives on standard input
// (never argv or the environment, which other processes of the user can read in /proc), is
// never written anywhere, and is zeroed when the agent ends: on `vault lock`, after the idle
// time without a request, on SIGTERM/SIGINT/SIGHUP, or when the vault's key file is no longer
// the one it was unwrapped from (a passphrase change ends the session).
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { KEY_FILE_NAME } from '../core/vault/key-file.ts';
import { checkAgentDirectory } from './agent-paths.ts';
import { FrameReader, KEY_LENGTH, encodeFrame, jsonFrame, proof, proofMatches, type AgentReply, type AgentRequest } from './agent-protocol.ts';

/** What `vault unlock` sends first on the agent's standard input; the key follows as its own frame. */
export interface AgentSetup {
  vaultDir: string;
  dir: string;
  socket: string;
  token: string;
  /** SHA-256 (hex) of the key file the data key was unwrapped from. */
  keyFileSha256: string;
  idleMs: number;
}

/** A client that has not finished its request by then is dropped. */
const REQUEST_TIMEOUT_MS = 10_000;

async function keyFileHash(vaultDir: string): Promise<string | null> {
  try {
    return createHash('sha256').update(await readFile(join(vaultDir, KEY_FILE_NAME))).digest('hex');
  } catch {
    return null;
  }
}

export async function runAgent(): Promise<number> {
  process.umask(0o077);
  const input = new FrameReader(process.stdin);
  const setup = await input.nextJson<AgentSetup>();
  const received = await input.next();
  if (received.length !== KEY_LENGTH) throw new Error('the agent expects a 32-byte key');
  // Outside Node's shared pool, so zeroing it clears the only copy.
  const key = Buffer.alloc(KEY_LENGTH);
  received.copy(key);
  received.fill(0);
  process.stdin.destroy();

  await checkAgentDirectory(setup.dir);
  const token = randomBytes(32);
  await rm(setup.token, { force: true });
  await writeFile(setup.token, token, { mode: 0o600, flag: 'wx' });

  let ending = false;
  let idleTimer: NodeJS.Timeout | null = null;
  const server = createServer((socket) => void serve(socket));

  const end = async (): Promise<void> => {
    if (ending) return;
    ending = true;
    key.fill(0);
    token.fill(0);
    if (idleTimer) clearTimeout(idleTimer);
    server.close();
    await rm(setup.socket, { force: true });
    await rm(setup.token, { force: true });
    process.exit(0);
  };
  const until = (): string => new Date(Date.now() + setup.idleMs).toISOString();
  const armIdle = (): void => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void end(), setup.idleMs);
  };

  async function answer(request: AgentRequest, socket: Socket): Promise<void> {
    if (request === 'lock') {
      socket.end(jsonFrame({ ok: true } satisfies AgentReply));
      return end();
    }
    // The key file is read again for every request: if it changed, the session it was opened
    // for is over, whatever the client says.
    if ((await keyFileHash(setup.vaultDir)) !== setup.keyFileSha256) {
      socket.end(jsonFrame({ ok: false, code: 'AgentStale', message: 'the vault key file changed since the agent was started' } satisfies AgentReply));
      return end();
    }
    armIdle();
    if (request === 'status') {
      socket.end(jsonFrame({ ok: true, until: until(), pid: process.pid } satisfies AgentReply));
      return;
    }
    socket.write(jsonFrame({ ok: true, until: until(), pid: process.pid } satisfies AgentReply));
    // Its own buffer (not Node's shared pool), zeroed once the socket has sent it.
    const frame = encodeFrame(key);
    socket.end(frame, () => frame.fill(0));
  }

  async function serve(socket: Socket): Promise<void> {
    const timer = setTimeout(() => socket.destroy(), REQUEST_TIMEOUT_MS);
    socket.on('close', () => clearTimeout(timer));
    socket.on('error', () => socket.destroy());
    try {
      const reader = new FrameReader(socket);
      const hello = await reader.nextJson<{ clientNonce?: unknown }>();
      if (typeof hello.clientNonce !== 'string' || !/^[0-9a-f]{64}$/.test(hello.clientNonce)) throw new Error('bad hello');
      const agentNonce = randomBytes(32).toString('hex');
      socket.write(jsonFrame({ agentNonce, proof: proof(token, 'agent', agentNonce, hello.clientNonce) }));
      const request = await reader.nextJson<{ proof?: unknown; request?: unknown }>();
      if (!proofMatches(proof(token, 'client', agentNonce, hello.clientNonce), request.proof)) {
        socket.end(jsonFrame({ ok: false, code: 'Unauthorized', message: 'the client does not hold the agent token' } satisfies AgentReply));
        return;
      }
      if (request.request !== 'key' && request.request !== 'status' && request.request !== 'lock') {
        socket.end(jsonFrame({ ok: false, code: 'InvalidInput', message: 'unknown request' } satisfies AgentReply));
        return;
      }
      await answer(request.request, socket);
    } catch {
      socket.destroy();
    }
  }

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void end());
  await rm(setup.socket, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(setup.socket, () => resolve());
  });
  armIdle();
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, until: until() })}\n`);
  process.stdout.end();
  // Runs until end() exits the process.
  return new Promise<number>(() => {});
}

