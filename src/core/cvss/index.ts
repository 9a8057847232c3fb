// CVSS v3.0, v3.1 and v4.0: strict parsing and FIRST's scoring. The case engine turns the Fix
// Lead's vector into the recorded call with scoreCvssCall.
import type { CaseRecord } from '../../shared/contract/index.ts';
import { scoreVector } from './score-vector.ts';

export { parseVector, type ParsedVector } from './parse-vector.ts';
export { scoreVector, tryScoreVector, type ScoredVector, type ScoredV3, type ScoredV4, type VectorOutcome } from './score-vector.ts';
export { roundUp30, roundUp31 } from './score-v3.ts';

/** The recorded call for a vector; throws EmbargoError('InvalidVector') when it is not valid. */
export function scoreCvssCall(vector: string): NonNullable<CaseRecord['cvss']> {
  const scored = scoreVector(vector);
  return { version: scored.version, vector: scored.vector, score: scored.score, severity: scored.severity };
}
