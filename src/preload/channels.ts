// The same strings as src/main/channels.ts: the preload may not import main, so the two copies
// are kept equal by test/main/channels.test.ts.
export const CALL_CHANNEL = 'embargo:call';
export const LOCKED_CHANNEL = 'embargo:vault-locked';
/** The DOM event the page hears when main locked the vault (it carries no data). */
export const LOCKED_DOM_EVENT = 'embargo:vault-locked';
