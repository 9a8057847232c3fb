// The CVSS v4.0 score (specification section 8.2, "CVSS v4.0 Scoring"): the vector's
// MacroVector gives the score of its highest-severity vector; the score then moves down by the
// mean, over the equivalence classes that have a lower MacroVector, of (score gap to that lower
// MacroVector) × (the vector's severity distance from the highest-severity vector / the class
// depth). Rounded to one decimal, half up.
//
// FIRST's reference calculator did this in binary floating point, and some x.x5 ties came out a
// hair below (8.6 - 7.2 = 1.3999999999999995), rounding down; its published fix (Red Hat
// cvss-v4-calculator #67, 2024-11-01) lifts values by 1e-6 before rounding. Every quantity here
// is a rational with a small denominator, so we compute it exactly with integers instead and
// round exact ties up: the result is the one the fix intends, with no epsilon to reason about.
import { cvssSeverity, type CvssSeverity } from '../../shared/cvss-metrics.ts';
import { MACROVECTOR_SCORE_TENTHS, MAX_SEVERITY_STEPS, MAX_VECTORS, METRIC_LEVEL, type PartialVector } from './v4-tables.ts';

export type V4Nomenclature = 'CVSS-B' | 'CVSS-BT' | 'CVSS-BE' | 'CVSS-BTE';

export interface V4Score {
  score: number;
  severity: CvssSeverity;
  nomenclature: V4Nomenclature;
  /** The six EQ levels, e.g. "001100". */
  macroVector: string;
}

type Metrics = Readonly<Record<string, string>>;

const ENVIRONMENTAL_KEYS = ['CR', 'IR', 'AR', 'MAV', 'MAC', 'MAT', 'MPR', 'MUI', 'MVC', 'MVI', 'MVA', 'MSC', 'MSI', 'MSA'];
const IMPACT_KEYS = ['VC', 'VI', 'VA', 'SC', 'SI', 'SA'];
const DISTANCE_KEYS = Object.keys(METRIC_LEVEL);

/** Not Defined threat and requirement metrics take their worst case; modified metrics override base ones. */
function effectiveValues(metrics: Metrics): Record<string, string> {
  const effective: Record<string, string> = {};
  const defined = (key: string) => (metrics[key] === undefined || metrics[key] === 'X' ? undefined : metrics[key]);
  for (const key of ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA']) {
    effective[key] = defined(`M${key}`) ?? (metrics[key] as string);
  }
  effective.E = defined('E') ?? 'A';
  for (const key of ['CR', 'IR', 'AR']) effective[key] = defined(key) ?? 'H';
  return effective;
}

function equivalenceClasses(v: Record<string, string>): [number, number, number, number, number, number] {
  const { AV, PR, UI, AC, AT, VC, VI, VA, SC, SI, SA, E, CR, IR, AR } = v;
  const eq1 = AV === 'N' && PR === 'N' && UI === 'N' ? 0 : (AV === 'N' || PR === 'N' || UI === 'N') && AV !== 'P' ? 1 : 2;
  const eq2 = AC === 'L' && AT === 'N' ? 0 : 1;
  const eq3 = VC === 'H' && VI === 'H' ? 0 : VC === 'H' || VI === 'H' || VA === 'H' ? 1 : 2;
  const eq4 = SI === 'S' || SA === 'S' ? 0 : SC === 'H' || SI === 'H' || SA === 'H' ? 1 : 2;
  const eq5 = E === 'A' ? 0 : E === 'P' ? 1 : 2;
  const eq6 = (CR === 'H' && VC === 'H') || (IR === 'H' && VI === 'H') || (AR === 'H' && VA === 'H') ? 0 : 1;
  return [eq1, eq2, eq3, eq4, eq5, eq6];
}

function lookup(eqs: readonly number[]): number | undefined {
  return MACROVECTOR_SCORE_TENTHS[eqs.join('')];
}

function level(metric: string, value: string | undefined): number {
  const found = value === undefined ? undefined : METRIC_LEVEL[metric]?.[value];
  if (found === undefined) throw new Error(`no CVSS v4.0 level for ${metric}:${String(value)}`);
  return found;
}

/**
 * The severity distances (in steps) of the vector from the first highest-severity vector of its
 * MacroVector that it does not exceed on any metric, searched in the reference's order.
 */
function severityDistances(effective: Record<string, string>, eqs: readonly number[]): Record<string, number> {
  const [eq1, eq2, eq3, eq4, eq5, eq6] = eqs as [number, number, number, number, number, number];
  const candidates: PartialVector[][] = [
    MAX_VECTORS.eq1[eq1] as PartialVector[],
    MAX_VECTORS.eq2[eq2] as PartialVector[],
    (MAX_VECTORS.eq3eq6[eq3] as readonly PartialVector[][])[eq6] as PartialVector[],
    MAX_VECTORS.eq4[eq4] as PartialVector[],
    MAX_VECTORS.eq5[eq5] as PartialVector[],
  ];
  let distances: Record<string, number> = {};
  const search = (depth: number, composed: PartialVector): boolean => {
    if (depth === candidates.length) {
      distances = {};
      for (const key of DISTANCE_KEYS) distances[key] = level(key, effective[key]) - level(key, composed[key]);
      return Object.values(distances).every((d) => d >= 0);
    }
    for (const part of candidates[depth] as PartialVector[]) {
      if (search(depth + 1, { ...composed, ...part })) return true;
    }
    return false;
  };
  // When no candidate dominates, the reference goes on with the last candidate's distances; so do we.
  search(0, {});
  return distances;
}

