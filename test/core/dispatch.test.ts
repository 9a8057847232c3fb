// The idle auto-lock must still fire while the renderer polls app.state every 15 s, and any
// real call must put it off. Electron main and browser mode both bind this dispatch (fake timers, real core).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoreDispatch } from '../../src/core/dispatch.ts';
import { createCore, type Core } from '../../src/core/create-core.ts';
import type { Dispatch } from '../../src/shared/contract/dispatch.ts';

const FAST_KDF = { kdf: { algorithm: 'argon2id' as const, memoryKiB: 1024, iterations: 1, parallelism: 1 } };
const POLL_MS = 15_000;

describe('the core dispatch and the idle auto-lock', () => {
  const createAppDispatch = createCoreDispatch;
  let dir: string;
  let core: Core;
  let dispatch: Dispatch;
  let autoLocked: number;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    dir = await mkdtemp(join(tmpdir(), 'embargo-idle-'));
    autoLocked = 0;
    core = createCore({ vaultDir: join(dir, 'vault'), createOptions: FAST_KDF, onAutoLock: () => (autoLocked += 1) });
    dispatch = createAppDispatch(core);
    expect(await dispatch('vault.create', { passphrase: 'idle lock passphrase' })).toMatchObject({ ok: true });
  });

  afterEach(async () => {
    vi.useRealTimers();
    await core.lock();
    await rm(dir, { recursive: true, force: true });
  });

  async function pollFor(minutes: number): Promise<void> {
    for (let elapsed = 0; elapsed < minutes * 60_000; elapsed += POLL_MS) {
      await vi.advanceTimersByTimeAsync(POLL_MS);
      await dispatch('app.state', {});
    }
  }

  it('locks after the idle time although app.state is polled all along', async () => {
    await pollFor(9.5);
    expect(await dispatch('app.state', {})).toMatchObject({ value: { unlocked: true } });
    await pollFor(1);
    await vi.waitFor(() => expect(autoLocked).toBe(1));
    expect(await dispatch('app.state', {})).toMatchObject({ value: { unlocked: false } });
  });

  it('puts the lock off on every real call', async () => {
    await pollFor(9.5);
    expect(await dispatch('case.list', {})).toMatchObject({ ok: true });
    await pollFor(9.5);
    expect(await dispatch('app.state', {})).toMatchObject({ value: { unlocked: true } });
    expect(autoLocked).toBe(0);
  });
});
