// CVSS v3.0 and v3.1 scores: base, temporal and environmental, with the equations and weights
// of section 7 of each specification, evaluated in the specification's order of operations
// (floating point, as FIRST's own calculators do), and each version's rounding:
// - 3.1: Roundup as Appendix A defines it, on an integer of the input times 100,000, so that
//   binary floating-point noise (4.000000000000001) does not push a score up a tenth;
// - 3.0: the original definition, the smallest one-decimal number >= the input, computed as
//   FIRST's v3.0 calculator does, ceil(x * 10) / 10. Scores published under 3.0 were computed
//   this way, noise included; a 3.0 vector must keep the score it had.
import { cvssSeverity, type CvssSeverity } from '../../shared/cvss-metrics.ts';

export interface V3Scores {
  baseScore: number;
  temporalScore: number;
  environmentalScore: number;
  baseSeverity: CvssSeverity;
  temporalSeverity: CvssSeverity;
  environmentalSeverity: CvssSeverity;
  /** The most specific score the vector defines: environmental, else temporal, else base. */
  score: number;
  severity: CvssSeverity;
}

type Metrics = Readonly<Record<string, string>>;

const ATTACK_VECTOR: Record<string, number> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const ATTACK_COMPLEXITY: Record<string, number> = { L: 0.77, H: 0.44 };
const PRIVILEGES_SCOPE_UNCHANGED: Record<string, number> = { N: 0.85, L: 0.62, H: 0.27 };
const PRIVILEGES_SCOPE_CHANGED: Record<string, number> = { N: 0.85, L: 0.68, H: 0.5 };
const USER_INTERACTION: Record<string, number> = { N: 0.85, R: 0.62 };
const IMPACT: Record<string, number> = { H: 0.56, L: 0.22, N: 0 };
const EXPLOIT_CODE_MATURITY: Record<string, number> = { X: 1, H: 1, F: 0.97, P: 0.94, U: 0.91 };
const REMEDIATION_LEVEL: Record<string, number> = { X: 1, U: 1, W: 0.97, T: 0.96, O: 0.95 };
const REPORT_CONFIDENCE: Record<string, number> = { X: 1, C: 1, R: 0.96, U: 0.92 };
const REQUIREMENT: Record<string, number> = { X: 1, H: 1.5, M: 1, L: 0.5 };

const TEMPORAL_KEYS = ['E', 'RL', 'RC'];
const ENVIRONMENTAL_KEYS = ['CR', 'IR', 'AR', 'MAV', 'MAC', 'MPR', 'MUI', 'MS', 'MC', 'MI', 'MA'];

/** CVSS v3.1 Appendix A. */
export function roundUp31(input: number): number {
  const intInput = Math.round(input * 100000);
  if (intInput % 10000 === 0) return intInput / 100000;
  return (Math.floor(intInput / 10000) + 1) / 10;
}

/** CVSS v3.0 section 7.4 as FIRST's v3.0 calculator implements it. */
export function roundUp30(input: number): number {
  return Math.ceil(input * 10) / 10;
}

function weight(table: Record<string, number>, code: string | undefined): number {
  const value = code === undefined ? undefined : table[code];
  // The parser admits only values the tables know; reaching this is a bug, not bad input.
  if (value === undefined) throw new Error(`no CVSS v3 weight for ${String(code)}`);
  return value;
}

/** A modified base metric's effective value: the base value when Not Defined. */
function modifiedOr(metrics: Metrics, key: string): string | undefined {
  const value = metrics[`M${key}`];
  return value === undefined || value === 'X' ? metrics[key] : value;
}

function defines(metrics: Metrics, keys: string[]): boolean {
  return keys.some((key) => metrics[key] !== undefined && metrics[key] !== 'X');
}

export function scoreV3(version: '3.0' | '3.1', metrics: Metrics, roundUp: (x: number) => number = version === '3.1' ? roundUp31 : roundUp30): V3Scores {

  // Base (section 7.1)
  const scopeChanged = metrics.S === 'C';
  const iss = 1 - (1 - weight(IMPACT, metrics.C)) * (1 - weight(IMPACT, metrics.I)) * (1 - weight(IMPACT, metrics.A));
  const impact = scopeChanged ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const privileges = scopeChanged ? PRIVILEGES_SCOPE_CHANGED : PRIVILEGES_SCOPE_UNCHANGED;
  const exploitability =
    8.22 *
    weight(ATTACK_VECTOR, metrics.AV) *
    weight(ATTACK_COMPLEXITY, metrics.AC) *
    weight(privileges, metrics.PR) *
    weight(USER_INTERACTION, metrics.UI);
  let baseScore = 0;
  if (impact > 0) {
    baseScore = scopeChanged ? roundUp(Math.min(1.08 * (impact + exploitability), 10)) : roundUp(Math.min(impact + exploitability, 10));
  }

  // Temporal (section 7.2)
  const e = weight(EXPLOIT_CODE_MATURITY, metrics.E ?? 'X');
  const rl = weight(REMEDIATION_LEVEL, metrics.RL ?? 'X');
  const rc = weight(REPORT_CONFIDENCE, metrics.RC ?? 'X');
  const temporalScore = roundUp(baseScore * e * rl * rc);

  // Environmental (section 7.3)
  const modifiedScopeChanged = modifiedOr(metrics, 'S') === 'C';
  const miss = Math.min(
    1 -
      (1 - weight(REQUIREMENT, metrics.CR ?? 'X') * weight(IMPACT, modifiedOr(metrics, 'C'))) *
        (1 - weight(REQUIREMENT, metrics.IR ?? 'X') * weight(IMPACT, modifiedOr(metrics, 'I'))) *
        (1 - weight(REQUIREMENT, metrics.AR ?? 'X') * weight(IMPACT, modifiedOr(metrics, 'A'))),
    0.915,
  );
  let modifiedImpact: number;
  if (!modifiedScopeChanged) modifiedImpact = 6.42 * miss;
  else if (version === '3.1') modifiedImpact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss * 0.9731 - 0.02, 13);
  else modifiedImpact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss - 0.02, 15);
  const modifiedPrivileges = modifiedScopeChanged ? PRIVILEGES_SCOPE_CHANGED : PRIVILEGES_SCOPE_UNCHANGED;
  const modifiedExploitability =
    8.22 *
    weight(ATTACK_VECTOR, modifiedOr(metrics, 'AV')) *
    weight(ATTACK_COMPLEXITY, modifiedOr(metrics, 'AC')) *
    weight(modifiedPrivileges, modifiedOr(metrics, 'PR')) *
    weight(USER_INTERACTION, modifiedOr(metrics, 'UI'));
  let environmentalScore = 0;
  if (modifiedImpact > 0) {
    const adjusted = modifiedScopeChanged
      ? roundUp(Math.min(1.08 * (modifiedImpact + modifiedExploitability), 10))
      : roundUp(Math.min(modifiedImpact + modifiedExploitability, 10));
    environmentalScore = roundUp(adjusted * e * rl * rc);
  }

  const score = defines(metrics, ENVIRONMENTAL_KEYS) ? environmentalScore : defines(metrics, TEMPORAL_KEYS) ? temporalScore : baseScore;
  return {
    baseScore,
    temporalScore,
    environmentalScore,
    baseSeverity: cvssSeverity(baseScore),
    temporalSeverity: cvssSeverity(temporalScore),
    environmentalSeverity: cvssSeverity(environmentalScore),
    score,
    severity: cvssSeverity(score),
  };
}
