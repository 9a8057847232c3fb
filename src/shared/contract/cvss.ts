import { z } from 'zod';
import { method } from './define.ts';

export const cvssVersion = z.enum(['3.0', '3.1', '4.0']);
export const cvssSeverity = z.enum(['None', 'Low', 'Medium', 'High', 'Critical']);
const score = z.number().min(0).max(10);

/** A vector's scores. v3 vectors carry the three group scores; v4.0 vectors their nomenclature. */
export const cvssScored = z.strictObject({
  ok: z.literal(true),
  vector: z.string(),
  version: cvssVersion,
  /** The call: the most specific score the vector defines (v3: environmental, temporal or base). */
  score,
  severity: cvssSeverity,
  /** The metrics the vector sets, by abbreviation (what a calculator fills in from a pasted vector). */
  metrics: z.record(z.string(), z.string()),
  baseScore: score.optional(),
  temporalScore: score.optional(),
  environmentalScore: score.optional(),
  baseSeverity: cvssSeverity.optional(),
  temporalSeverity: cvssSeverity.optional(),
  environmentalSeverity: cvssSeverity.optional(),
  nomenclature: z.enum(['CVSS-B', 'CVSS-BT', 'CVSS-BE', 'CVSS-BTE']).optional(),
  macroVector: z.string().regex(/^\d{6}$/).optional(),
});
export type CvssScored = z.infer<typeof cvssScored>;

export const cvssInvalid = z.strictObject({
  ok: z.literal(false),
  vector: z.string(),
  error: z.strictObject({ code: z.string(), message: z.string() }),
});

export const cvssResult = z.discriminatedUnion('ok', [cvssScored, cvssInvalid]);
export type CvssResult = z.infer<typeof cvssResult>;

import { CVSS_BATCH_LIMIT, CVSS_INPUT_MAX_LENGTH } from './cvss-limits.ts';

export { CVSS_BATCH_LIMIT, CVSS_INPUT_MAX_LENGTH };

export const cvssMethods = {
  'cvss.score': method({
    summary: 'Score CVSS v3.0, v3.1 and v4.0 vectors; each invalid vector gets its own error.',
    input: z.strictObject({ vectors: z.array(z.string().max(CVSS_INPUT_MAX_LENGTH)).min(1).max(CVSS_BATCH_LIMIT) }),
    output: z.strictObject({ results: z.array(cvssResult) }),
    // Scoring reads nothing from the vault.
    allowWhenLocked: true,
  }),
} as const;
