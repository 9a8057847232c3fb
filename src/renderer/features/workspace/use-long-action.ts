// A workspace call that may take long (importing a large repository, building branches,
// exporting): busy with the time it started, the core's error when it fails, the lists
// refreshed when it succeeds.
import { useState } from 'react';
import type { ErrorInfo, Result } from '../../../shared/errors.ts';
import { useUi } from '../../app/store.ts';

export interface LongAction {
  /** When the running call started (ms since the epoch), or null when idle. */
  startedAt: number | null;
  busy: boolean;
  error: ErrorInfo | null;
  run<T>(call: () => Promise<Result<T>>): Promise<T | null>;
  clearError(): void;
}

export function useLongAction(): LongAction {
  const dataChanged = useUi((ui) => ui.dataChanged);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  async function run<T>(call: () => Promise<Result<T>>): Promise<T | null> {
    setStartedAt(Date.now());
    setError(null);
    const result = await call();
    setStartedAt(null);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    dataChanged();
    return result.value;
  }
  return { startedAt, busy: startedAt !== null, error, run, clearError: () => setError(null) };
}
