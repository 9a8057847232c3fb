// The official JSON schemas the exports are validated against, loaded at run time from the
// app's resources (byte-identical copies of shared/schemas), compiled once with Ajv as the
// schemas' README prescribes, and their errors turned into sentences naming the fields.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under ESM its function is the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

export type SchemaName = 'cve-record' | 'cve-cna-container' | 'osv' | 'csaf' | 'openvex';

/**
 * Where the schemas are: $EMBARGO_SCHEMA_DIR, else the packaged app's resources/schemas, else
 * resources/schemas of the project, seen from this source file (tests, the CLI) or from the
 * bundled main process (out/main/), else from the working directory.
 */
export function schemaDir(): string {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.EMBARGO_SCHEMA_DIR,
    resourcesPath ? join(resourcesPath, 'schemas') : undefined,
    fileURLToPath(new URL('../../../resources/schemas', import.meta.url)),
    fileURLToPath(new URL('../../resources/schemas', import.meta.url)),
    join(process.cwd(), 'resources', 'schemas'),
  ];
  const found = candidates.find((dir): dir is string => dir !== undefined && existsSync(join(dir, 'cve', 'CVE_JSON_bundled_5.1.1.json')));
  if (!found) throw new Error(`the official schemas are missing (looked in ${candidates.filter(Boolean).join(', ')})`);
  return found;
}

function readJson(...path: string[]): Record<string, unknown> {
  return JSON.parse(readFileSync(join(schemaDir(), ...path), 'utf8')) as Record<string, unknown>;
}

// The CVE bundle embeds FIRST's CVSS v2.0/v3.0 sub-schemas, declared draft-04, and CSAF
// references them: Ajv 8 only needs the draft-04 meta-schema to be known, not to validate it.
const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';
const DRAFT_04_META = { type: 'object' };

function withoutLegacyIds(schema: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, $id: _dollarId, ...rest } = schema;
  return rest;
}

interface Compiled {
  /** The official schema, whole: it alone decides validity. */
  validate: ValidateFunction;
  /** For a CVE record, the "Published" alternative alone, whose errors explain a failure in words. */
  explain?: ValidateFunction;
}

const compiled = new Map<SchemaName, Compiled>();

function compile(name: SchemaName): Compiled {
  if (name === 'cve-record' || name === 'cve-cna-container') {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addMetaSchema(DRAFT_04_META, DRAFT_04, false);
    if (name === 'cve-cna-container') return { validate: ajv.compile(readJson('cve', 'CVE_JSON_cnaPublishedContainer_5.1.1.json')) };
    const bundle = readJson('cve', 'CVE_JSON_bundled_5.1.1.json');
    const validate = ajv.compile(bundle);
    // The record is oneOf Published | Rejected; a failed oneOf reports both, and the Rejected
    // half only says that a published record is not a rejected one.
    const explain = ajv.compile({ $ref: `${String(bundle.$id)}#/oneOf/0` });
    return { validate, explain };
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv as unknown as Ajv);
  if (name === 'osv') return { validate: ajv.compile(readJson('osv', 'schema.json')) };
  // OpenVEX declares format "iri", which ajv-formats lacks: strict off, unknown formats are not checked.
  if (name === 'openvex') return { validate: ajv.compile(readJson('openvex', 'openvex_json_schema.json')) };
  ajv.addMetaSchema(DRAFT_04_META, DRAFT_04, false);
  for (const version of ['2.0', '3.0', '3.1']) {
    const schema = withoutLegacyIds(readJson('csaf', 'referenced_schema', `cvss-v${version}.json`));
    ajv.addSchema(schema, `https://www.first.org/cvss/cvss-v${version}.json`, undefined, false);
  }
  return { validate: ajv.compile(readJson('csaf', 'csaf_json_schema.json')) };
}

export interface SchemaProblem {
  /** JSON pointer of the failing value, e.g. /containers/cna/references/0/url. */
  path: string;
  message: string;
}

/** Ajv's errors, less the noise of failed alternatives whose deeper errors say more. */
function problemsOf(errors: ErrorObject[]): SchemaProblem[] {
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if' || error.keyword === 'allOf') continue;
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'enum') message = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    if (error.keyword === 'additionalProperties') message = `has a property the schema does not allow: ${(error.params as { additionalProperty: string }).additionalProperty}`;
    if (error.keyword === 'required') message = `is missing ${(error.params as { missingProperty: string }).missingProperty}`;
    const key = `${error.instancePath} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path: error.instancePath || '/', message });
  }
  if (problems.length === 0 && errors.length > 0) {
    const first = errors[0] as ErrorObject;
    problems.push({ path: first.instancePath || '/', message: first.message ?? 'is invalid' });
  }
  return problems;
}

export function validateAgainst(name: SchemaName, document: unknown): SchemaProblem[] {
  let schema = compiled.get(name);
  if (!schema) {
    schema = compile(name);
    compiled.set(name, schema);
  }
  if (schema.validate(document)) return [];
  if (schema.explain && !schema.explain(document)) return problemsOf(schema.explain.errors ?? []);
  return problemsOf(schema.validate.errors ?? []);
}

/** The schema file a format is checked against, for the export's report. */
export const SCHEMA_FILES: Record<SchemaName, string> = {
  'cve-record': 'cve/CVE_JSON_bundled_5.1.1.json',
  'cve-cna-container': 'cve/CVE_JSON_cnaPublishedContainer_5.1.1.json',
  osv: 'osv/schema.json',
  csaf: 'csaf/csaf_json_schema.json',
  openvex: 'openvex/openvex_json_schema.json',
};
