// The OSV record of a case (ossf/osv-schema), as the Kubernetes official CVE feed publishes
// them: the CVE ID as the id, one SEMVER range per affected interval (introduced, then fixed or
// last_affected; an unfixed interval has only "introduced"), the CVSS vector as severity,
// references typed from their CVE tags, credits typed.
import { GENERATOR, Requirements, productLines, uniqueCredits, uniqueCwes, type ExportContext } from './export-context.ts';
import { references } from './build-cve.ts';
import { cweName } from './cwe.ts';

type Json = Record<string, unknown>;

export const OSV_SCHEMA_VERSION = '1.7.0';

/** CVE reference tags → OSV reference types; the first matching tag decides. */
const REFERENCE_TYPES: [string, string][] = [
  ['patch', 'FIX'],
  ['vendor-advisory', 'ADVISORY'],
  ['third-party-advisory', 'ADVISORY'],
  ['mailing-list', 'ADVISORY'],
  ['issue-tracking', 'REPORT'],
  ['exploit', 'EVIDENCE'],
  ['technical-description', 'ARTICLE'],
  ['media-coverage', 'ARTICLE'],
  ['product', 'PACKAGE'],
];

function referenceType(tags: string[]): string {
  for (const [tag, type] of REFERENCE_TYPES) if (tags.includes(tag)) return type;
  return 'WEB';
}

/** OSV timestamps are RFC 3339 in UTC with a Z. */
function osvTime(instant: string | Date): string {
  return new Date(instant).toISOString();
}

export function buildOsvRecord(context: ExportContext): { record: Json; warnings: string[] } {
  const { record, publisher, now } = context;
  new Requirements('OSV')
    .need(record.cve !== null, 'the case has no CVE ID, which is the OSV id (set it with "case set --cve")')
    .need(record.affected.length > 0, 'no affected product is listed (a product and its semver range)')
    .need(record.description.trim() !== '' || record.summary.trim() !== '', 'both the summary and the description are empty')
    .check();
  const warnings: string[] = [];
  const lines = productLines(record);
  const osv: Json = {
    schema_version: OSV_SCHEMA_VERSION,
    id: record.cve,
    modified: osvTime(now),
    ...(record.releaseDate ? { published: osvTime(record.releaseDate) } : {}),
    aliases: [],
    summary: record.summary.trim() || record.title,
    details: record.description.trim() || record.summary.trim(),
  };
  if (record.cvss) osv.severity = [{ type: record.cvss.version === '4.0' ? 'CVSS_V4' : 'CVSS_V3', score: record.cvss.vector }];
  else warnings.push('No CVSS call is recorded: the record has no severity.');
  osv.affected = lines.map((line) => ({
    package: { ecosystem: publisher.osvEcosystem, name: line.product },
    ranges: line.intervals.map(({ from, to }) => ({
      type: 'SEMVER',
      events: [{ introduced: from }, ...(to === null ? [] : [to.inclusive ? { last_affected: to.version } : { fixed: to.version }])],
    })),
  }));
  const refs = references(record);
  if (refs.length > 0) osv.references = refs.map(({ url, tags }) => ({ type: referenceType(tags), url }));
  const credits = uniqueCredits(record);
  if (credits.length > 0) osv.credits = credits.map((credit) => ({ name: credit.name, type: credit.type.toUpperCase().replace(/ /g, '_') }));
  const database: Json = { generator: `${GENERATOR.name} ${GENERATOR.version}` };
  const cwes = uniqueCwes(record).filter((id) => cweName(id) !== undefined);
  if (cwes.length > 0) database.cwe_ids = cwes;
  if (record.cvss) database.severity = record.cvss.severity.toUpperCase();
  osv.database_specific = database;
  return { record: osv, warnings };
}
