// Builds one advisory document from a case and checks it before anyone sees it: against the
// official schema (CVE, OSV, CSAF), CSAF also against the standard's mandatory tests (BSI's
// validator), the tracking issue title against the CVE feed pattern, the release-notes map by
// reading it back. A document that fails is an ExportInvalid error naming the fields; it is
// never returned, so it can never be written.
import * as csafMandatoryTests from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import validateCsaf from '@secvisogram/csaf-validator-lib/validate.js';
import type { AdvisoryFormat } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { buildCveRecord } from './build-cve.ts';
import { buildCsafAdvisory } from './build-csaf.ts';
import { buildTrackingIssue } from './build-issue.ts';
import { buildOsvRecord } from './build-osv.ts';
import { buildOpenVex } from './build-openvex.ts';
import { buildReleaseNotesMap } from './build-release-notes.ts';
import { exportInvalid, type ExportContext } from './export-context.ts';
import { SCHEMA_FILES, validateAgainst, type SchemaName, type SchemaProblem } from './schemas.ts';

export interface BuiltDocument {
  text: string;
  mediaType: string;
  checkedAgainst: string[];
  warnings: string[];
}

const FORMAT_NAMES: Record<AdvisoryFormat, string> = {
  cve: 'CVE JSON 5.1',
  osv: 'OSV',
  csaf: 'CSAF 2.0',
  openvex: 'OpenVEX 0.2.0',
  issue: 'tracking issue',
  'release-notes': 'release-notes',
};

/** "/containers/cna/references/0/url" → "containers.cna.references[0].url". */
function fieldName(pointer: string): string {
  if (pointer === '/' || pointer === '') return 'the document';
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

function requireValid(format: AdvisoryFormat, schema: SchemaName, document: unknown): string {
  const problems: SchemaProblem[] = validateAgainst(schema, document);
  if (problems.length > 0) {
    throw exportInvalid(
      FORMAT_NAMES[format],
      problems.map((p) => `${fieldName(p.path)} ${p.message}`),
    );
  }
  return SCHEMA_FILES[schema];
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function buildDocument(format: AdvisoryFormat, context: ExportContext): Promise<BuiltDocument> {
  try {
    return await buildChecked(format, context);
  } catch (error) {
    // Problems found while reading the case (a range that cannot be stated) get the same
    // "not written" sentence as the rest.
    if (error instanceof EmbargoError && error.code === 'ExportInvalid' && !String(error.data.format ?? '')) {
      throw exportInvalid(FORMAT_NAMES[format], (error.data.problems as string[] | undefined) ?? [error.message]);
    }
    throw error;
  }
}

async function buildChecked(format: AdvisoryFormat, context: ExportContext): Promise<BuiltDocument> {
  switch (format) {
    case 'cve': {
      const built = buildCveRecord(context);
      const checkedAgainst = [requireValid(format, 'cve-record', built.record), requireValid(format, 'cve-cna-container', built.cnaContainer)];
      return { text: json(context.cnaContainerOnly ? built.cnaContainer : built.record), mediaType: 'application/json', checkedAgainst, warnings: built.warnings };
    }
    case 'osv': {
      const built = buildOsvRecord(context);
      return { text: json(built.record), mediaType: 'application/json', checkedAgainst: [requireValid(format, 'osv', built.record)], warnings: built.warnings };
    }
    case 'csaf': {
      const built = buildCsafAdvisory(context);
      const schema = requireValid(format, 'csaf', built.document);
      const result = await validateCsaf(Object.values(csafMandatoryTests), built.document);
      const failed = result.tests.filter((test) => !test.isValid);
      if (failed.length > 0) {
        throw exportInvalid(
          FORMAT_NAMES.csaf,
          failed.flatMap((test) => test.errors.map((error) => `${fieldName(error.instancePath)}: ${error.message} (CSAF test ${test.name.replace(/^mandatoryTest_/, '').replace(/_/g, '.')})`)),
        );
      }
      return {
        text: json(built.document),
        mediaType: 'application/json',
        checkedAgainst: [schema, 'CSAF 2.0 mandatory tests (section 6.1, BSI csaf-validator-lib)'],
        warnings: built.warnings,
      };
    }
    case 'openvex': {
      const built = buildOpenVex(context);
      return { text: json(built.document), mediaType: 'application/json', checkedAgainst: [requireValid(format, 'openvex', built.document)], warnings: built.warnings };
    }
    case 'issue': {
      const issue = buildTrackingIssue(context);
      return { text: json(issue), mediaType: 'application/json', checkedAgainst: ['CVE feed title pattern ^(?:CVE-\\d{4}-\\d{4,}[\\s,:-]*)+'], warnings: [] };
    }
    case 'release-notes': {
      const text = buildReleaseNotesMap(context);
      return { text, mediaType: 'application/yaml', checkedAgainst: ['release-notes CVE map fields, read back'], warnings: [] };
    }
  }
}
