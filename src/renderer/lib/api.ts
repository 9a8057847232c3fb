// The only module that touches `window.api` (installed by the Electron preload, or by the
// browser-mode entry). Every call goes through `call`, which never throws and reports a
// VaultLocked error to whoever listens, so an auto-lock anywhere shows the unlock screen.
import type { ApiClient, InputOf, MethodName, OutputOf } from '../../shared/contract/index.ts';
import type { ErrorInfo, Result } from '../../shared/errors.ts';

declare global {
  interface Window {
    api?: ApiClient;
  }
}

/** Dispatched on window by the Electron preload when main locked the vault (suspend, screen lock, idle). */
export const LOCKED_DOM_EVENT = 'embargo:vault-locked';

type LockListener = () => void;
const lockListeners = new Set<LockListener>();

function reportLocked(): void {
  for (const listener of lockListeners) listener();
}

/** Subscribes to "the vault turned out to be locked"; returns the unsubscribe function. */
export function onVaultLocked(listener: LockListener): () => void {
  lockListeners.add(listener);
  window.addEventListener(LOCKED_DOM_EVENT, listener);
  return () => {
    lockListeners.delete(listener);
    window.removeEventListener(LOCKED_DOM_EVENT, listener);
  };
}

/** Browser mode installs its fetch client here; in Electron the preload has installed it already. */
export function installApi(client: ApiClient): void {
  window.api = client;
}

export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>> {
  const api = window.api;
  if (!api) {
    return { ok: false, error: { code: 'Internal', message: 'The app cannot reach its core: no API was installed in this window.' } };
  }
  let result: Result<OutputOf<M>>;
  try {
    result = await api.call(method, input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = { ok: false, error: { code: 'Internal', message: `The app cannot reach its core: ${message}` } };
  }
  if (!result.ok && result.error.code === 'VaultLocked') reportLocked();
  return result;
}

/** Like `call`, for places that only go on with a value: throws an ApiError otherwise. */
export async function callOrThrow<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await call(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export class ApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}
