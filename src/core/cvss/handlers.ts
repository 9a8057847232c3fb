import type { Handlers } from '../../shared/contract/index.ts';
import type { CvssResult } from '../../shared/contract/cvss.ts';
import { tryScoreVector } from './score-vector.ts';

type CvssHandlers = Pick<Handlers, 'cvss.score'>;

export function scoreVectors(vectors: readonly string[]): CvssResult[] {
  return vectors.map((vector): CvssResult => {
    const outcome = tryScoreVector(vector);
    if (!outcome.ok) return { ok: false, vector, error: { code: outcome.error.code, message: outcome.error.message } };
    return { ok: true, ...outcome.value, metrics: { ...outcome.value.metrics } };
  });
}

/** Scoring needs no session: it works whether the vault is locked or not. */
export function cvssHandlers(): CvssHandlers {
  return {
    'cvss.score': async ({ vectors }) => ({ results: scoreVectors(vectors) }),
  };
}
