// One change made from a form or a button: busy while it runs, the core's error (its message
// says what to do) when it fails, and every list fetched again when it succeeds. The error's
// code is kept too, for the few flows that branch on it (a key that needs its passphrase).
import { useCallback, useState } from 'react';
import type { ErrorInfo, Result } from '../../../shared/errors.ts';
import { useUi } from '../../app/store.ts';

export interface Action {
  busy: boolean;
  error: ErrorInfo | null;
  setError(error: ErrorInfo | null): void;
  /** Runs the call; returns its value, or null when it failed (the error is then shown). */
  run<T>(call: () => Promise<Result<T>>): Promise<T | null>;
}

export function useAction(): Action {
  const dataChanged = useUi((ui) => ui.dataChanged);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const run = useCallback(
    async <T,>(call: () => Promise<Result<T>>): Promise<T | null> => {
      setBusy(true);
      setError(null);
      const result = await call();
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      dataChanged();
      return result.value;
    },
    [dataChanged],
  );
  return { busy, error, setError, run };
}
