// One change made from a form: busy while it runs, the core's error when it fails (its message
// says what to do), and every list and page fetched again when it succeeds.
import { useState } from 'react';
import type { Result } from '../../../shared/errors.ts';
import { useUi } from '../../app/store.ts';

export interface Action {
  busy: boolean;
  error: string | null;
  setError(message: string | null): void;
  /** Runs the call; returns its value, or null when it failed (the error is then shown). */
  run<T>(call: () => Promise<Result<T>>): Promise<T | null>;
}

export function useAction(): Action {
  const dataChanged = useUi((ui) => ui.dataChanged);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run<T>(call: () => Promise<Result<T>>): Promise<T | null> {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return null;
    }
    dataChanged();
    return result.value;
  }
  return { busy, error, setError, run };
}
