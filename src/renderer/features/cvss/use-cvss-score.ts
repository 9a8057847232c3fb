// The core's score for the vector on screen (cvss.score: the core alone decides what is valid
// and how it scores). Only the answer for the latest vector is kept, so a slow answer for an
// older vector never overwrites a newer one; while a new answer is on its way the last one
// stays on screen, marked pending, so the score does not flicker between clicks.
import { useEffect, useState } from 'react';
import type { CvssResult } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';

export interface ScoreView {
  /** The latest answer (for `vector`, unless pending). */
  result: CvssResult | null;
  /** An answer for the current vector is still on its way. */
  pending: boolean;
  /** The call itself failed (not: the vector is invalid, which is a result). */
  error: string | null;
}

export function useCvssScore(vector: string | null): ScoreView {
  const [answer, setAnswer] = useState<{ vector: string; result: CvssResult | null; error: string | null } | null>(null);

  useEffect(() => {
    if (vector === null) return;
    let current = true;
    void scoreOnce(vector).then((outcome) => {
      if (!current) return;
      setAnswer('error' in outcome && outcome.error.code === 'CallFailed' ? { vector, result: null, error: outcome.error.message } : { vector, result: outcome, error: null });
    });
    return () => {
      current = false;
    };
  }, [vector]);

  if (vector === null) return { result: null, pending: false, error: null };
  return { result: answer?.result ?? null, pending: answer?.vector !== vector, error: answer?.vector === vector ? answer.error : null };
}

/** Scores one vector: its result (valid or not), or CallFailed when the core did not answer. */
export async function scoreOnce(vector: string): Promise<CvssResult> {
  const outcome = await call('cvss.score', { vectors: [vector] });
  if (!outcome.ok) return { ok: false, vector, error: { code: 'CallFailed', message: outcome.error.message } };
  return outcome.value.results[0] ?? { ok: false, vector, error: { code: 'CallFailed', message: 'The core returned no score.' } };
}
