import type { ReactElement } from 'react';
import { formatCountdown, formatLocal, formatUtc, localDiffersFromUtc } from '../lib/time.ts';

interface TimePairProps {
  iso: string;
  /** Deadlines show how long is left ("due in 2 d 4 h"). */
  countdown?: boolean;
}

/**
 * An instant in UTC with the local time (zone labelled) under it, left out where the local zone
 * is UTC; the machine-readable value in <time>.
 */
export function TimePair({ iso, countdown = false }: TimePairProps): ReactElement {
  return (
    <time className="time-pair" dateTime={iso}>
      <span>{formatUtc(iso)}</span>
      {localDiffersFromUtc(iso) ? <span className="time-pair__local">{formatLocal(iso)}</span> : null}
      {countdown ? <span className="time-pair__countdown">{formatCountdown(iso)}</span> : null}
    </time>
  );
}
