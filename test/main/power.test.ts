// The vault locks when the system suspends or the screen locks, and the renderer is told.
import { describe, expect, it, vi } from 'vitest';

const monitor = vi.hoisted(() => ({ events: new Map<string, () => void>() }));
vi.mock('electron', () => ({ powerMonitor: { on: (event: string, handler: () => void) => monitor.events.set(event, handler) } }));

import { lockOnSuspend } from '../../src/main/power.ts';

describe('lockOnSuspend', () => {
  it.each(['suspend', 'lock-screen'])('locks on %s, then notifies', async (event) => {
    const order: string[] = [];
    const lock = vi.fn(async () => {
      order.push('lock');
    });
    const notify = vi.fn(() => order.push('notify'));
    lockOnSuspend(lock, notify);
    monitor.events.get(event)?.();
    await vi.waitFor(() => expect(notify).toHaveBeenCalled());
    expect(order).toEqual(['lock', 'notify']);
  });
});
