// IPC channel names. The preload declares the same strings (it may not import main);
// test/main/channels.test.ts keeps the two copies equal.

/** The one channel for contract calls: (method, input) → Result. */
export const CALL_CHANNEL = 'embargo:call';
/** Main → renderer: the vault was locked behind the renderer's back (suspend, screen lock, idle). */
export const LOCKED_CHANNEL = 'embargo:vault-locked';
