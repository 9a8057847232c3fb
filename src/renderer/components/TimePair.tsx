import type { ReactElement } from 'react';
import { formatLocal, formatUtc } from '../lib/time.ts';

/** An instant in UTC with the local time under it; the machine-readable value in <time>. */
export function TimePair({ iso }: { iso: string }): ReactElement {
  return (
    <time className="time-pair" dateTime={iso}>
      <span>{formatUtc(iso)}</span>
      <span className="time-pair__local">{formatLocal(iso)}</span>
    </time>
  );
}
