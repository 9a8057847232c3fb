// The strict CVSS vector parser. It alone decides what is a valid vector, for every version:
// the exact prefix, metric names and values as the specification spells them (case matters),
// every base metric present, no metric twice, nothing unknown, and for v4.0 the specification's
// order (FIRST's v4.0 JSON schema pattern requires it; v3.x vectors may list metrics in any
// order, as the v3.x specifications and schema patterns allow). Each error names the part that
// is wrong.
import { EmbargoError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { CVSS_DEFINITIONS, CVSS_VERSIONS, type CvssMetric, type CvssVersion } from '../../shared/cvss-metrics.ts';

export interface ParsedVector {
  version: CvssVersion;
  /** The vector exactly as given (it was valid, so it needs no normalising). */
  vector: string;
  /** The metrics the vector sets, by key; metrics it leaves out are Not Defined. */
  metrics: Readonly<Record<string, string>>;
}

/** Longer than any valid vector (see LIMITS.cvssVectorChars). */
const MAX_VECTOR_LENGTH = LIMITS.cvssVectorChars;

interface VersionTable {
  version: CvssVersion;
  byKey: Map<string, { metric: CvssMetric; index: number; codes: Set<string> }>;
  mandatory: string[];
  fixedOrder: boolean;
}

const TABLES = new Map<string, VersionTable>(
  CVSS_VERSIONS.map((version) => {
    const definition = CVSS_DEFINITIONS[version];
    const byKey = new Map(
      definition.metrics.map((metric, index) => [metric.key, { metric, index, codes: new Set(metric.values.map((v) => v.code)) }]),
    );
    const table: VersionTable = {
      version,
      byKey,
      mandatory: definition.metrics.filter((m) => m.mandatory).map((m) => m.key),
      fixedOrder: definition.fixedOrder,
    };
    return [definition.prefix, table];
  }),
);

function invalid(vector: string, reason: string, part?: string): EmbargoError {
  const shown = vector.length > 80 ? `${vector.slice(0, 77)}…` : vector;
  return new EmbargoError('InvalidVector', `Invalid CVSS vector "${shown}": ${reason}.`, part === undefined ? { vector, reason } : { vector, reason, part });
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function prefixError(vector: string, prefix: string): EmbargoError {
  const known = [...TABLES.keys()].map((p) => `${p}/`);
  if (/^cvss:/i.test(prefix) && TABLES.has(prefix.toUpperCase())) {
    return invalid(vector, `the prefix "${prefix}" must be written "${prefix.toUpperCase()}"`, prefix);
  }
  if (/^CVSS:\d/.test(prefix)) return invalid(vector, `version "${prefix.slice(5)}" is not supported (use ${listOf(known)})`, prefix);
  return invalid(vector, `it must start with ${listOf(known)}`, prefix);
}

/** Parses a vector, or throws EmbargoError('InvalidVector') naming what is wrong. */
export function parseVector(input: unknown): ParsedVector {
  // Not String(input): an object with a hostile toString would throw from inside the parser.
  if (typeof input !== 'string') throw invalid(`(${input === null ? 'null' : typeof input})`, 'a vector is a string');
  const vector = input;
  if (vector.length === 0) throw invalid(vector, 'it is empty');
  if (vector.length > MAX_VECTOR_LENGTH) throw invalid(vector, `it is longer than ${MAX_VECTOR_LENGTH} characters`);
  const slash = vector.indexOf('/');
  const prefix = slash === -1 ? vector : vector.slice(0, slash);
  const table = TABLES.get(prefix);
  if (!table) throw prefixError(vector, prefix);
  if (slash === -1 || slash === vector.length - 1) throw invalid(vector, 'it has no metrics after the prefix', prefix);

  const metrics: Record<string, string> = {};
  let lastIndex = -1;
  let lastKey = '';
  const parts = vector.slice(slash + 1).split('/');
  for (let position = 0; position < parts.length; position++) {
    const part = parts[position] as string;
    if (part === '') throw invalid(vector, `metric ${position + 1} is empty (a doubled or trailing "/")`, part);
    const colon = part.indexOf(':');
    if (colon <= 0 || colon !== part.lastIndexOf(':')) {
      throw invalid(vector, `"${part}" is not a METRIC:VALUE pair`, part);
    }
    const key = part.slice(0, colon);
    const value = part.slice(colon + 1);
    const entry = table.byKey.get(key);
    if (!entry) {
      if (table.byKey.has(key.toUpperCase())) {
        throw invalid(vector, `metric names are upper case: "${key}" must be written "${key.toUpperCase()}"`, part);
      }
      throw invalid(vector, `"${key}" is not a CVSS ${table.version} metric`, part);
    }
    if (Object.prototype.hasOwnProperty.call(metrics, key)) throw invalid(vector, `metric ${key} appears more than once`, part);
    if (!entry.codes.has(value)) {
      const expected = entry.metric.values.map((v) => v.code);
      throw invalid(vector, `"${value}" is not a value of ${key} (${entry.metric.name}); expected ${listOf(expected)}`, part);
    }
    if (table.fixedOrder && entry.index < lastIndex) {
      throw invalid(vector, `metric ${key} must come before ${lastKey} (CVSS ${table.version} fixes the order of metrics)`, part);
    }
    lastIndex = entry.index;
    lastKey = key;
    metrics[key] = value;
  }
  const missing = table.mandatory.filter((key) => !Object.prototype.hasOwnProperty.call(metrics, key));
  if (missing.length > 0) {
    throw invalid(vector, `the mandatory base metric${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`);
  }
  return { version: table.version, vector, metrics };
}
