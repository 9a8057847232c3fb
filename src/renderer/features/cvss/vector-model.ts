// The calculator's state and the vector string it stands for. The state is one chosen value per
// metric (base metrics may be unchosen yet; the others start at "X", Not Defined). The vector
// is written the way FIRST's calculators write it: the prefix, the base metrics, then only the
// metrics that are defined, all in specification order (v4.0 requires that order). Scoring and
// deciding what is valid stay in the core (cvss.score); this only reads the shared definitions.
import { CVSS_DEFINITIONS, CVSS_VERSIONS, type CvssMetric, type CvssVersion } from '../../../shared/cvss-metrics.ts';

/** Metric key → chosen value code; a base metric without a key is not chosen yet. */
export type Selection = Readonly<Record<string, string>>;

export const NOT_DEFINED = 'X';

/** The versions the calculator offers to start from; a 3.0 vector still opens (as 3.0). */
export const CALCULATOR_VERSIONS = ['4.0', '3.1'] as const satisfies readonly CvssVersion[];

export function metricsOf(version: CvssVersion): readonly CvssMetric[] {
  return CVSS_DEFINITIONS[version].metrics;
}

/** Nothing chosen in the base group; every other metric Not Defined. */
export function emptySelection(version: CvssVersion): Selection {
  const selection: Record<string, string> = {};
  for (const metric of metricsOf(version)) {
    if (!metric.mandatory) selection[metric.key] = NOT_DEFINED;
  }
  return selection;
}

/** The state for the metrics a vector sets (as cvss.score reports them). */
export function selectionFromMetrics(version: CvssVersion, metrics: Readonly<Record<string, string>>): Selection {
  const selection: Record<string, string> = { ...emptySelection(version) };
  for (const metric of metricsOf(version)) {
    const value = metrics[metric.key];
    if (value !== undefined && metric.values.some((v) => v.code === value)) selection[metric.key] = value;
  }
  return selection;
}

export interface BuiltVector {
  /** The vector string, or null while a base metric is not chosen. */
  vector: string | null;
  /** The base metrics still to choose, in specification order. */
  missing: readonly CvssMetric[];
}

export function buildVector(version: CvssVersion, selection: Selection): BuiltVector {
  const definition = CVSS_DEFINITIONS[version];
  const parts: string[] = [definition.prefix];
  const missing: CvssMetric[] = [];
  for (const metric of definition.metrics) {
    const value = selection[metric.key];
    if (metric.mandatory) {
      if (value === undefined) missing.push(metric);
      else parts.push(`${metric.key}:${value}`);
    } else if (value !== undefined && value !== NOT_DEFINED) {
      parts.push(`${metric.key}:${value}`);
    }
  }
  return { vector: missing.length === 0 ? parts.join('/') : null, missing };
}

/** Carries the choices over to another version where the same metric has the same value. */
export function convertSelection(from: Selection, to: CvssVersion): Selection {
  return selectionFromMetrics(to, from);
}

/** How many metrics of a group are set away from their default (for the group's header). */
export function definedCount(version: CvssVersion, group: string, selection: Selection): number {
  return metricsOf(version).filter((m) => m.group === group && !m.mandatory && (selection[m.key] ?? NOT_DEFINED) !== NOT_DEFINED).length;
}

/**
 * Splits a vector the core has already accepted (a recorded call) into its version and metrics,
 * without a round trip. Anything that does not look like one gives null: such text goes to the
 * core's strict parser instead, which says what is wrong with it.
 */
export function splitAcceptedVector(vector: string): { version: CvssVersion; metrics: Record<string, string> } | null {
  const [prefix, ...parts] = vector.split('/');
  const version = CVSS_VERSIONS.find((v) => CVSS_DEFINITIONS[v].prefix === prefix);
  if (!version) return null;
  const metrics: Record<string, string> = {};
  for (const part of parts) {
    const [key, value, extra] = part.split(':');
    if (!key || !value || extra !== undefined) return null;
    metrics[key] = value;
  }
  return { version, metrics };
}
