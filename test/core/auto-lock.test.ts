import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshVault } from '../helpers/core.ts';

/** Lets real I/O (the lock file's removal) finish while timers are faked. */
async function settle(until: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000; // Date is not faked: this is wall time
  while (!until() && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('auto-lock after idle time', () => {
  it('locks after the configured minutes without calls, and activity postpones it', async () => {
    let autoLocked = 0;
    const vault = await freshVault({ onAutoLock: () => (autoLocked += 1) });
    try {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      await vault.call('vault.setIdleLock', { minutes: 2 });
      expect((await vault.call('app.state', {})).idleLockMinutes).toBe(2);

      await vi.advanceTimersByTimeAsync(90_000);
      await vault.call('case.list', {}); // activity resets the clock
      await vi.advanceTimersByTimeAsync(90_000);
      expect((await vault.call('app.state', {})).unlocked).toBe(true);

      await vi.advanceTimersByTimeAsync(121_000);
      await settle(() => autoLocked > 0);
      expect(autoLocked).toBe(1);
      const state = await vault.call('app.state', {});
      expect(state.unlocked).toBe(false);
      const refused = await vault.result('case.list', {});
      expect(refused.ok ? 'ok' : refused.error.code).toBe('VaultLocked');
    } finally {
      vi.useRealTimers();
      await vault.cleanup();
    }
  });

  it('defaults to 10 minutes and keeps the setting in the vault', async () => {
    const vault = await freshVault();
    try {
      expect((await vault.call('vault.status', {})).idleLockMinutes).toBe(10);
      await vault.call('vault.setIdleLock', { minutes: 25 });
      expect((await vault.call('vault.status', {})).idleLockMinutes).toBe(25);
    } finally {
      await vault.cleanup();
    }
  });
});
