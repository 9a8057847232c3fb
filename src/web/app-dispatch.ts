// The dispatch browser mode serves: the shared one, with every call counting as activity for the
// idle auto-lock — except the renderer's periodic `app.state` poll, which would otherwise keep
// an unattended vault open forever. (Electron main makes the same exception: src/main/app-dispatch.ts)
import type { Core } from '../core/create-core.ts';
import { createDispatch, type Dispatch } from '../shared/contract/dispatch.ts';

/** Methods a front end calls on its own (polling), not because someone is at the keyboard. */
export const PASSIVE_METHODS: ReadonlySet<string> = new Set(['app.state']);

export function createAppDispatch(core: Pick<Core, 'handlers' | 'touch'>): Dispatch {
  return createDispatch(core.handlers, {
    onCall: (method) => {
      if (!PASSIVE_METHODS.has(method)) core.touch();
    },
  });
}
