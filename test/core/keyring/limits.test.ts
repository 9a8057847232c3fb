// Key limits: user IDs, subkeys, keys and packets are counted over packet headers before
// openpgp.js parses anything, and the count agrees with what `gpg --list-packets` sees.
import * as openpgp from 'openpgp';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { countKeyPackets, dearmorBlock } from '../../../src/core/keyring/count-packets.ts';
import { readKeysFromBytes } from '../../../src/core/keyring/read-keys.ts';
import { LIMITS } from '../../../src/shared/limits.ts';
import { EmbargoError } from '../../../src/shared/errors.ts';
import { tempGpg, type Gpg } from './gpg.ts';

vi.mock('openpgp', async (original) => {
  const real = await original<typeof openpgp>();
  return { ...real, readKeys: vi.fn(real.readKeys) };
});

async function keyWith(userIds: number, subkeys: number): Promise<string> {
  const { publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: Array.from({ length: userIds }, (_, i) => ({ name: `User ${i}`, email: `u${i}@example.org` })),
    subkeys: Array.from({ length: subkeys }, () => ({})),
    format: 'armored',
    config: { v6Keys: false },
  });
  return publicKey;
}

async function refusal(work: Promise<unknown>): Promise<EmbargoError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbargoError);
  return error as EmbargoError;
}

let gpg: Gpg;
let manyUserIds: string;
let manySubkeys: string;
beforeAll(async () => {
  gpg = await tempGpg();
  manyUserIds = await keyWith(1000, 1);
  manySubkeys = await keyWith(1, LIMITS.subkeysPerKey + 1);
}, 120_000);
afterAll(() => gpg.cleanup());

describe('key limits', () => {
  it('counts packets, user IDs and subkeys as gpg --list-packets does', async () => {
    const armored = await keyWith(3, 2);
    const counts = countKeyPackets(dearmorBlock(armored));
    const listing = gpg.ok(['--list-packets'], armored).stdout.toString('utf8');
    // gpg prints one "# off=N ctb=XX tag=T …" line per packet header it reads.
    const tags = [...listing.matchAll(/^# off=\d+ ctb=[0-9a-f]+ tag=(\d+)/gm)].map((m) => Number(m[1]));
    expect(counts.packets).toBe(tags.length);
    expect(counts.maxUserIds).toBe(tags.filter((t) => t === 13).length);
    expect(counts.maxSubkeys).toBe(tags.filter((t) => t === 14).length);
    expect(counts.keys).toBe(tags.filter((t) => t === 6).length);
    expect(counts.keys).toBe(1);
  });

  it('refuses a key with 1000 user IDs with InputTooLarge, before openpgp parses it', async () => {
    vi.mocked(openpgp.readKeys).mockClear();
    const error = await refusal(readKeysFromBytes(Buffer.from(manyUserIds)));
    expect(error.code).toBe('InputTooLarge');
    expect(error.data).toEqual({ what: 'key', limit: LIMITS.userIdsPerKey, actual: LIMITS.userIdsPerKey + 1 });
    expect(openpgp.readKeys).not.toHaveBeenCalled();
  });

  it('refuses a key with too many subkeys, armored or binary, before openpgp parses it', async () => {
    vi.mocked(openpgp.readKeys).mockClear();
    for (const input of [Buffer.from(manySubkeys), Buffer.from(dearmorBlock(manySubkeys))]) {
      const error = await refusal(readKeysFromBytes(input));
      expect(error.code).toBe('InputTooLarge');
      expect(error.data).toMatchObject({ what: 'key', limit: LIMITS.subkeysPerKey });
    }
    expect(openpgp.readKeys).not.toHaveBeenCalled();
  });

  it('refuses key data past the byte limit before counting anything', async () => {
    const error = await refusal(readKeysFromBytes(new Uint8Array(LIMITS.keyBytes + 1).fill(0x99)));
    expect(error.data).toEqual({ what: 'key data', limit: LIMITS.keyBytes, actual: LIMITS.keyBytes + 1 });
  });

  it('still reads a key at the limit (100 user IDs)', async () => {
    const keys = await readKeysFromBytes(Buffer.from(await keyWith(LIMITS.userIdsPerKey, 1)));
    expect(keys[0]!.users).toHaveLength(LIMITS.userIdsPerKey);
  }, 60_000);

  it('walks any bytes with at most one header read per byte, and never throws but InputTooLarge', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        let headers = 0;
        try {
          countKeyPackets(bytes, () => headers++);
        } catch (error) {
          expect((error as EmbargoError).code).toBe('InputTooLarge');
        }
        expect(headers).toBeLessThanOrEqual(bytes.length + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
