// One entry point from a vector string to its scores: the strict parser decides validity, then
// the version's equations score it.
import type { CvssSeverity, CvssVersion } from '../../shared/cvss-metrics.ts';
import { EmbargoError, toErrorInfo, type ErrorInfo } from '../../shared/errors.ts';
import { parseVector } from './parse-vector.ts';
import { scoreV3, type V3Scores } from './score-v3.ts';
import { scoreV4, type V4Nomenclature } from './score-v4.ts';

interface ScoredCommon {
  vector: string;
  version: CvssVersion;
  score: number;
  severity: CvssSeverity;
  /** The metrics the vector sets, by key. */
  metrics: Readonly<Record<string, string>>;
}

export type ScoredV3 = ScoredCommon & { version: '3.0' | '3.1' } & Omit<V3Scores, 'score' | 'severity'>;
export type ScoredV4 = ScoredCommon & { version: '4.0'; nomenclature: V4Nomenclature; macroVector: string };
export type ScoredVector = ScoredV3 | ScoredV4;

/** Scores a vector, or throws EmbargoError('InvalidVector'). */
export function scoreVector(vector: unknown): ScoredVector {
  const parsed = parseVector(vector);
  if (parsed.version === '4.0') {
    const v4 = scoreV4(parsed.metrics);
    return { vector: parsed.vector, version: '4.0', metrics: parsed.metrics, ...v4 };
  }
  const v3 = scoreV3(parsed.version, parsed.metrics);
  return { vector: parsed.vector, version: parsed.version, metrics: parsed.metrics, ...v3 };
}

export type VectorOutcome = { ok: true; value: ScoredVector } | { ok: false; vector: string; error: ErrorInfo };

/** Like scoreVector, but an invalid vector is a value, not a throw (for batches). */
export function tryScoreVector(vector: string): VectorOutcome {
  try {
    return { ok: true, value: scoreVector(vector) };
  } catch (error) {
    if (error instanceof EmbargoError) return { ok: false, vector, error: error.toInfo() };
    return { ok: false, vector, error: toErrorInfo(error) };
  }
}
