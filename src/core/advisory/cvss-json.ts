// A CVSS call as FIRST's JSON data object (the cvssV3_x / cvssV4_0 objects of CVE records and
// the cvss_v3 objects of CSAF): the version, the vector, each metric the vector sets under its
// schema name and value, and the scores with their severities in capitals.
import { CVSS_DEFINITIONS } from '../../shared/cvss-metrics.ts';
import { scoreVector, type ScoredVector } from '../cvss/index.ts';

export type CvssJson = Record<string, string | number>;

const upper = (severity: string) => severity.toUpperCase();

function metricFields(scored: ScoredVector): CvssJson {
  const fields: CvssJson = {};
  for (const metric of CVSS_DEFINITIONS[scored.version].metrics) {
    const code = scored.metrics[metric.key];
    if (code === undefined) continue;
    const value = metric.values.find((v) => v.code === code);
    if (value) fields[metric.json] = value.json;
  }
  return fields;
}

export function cvssJson(vector: string): { key: 'cvssV3_0' | 'cvssV3_1' | 'cvssV4_0'; scored: ScoredVector; object: CvssJson } {
  const scored = scoreVector(vector);
  const object: CvssJson = { version: scored.version, vectorString: scored.vector, ...metricFields(scored) };
  if (scored.version === '4.0') {
    object.baseScore = scored.score;
    object.baseSeverity = upper(scored.severity);
    return { key: 'cvssV4_0', scored, object };
  }
  object.baseScore = scored.baseScore;
  object.baseSeverity = upper(scored.baseSeverity);
  const has = (keys: string[]) => keys.some((key) => scored.metrics[key] !== undefined);
  if (has(['E', 'RL', 'RC'])) {
    object.temporalScore = scored.temporalScore;
    object.temporalSeverity = upper(scored.temporalSeverity);
  }
  if (has(['CR', 'IR', 'AR', 'MAV', 'MAC', 'MPR', 'MUI', 'MS', 'MC', 'MI', 'MA'])) {
    object.environmentalScore = scored.environmentalScore;
    object.environmentalSeverity = upper(scored.environmentalSeverity);
  }
  return { key: scored.version === '3.0' ? 'cvssV3_0' : 'cvssV3_1', scored, object };
}
