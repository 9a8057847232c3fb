// Fetches one contract method's value for a component, again whenever the input or the UI's
// data revision changes. The value lives in the component, not in a store. While it reloads
// the same input, the previous value stays on screen (no flicker); for a new input it does not.
import { useCallback, useEffect, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract/index.ts';
import type { ErrorInfo } from '../../shared/errors.ts';
import { call } from './api.ts';

export type QueryState<T> =
  | { status: 'loading'; value: T | null; error: null }
  | { status: 'ok'; value: T; error: null }
  | { status: 'error'; value: null; error: ErrorInfo };

export function useQuery<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  revision: number,
): QueryState<OutputOf<M>> & { reload(): void } {
  const key = `${method} ${JSON.stringify(input)}`;
  const [entry, setEntry] = useState<{ key: string; state: QueryState<OutputOf<M>> }>({
    key,
    state: { status: 'loading', value: null, error: null },
  });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let current = true;
    const parsedInput = JSON.parse(key.slice(method.length + 1)) as InputOf<M>;
    setEntry((previous) => ({
      key,
      state: { status: 'loading', value: previous.key === key ? previous.state.value : null, error: null },
    }));
    void call(method, parsedInput).then((result) => {
      if (!current) return;
      setEntry({
        key,
        state: result.ok ? { status: 'ok', value: result.value, error: null } : { status: 'error', value: null, error: result.error },
      });
    });
    return () => {
      current = false;
    };
  }, [method, key, revision, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const state: QueryState<OutputOf<M>> = entry.key === key ? entry.state : { status: 'loading', value: null, error: null };
  return { ...state, reload };
}
