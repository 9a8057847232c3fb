import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frameRecord, splitFrames } from '../../../src/core/vault/log-frames.ts';

const records = [Buffer.from('first record'), Buffer.from('second'), Buffer.from('third, the last')];
const whole = Buffer.concat(records.map(frameRecord));

describe('log frames', () => {
  it('splits whole frames back into the records', () => {
    const { frames, goodLength } = splitFrames(whole, 'x.elog');
    expect(frames.map(String)).toEqual(records.map(String));
    expect(goodLength).toBe(whole.length);
  });

  it('drops a torn last frame at any cut and keeps every whole one before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: whole.length }), (cut) => {
        const { frames, goodLength } = splitFrames(whole.subarray(0, cut), 'x.elog');
        expect(goodLength).toBeLessThanOrEqual(cut);
        expect(frames.map(String)).toEqual(records.slice(0, frames.length).map(String));
        expect(Buffer.concat(records.slice(0, frames.length).map(frameRecord)).length).toBe(goodLength);
      }),
    );
  });

  it('treats a zero-filled end as torn', () => {
    const { frames } = splitFrames(Buffer.concat([whole, Buffer.alloc(40)]), 'x.elog');
    expect(frames).toHaveLength(3);
  });

  it('refuses a changed length with VaultCorrupt', () => {
    const damaged = Buffer.from(whole);
    damaged.writeUInt8(damaged.readUInt8(3) ^ 1, 3);
    expect(() => splitFrames(damaged, 'x.elog')).toThrow(expect.objectContaining({ code: 'VaultCorrupt' }));
  });
});
