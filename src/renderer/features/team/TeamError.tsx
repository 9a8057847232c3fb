// A failed team operation: the core's message (what went wrong) and, below it, what to do.
import type { ReactElement } from 'react';
import type { ErrorInfo } from '../../../shared/errors.ts';
import { Notice } from '../../components/Notice.tsx';
import { adviceFor } from './team-format.ts';

export function TeamError({ error }: { error: ErrorInfo }): ReactElement {
  const advice = adviceFor(error);
  return (
    <Notice tone="error">
      <p>{error.message}</p>
      {advice ? <p className="team-error__advice">{advice}</p> : null}
    </Notice>
  );
}
