// Which screen is shown: starting, first run, unlock, or the app. It asks the core for its
// state at start and every 15 s, and goes to the unlock screen whenever a call finds the vault
// locked (idle auto-lock, system suspend, screen lock).
import { useEffect, type ReactElement } from 'react';
import { onVaultLocked } from '../lib/api.ts';
import { FirstRunScreen } from '../features/vault/FirstRunScreen.tsx';
import { UnlockScreen } from '../features/vault/UnlockScreen.tsx';
import { AuthLayout } from '../features/vault/AuthLayout.tsx';
import { Notice } from '../components/Notice.tsx';
import { Shell } from './Shell.tsx';
import { refreshAppState } from './app-state.ts';
import { useUi } from './store.ts';

export const STATE_POLL_MS = 15_000;

export function App(): ReactElement {
  const phase = useUi((ui) => ui.phase);
  const startError = useUi((ui) => ui.startError);

  useEffect(() => {
    void refreshAppState();
    const timer = window.setInterval(() => void refreshAppState(), STATE_POLL_MS);
    const unsubscribe = onVaultLocked(() => {
      useUi.getState().vaultLocked('auto');
      void refreshAppState();
    });
    return () => {
      window.clearInterval(timer);
      unsubscribe();
    };
  }, []);

  switch (phase) {
    case 'starting':
      return <div className="centered-status" aria-busy="true">Opening Embargo…</div>;
    case 'unreachable':
      return (
        <AuthLayout title="Embargo cannot start" lead="The window could not reach the Embargo core.">
          <Notice tone="error">{startError ?? 'The core did not answer.'}</Notice>
        </AuthLayout>
      );
    case 'first-run':
      return <FirstRunScreen />;
    case 'locked':
      return <UnlockScreen />;
    case 'unlocked':
      return <Shell />;
  }
}