/** The next lower MacroVector's score for EQ3+EQ6, which move together. */
function lowerEq3Eq6(eqs: readonly number[]): number | undefined {
  const [eq1, eq2, eq3, eq4, eq5, eq6] = eqs as [number, number, number, number, number, number];
  const at = (three: number, six: number) => lookup([eq1, eq2, three, eq4, eq5, six]);
  if (eq3 === 0 && eq6 === 0) {
    // Two lower neighbours: the higher-scoring one (if either is missing, there is none).
    const left = at(eq3, eq6 + 1);
    const right = at(eq3 + 1, eq6);
    return left === undefined || right === undefined ? undefined : Math.max(left, right);
  }
  if (eq3 === 1 && eq6 === 0) return at(eq3, eq6 + 1);
  if (eq6 === 1 && eq3 < 2) return at(eq3 + 1, eq6);
  return at(eq3 + 1, eq6 + 1);
}

/** Least common multiple of the class depths 1..10, so every proportion has an integer numerator. */
const COMMON_DEPTH = 2520;

/** The unrounded score in tenths as an exact fraction, before clamping and rounding (for tests). */
export interface V4Exact {
  numerator: number;
  denominator: number;
}

export function scoreV4(metrics: Metrics): V4Score {
  return scoreV4Exact(metrics).result;
}

export function scoreV4Exact(metrics: Metrics): { result: V4Score; exact: V4Exact } {
  const threat = metrics.E !== undefined && metrics.E !== 'X';
  const environmental = ENVIRONMENTAL_KEYS.some((key) => metrics[key] !== undefined && metrics[key] !== 'X');
  const nomenclature: V4Nomenclature = `CVSS-B${threat ? 'T' : ''}${environmental ? 'E' : ''}` as V4Nomenclature;
  const effective = effectiveValues(metrics);
  const eqs = equivalenceClasses(effective);
  const macroVector = eqs.join('');
  if (IMPACT_KEYS.every((key) => effective[key] === 'N')) {
    return { result: { score: 0, severity: 'None', nomenclature, macroVector }, exact: { numerator: 0, denominator: 1 } };
  }
  const value = lookup(eqs);
  if (value === undefined) throw new Error(`no CVSS v4.0 score for MacroVector ${macroVector}`);
  const [eq1, eq2, eq3, eq4, eq5, eq6] = eqs;
  const d = severityDistances(effective, eqs);

  // [score of the next lower MacroVector, the vector's distance, the class depth] per class.
  const classes: [number | undefined, number, number][] = [
    [lookup([eq1 + 1, eq2, eq3, eq4, eq5, eq6]), (d.AV ?? 0) + (d.PR ?? 0) + (d.UI ?? 0), MAX_SEVERITY_STEPS.eq1[eq1] as number],
    [lookup([eq1, eq2 + 1, eq3, eq4, eq5, eq6]), (d.AC ?? 0) + (d.AT ?? 0), MAX_SEVERITY_STEPS.eq2[eq2] as number],
    [
      lowerEq3Eq6(eqs),
      (d.VC ?? 0) + (d.VI ?? 0) + (d.VA ?? 0) + (d.CR ?? 0) + (d.IR ?? 0) + (d.AR ?? 0),
      (MAX_SEVERITY_STEPS.eq3eq6[eq3] as readonly number[])[eq6] as number,
    ],
    [lookup([eq1, eq2, eq3, eq4 + 1, eq5, eq6]), (d.SC ?? 0) + (d.SI ?? 0) + (d.SA ?? 0), MAX_SEVERITY_STEPS.eq4[eq4] as number],
    // EQ5 has a single value per level: its distance is always 0, but a lower level still counts.
    [lookup([eq1, eq2, eq3, eq4, eq5 + 1, eq6]), 0, 1],
  ];
  let existing = 0;
  let numerator = 0; // Σ (value − lower) × distance / depth, in tenths × COMMON_DEPTH
  for (const [lower, distance, depth] of classes) {
    if (lower === undefined) continue;
    existing += 1;
    numerator += (value - lower) * distance * (COMMON_DEPTH / depth);
  }
  // score × 10 = value − numerator / (existing × COMMON_DEPTH), clamped to [0, 100], rounded half up.
  const denominator = Math.max(existing, 1) * COMMON_DEPTH;
  const unrounded = value * denominator - numerator;
  const scaled = Math.min(Math.max(unrounded, 0), 100 * denominator);
  const tenths = Math.floor((2 * scaled + denominator) / (2 * denominator));
  const score = tenths / 10;
  return {
    result: { score, severity: cvssSeverity(score), nomenclature, macroVector },
    exact: { numerator: unrounded, denominator },
  };
}
