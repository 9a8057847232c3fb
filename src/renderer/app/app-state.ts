import { call } from '../lib/api.ts';
import { useUi } from './store.ts';

/** Asks the core where the vault is and whether it is open, and updates the screen to match. */
export async function refreshAppState(): Promise<void> {
  const result = await call('app.state', {});
  const ui = useUi.getState();
  if (result.ok) ui.appStateLoaded(result.value);
  else if (ui.phase === 'starting') ui.coreUnreachable(result.error.message);
}
