// The agent's framing: frames cut at any point by the transport come out whole and in order,
// and a frame over the limit is refused rather than buffered.
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameReader, encodeFrame, proof, proofMatches } from '../../src/cli/agent-protocol.ts';

describe('agent protocol', () => {
  it('frames split anywhere are read back whole and in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), async (frames, cuts) => {
        const stream = new PassThrough();
        const reader = new FrameReader(stream);
        const wire = Buffer.concat(frames.map((frame) => encodeFrame(frame)));
        const points = [...new Set(cuts.map((cut) => cut % (wire.length + 1)))].sort((a, b) => a - b);
        let at = 0;
        for (const point of [...points, wire.length]) {
          stream.write(Buffer.from(wire.subarray(at, point)));
          at = point;
        }
        for (const frame of frames) expect(Buffer.from(await reader.next()).equals(Buffer.from(frame))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a frame over the limit, and a closed stream ends the wait', async () => {
    const stream = new PassThrough();
    const reader = new FrameReader(stream);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(1024 * 1024);
    stream.write(header);
    await expect(reader.next()).rejects.toThrow(/too large/);
    const closed = new PassThrough();
    const waiting = new FrameReader(closed).next();
    closed.end();
    await expect(waiting).rejects.toThrow(/closed/);
  });

  it('a proof matches only for the same token, role and nonces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.string(), (token, other, garbage) => {
        const right = proof(token, 'client', 'a', 'b');
        expect(proofMatches(right, proof(token, 'client', 'a', 'b'))).toBe(true);
        expect(proofMatches(right, proof(token, 'agent', 'a', 'b'))).toBe(false);
        if (!Buffer.from(token).equals(Buffer.from(other))) expect(proofMatches(right, proof(other, 'client', 'a', 'b'))).toBe(false);
        expect(proofMatches(right, garbage)).toBe(garbage === right);
      }),
    );
  });
});
