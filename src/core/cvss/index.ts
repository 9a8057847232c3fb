// PLACEHOLDER until the CVSS module lands (issue 4): the case engine calls scoreCvssCall to turn
// the Fix Lead's vector into the recorded call. It must throw EmbargoError('InvalidVector') for
// a vector that is not valid.
import { EmbargoError } from '../../shared/errors.ts';
import type { CaseRecord } from '../../shared/contract/index.ts';

export function scoreCvssCall(vector: string): NonNullable<CaseRecord['cvss']> {
  throw new EmbargoError('InvalidVector', `CVSS scoring is not available yet; cannot score ${vector}.`, { vector });
}
