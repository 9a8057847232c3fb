// The wire format between the CLI and its agent (agent-server.ts): length-prefixed frames over
// a Unix socket, JSON for control messages and raw bytes for the key (a Buffer can be zeroed
// after use, a string cannot). Both sides prove they know the agent's token (a 0600 file in
// the 0700 agent directory) with an HMAC over fresh nonces before anything else is said:
// Node has no SO_PEERCRED, so the token is the peer check, on top of the directory's mode.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';

/** Frames larger than this are refused: no message of the protocol comes near it. */
const MAX_FRAME = 64 * 1024;

export const KEY_LENGTH = 32;

export type AgentRequest = 'key' | 'status' | 'lock';

export interface AgentReply {
  ok: boolean;
  /** When the agent ends if nobody uses it (ISO 8601). */
  until?: string;
  pid?: number;
  code?: 'Unauthorized' | 'AgentStale' | 'InvalidInput';
  message?: string;
}

/**
 * The parts copied into one new zero-filled buffer. Buffer.concat and Buffer.from take small
 * buffers from Node's shared pool, where a copy of the key would outlive any fill(0).
 */
export function privateConcat(parts: readonly Uint8Array[]): Buffer {
  const joined = Buffer.alloc(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}

export function encodeFrame(payload: Uint8Array): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(payload.byteLength);
  return privateConcat([header, payload]);
}

export function jsonFrame(value: unknown): Buffer {
  return encodeFrame(Buffer.from(JSON.stringify(value), 'utf8'));
}

/** Reads frames from a stream in order; every chunk it held is zeroed once consumed. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);
  private waiting: { resolve(frame: Buffer): void; reject(error: Error): void } | null = null;
  private ended: Error | null = null;

  constructor(stream: Readable) {
    stream.on('data', (chunk: Buffer) => {
      const joined = privateConcat([this.pending, chunk]);
      this.pending.fill(0);
      chunk.fill(0);
      this.pending = joined;
      this.deliver();
    });
    stream.on('end', () => this.fail(new Error('the other side closed the connection')));
    stream.on('error', (error) => this.fail(error));
  }

  private fail(error: Error): void {
    this.ended ??= error;
    this.waiting?.reject(error);
    this.waiting = null;
  }

  private deliver(): void {
    if (!this.waiting || this.pending.length < 4) return;
    const length = this.pending.readUInt32BE(0);
    if (length > MAX_FRAME) return this.fail(new Error('frame too large'));
    if (this.pending.length < 4 + length) return;
    const frame = Buffer.alloc(length);
    this.pending.copy(frame, 0, 4, 4 + length);
    const rest = privateConcat([this.pending.subarray(4 + length)]);
    this.pending.fill(0);
    this.pending = rest;
    const { resolve } = this.waiting;
    this.waiting = null;
    resolve(frame);
  }

  next(): Promise<Buffer> {
    if (this.waiting) return Promise.reject(new Error('one frame at a time'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.deliver();
      if (this.waiting && this.ended) this.fail(this.ended);
    });
  }

  async nextJson<T>(): Promise<T> {
    const frame = await this.next();
    try {
      return JSON.parse(frame.toString('utf8')) as T;
    } catch {
      throw new Error('a frame is not JSON');
    }
  }
}

/** The proof one side gives: HMAC-SHA256 under the token over its role and both nonces. */
export function proof(token: Uint8Array, role: 'agent' | 'client', agentNonce: string, clientNonce: string): string {
  return createHmac('sha256', token).update(`embargo-agent-v1\0${role}\0${agentNonce}\0${clientNonce}`).digest('hex');
}

export function proofMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}
