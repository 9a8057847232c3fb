// The dispatch every front end binds (Electron IPC, browser mode, the CLI): the shared one,
// with every call counting as activity for the idle auto-lock — except methods the contract
// marks `passive` (the renderer's periodic `app.state` poll), which would otherwise keep an
// unattended vault open forever. A locked vault answers `VaultLocked` for every method the
// contract does not mark `allowWhenLocked`.
import { createDispatch, type Dispatch } from '../shared/contract/dispatch.ts';
import { contract, isMethodName } from '../shared/contract/index.ts';
import type { Core } from './create-core.ts';

export function createCoreDispatch(core: Pick<Core, 'handlers' | 'touch' | 'isUnlocked'>): Dispatch {
  return createDispatch(core.handlers, {
    onCall: (method) => {
      const spec = isMethodName(method) ? contract[method] : undefined;
      if (!spec || !('passive' in spec && spec.passive)) core.touch();
    },
    isLocked: () => !core.isUnlocked(),
  });
}
