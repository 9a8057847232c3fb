// A vault on a clock the test moves, driven through the same dispatch as every front end.
import { randomBytes } from 'node:crypto';
import { freshVault } from '../../helpers/core.ts';

export const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;

export async function clockedVault(start: string) {
  let now = Date.parse(start);
  const vault = await freshVault({
    ports: { now: () => new Date(now), randomBytes: (n) => new Uint8Array(randomBytes(n)) },
    createOptions: { kdf: CHEAP_KDF },
  });
  return {
    ...vault,
    /** Moves the clock to an instant. */
    setNow(iso: string) {
      now = Date.parse(iso);
    },
    advance(ms: number) {
      now += ms;
    },
    now: () => new Date(now).toISOString(),
  };
}

export type ClockedVault = Awaited<ReturnType<typeof clockedVault>>;
