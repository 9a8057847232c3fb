// What a long call shows while it runs: an indeterminate bar and the time elapsed. The core
// cannot report progress across IPC, so the bar says "working", not "how far".
import { useEffect, useState, type ReactElement } from 'react';
import { formatElapsed } from './matrix.ts';

export function LongRun({ label, startedAt }: { label: string; startedAt: number }): ReactElement {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="long-run" role="status" aria-live="polite">
      <div className="long-run__bar" role="progressbar" aria-label={label} aria-busy="true">
        <span className="long-run__fill" />
      </div>
      <span className="long-run__text">
        {label} <span className="long-run__elapsed">{formatElapsed(now - startedAt)}</span>
      </span>
    </div>
  );
}
