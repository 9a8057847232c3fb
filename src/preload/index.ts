// The preload exposes exactly one thing to the page: `window.api`, the typed contract client,
// whose transport is one invoke on one channel. Never raw ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { createClient } from '../shared/contract/client.ts';
import type { Result } from '../shared/errors.ts';
import { CALL_CHANNEL, LOCKED_CHANNEL, LOCKED_DOM_EVENT } from './channels.ts';

const transport = (method: string, input: unknown): Promise<Result<unknown>> =>
  ipcRenderer.invoke(CALL_CHANNEL, method, input) as Promise<Result<unknown>>;

contextBridge.exposeInMainWorld('api', createClient(transport));

// Main tells us when it locked the vault (suspend, screen lock, idle). The page shares the DOM
// with this isolated world, so a plain event reaches it without exposing anything else.
ipcRenderer.on(LOCKED_CHANNEL, () => {
  (globalThis as unknown as EventTarget).dispatchEvent(new Event(LOCKED_DOM_EVENT));
});
