// Independent checks for the exports: Ajv instances built here from the schemas in
// ../shared/schemas (the project's reference copies, not the app's resources), and BSI's CSAF
// validator with its mandatory tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import * as recommended from '@secvisogram/csaf-validator-lib/optionalTests.js';
import * as informative from '@secvisogram/csaf-validator-lib/informativeTests.js';
import validate from '@secvisogram/csaf-validator-lib/validate.js';

export const SHARED_SCHEMAS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'schemas');
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: unknown) => void;
const read = (...path: string[]) => JSON.parse(readFileSync(join(SHARED_SCHEMAS, ...path), 'utf8')) as Record<string, unknown>;

let cve: ValidateFunction | undefined;
let osv: ValidateFunction | undefined;
let csaf: ValidateFunction | undefined;
let openvex: ValidateFunction | undefined;

/** shared/schemas has no OpenVEX schema: the copy vendored from openvex/spec into resources/schemas. */
export const VENDORED_OPENVEX = join(import.meta.dirname, '..', '..', '..', 'resources', 'schemas', 'openvex', 'openvex_json_schema.json');

export function officialOpenVex(): ValidateFunction {
  if (!openvex) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    openvex = ajv.compile(JSON.parse(readFileSync(VENDORED_OPENVEX, 'utf8')) as Record<string, unknown>);
  }
  return openvex;
}

export function officialCve(): ValidateFunction {
  if (!cve) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addMetaSchema({}, 'http://json-schema.org/draft-04/schema#', false);
    cve = ajv.compile(read('cve', 'CVE_JSON_bundled_5.1.1.json'));
  }
  return cve;
}

export function officialOsv(): ValidateFunction {
  if (!osv) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    osv = ajv.compile(read('osv', 'schema.json'));
  }
  return osv;
}

export function officialCsaf(): ValidateFunction {
  if (!csaf) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addMetaSchema({}, 'http://json-schema.org/draft-04/schema#', false);
    for (const version of ['2.0', '3.0', '3.1']) {
      const { $id: _a, id: _b, ...schema } = read('csaf', 'referenced_schema', `cvss-v${version}.json`);
      ajv.addSchema(schema, `https://www.first.org/cvss/cvss-v${version}.json`, undefined, false);
    }
    csaf = ajv.compile(read('csaf', 'csaf_json_schema.json'));
  }
  return csaf;
}

export async function csafMandatoryFailures(document: unknown): Promise<string[]> {
  const result = await validate(Object.values(mandatory), document);
  return result.tests.filter((t) => !t.isValid).flatMap((t) => t.errors.map((e) => `${t.name} ${e.instancePath}: ${e.message}`));
}

/**
 * The full secvisogram test set: mandatory (6.1), recommended (6.2, "optional" in the
 * library) and informative (6.3). Left out: 6.3.6 and 6.3.7, which send HTTP HEAD requests to
 * every URL (tests open no connection), and 6.3.8, whose spell check needs a hunspell binary.
 */
export async function csafFullTestSet(document: unknown): Promise<{ mandatory: string[]; recommended: string[]; informative: string[] }> {
  const failures = async (tests: unknown[]) => {
    const result = await validate(tests as Parameters<typeof validate>[0], document);
    return result.tests.flatMap((t) => [...t.errors, ...(t.warnings ?? []), ...(t.infos ?? [])].map((e) => `${t.name} ${e.instancePath}: ${e.message}`));
  };
  const informativeTests = Object.entries(informative)
    .filter(([name]) => !['informativeTest_6_3_6', 'informativeTest_6_3_7', 'informativeTest_6_3_8'].includes(name))
    .map(([, test]) => test);
  return { mandatory: await failures(Object.values(mandatory)), recommended: await failures(Object.values(recommended)), informative: await failures(informativeTests) };
}
