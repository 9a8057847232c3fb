// Main, the preload and the renderer each spell the IPC channel and the lock event; they may
// not import each other, so this test keeps the copies equal.
import { describe, expect, it } from 'vitest';
import * as mainChannels from '../../src/main/channels.ts';
import * as preloadChannels from '../../src/preload/channels.ts';
import { LOCKED_DOM_EVENT as rendererLockEvent } from '../../src/renderer/lib/api.ts';

describe('IPC channel names', () => {
  it('are the same in main and in the preload', () => {
    expect(preloadChannels.CALL_CHANNEL).toBe(mainChannels.CALL_CHANNEL);
    expect(preloadChannels.LOCKED_CHANNEL).toBe(mainChannels.LOCKED_CHANNEL);
  });

  it('the lock event the preload dispatches is the one the renderer listens for', () => {
    expect(rendererLockEvent).toBe(preloadChannels.LOCKED_DOM_EVENT);
  });
});
