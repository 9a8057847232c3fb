// The CVE JSON 5.1 record of a case, as the Kubernetes CNA writes them (committee-security-
// response cna-handbook.md and its published records): the description as the Fix Lead wrote
// it (the CNA-pattern rewrite is offered by cve-description.ts, never applied), products named
// as the CNA names them (the vault's publisher settings), affected
// versions as semver ranges with unfixed ones running from "0" to "*" (lessThan), fixed
// versions as "unaffected", references tagged issue-tracking / mailing-list, the Fix Lead's
// CVSS call as a FIRST cvssV3_x or cvssV4_0 object. Validated against the bundled record
// schema and the CNA published-container schema (what `cve publish` sends).
import type { CaseRecord } from '../../shared/contract/index.ts';
import { cvssJson } from './cvss-json.ts';
import { cweName } from './cwe.ts';
import { joinNames } from './cve-description.ts';
import { GENERATOR, Requirements, cnaProduct, productLines, strayFixed, uniqueCredits, uniqueCwes, type ExportContext, type ProductLine } from './export-context.ts';

type Json = Record<string, unknown>;

const LANG = 'en';

function versionEntries(line: ProductLine): Json[] {
  const entries: Json[] = [];
  for (const { from, to } of line.intervals) {
    if (to === null) entries.push({ version: from, lessThan: '*', status: 'affected', versionType: 'semver' });
    // a single version too is a range closed on both ends, as Kubernetes' records write it
    else if (to.inclusive) entries.push({ version: from, lessThanOrEqual: to.version, status: 'affected', versionType: 'semver' });
    else entries.push({ version: from, lessThan: to.version, status: 'affected', versionType: 'semver' });
  }
  for (const version of line.fixed) entries.push({ version, status: 'unaffected', versionType: 'semver' });
  return entries;
}

export function references(record: CaseRecord): { url: string; tags: string[] }[] {
  const byUrl = new Map<string, Set<string>>();
  const add = (url: string, tags: string[]) => {
    const set = byUrl.get(url) ?? new Set<string>();
    for (const tag of tags) set.add(tag);
    byUrl.set(url, set);
  };
  for (const reference of record.references) add(reference.url, reference.tags);
  if (record.trackingIssue) add(record.trackingIssue, ['issue-tracking']);
  return [...byUrl.entries()].map(([url, tags]) => ({ url, tags: [...tags] }));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A description as the CNA writes it: the plain text and its text/html twin (supportingMedia). */
function describedWithMedia(value: string): Json {
  const html = value
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return { lang: LANG, value, supportingMedia: [{ type: 'text/html', base64: false, value: html }] };
}

export interface BuiltCve {
  record: Json;
  cnaContainer: Json;
  warnings: string[];
}

export function buildCveRecord(context: ExportContext): BuiltCve {
  const { record, publisher } = context;
  const requirements = new Requirements('CVE');
  requirements
    .need(record.cve !== null, 'the case has no CVE ID (set it with "case set --cve")')
    .need(record.description.trim() !== '', 'the description is empty')
    .need(record.affected.length > 0, 'no affected product is listed (a product and its semver range)')
    .need(references(record).length > 0, 'there is no reference (add the tracking issue or a reference URL)');
  const cwes = uniqueCwes(record);
  const unknownCwes = cwes.filter((id) => cweName(id) === undefined);
  requirements.need(unknownCwes.length === 0, `${unknownCwes.join(', ')} ${unknownCwes.length > 1 ? 'are' : 'is'} not in the CWE catalogue`);
  requirements.check();

  const warnings: string[] = [];
  const lines = productLines(record);
  // the Fix Lead's text as written; the CNA-pattern rewrite is only offered (advisory.suggestDescription)
  const description = record.description.trim();
  for (const stray of strayFixed(record)) warnings.push(`The fixed version ${stray} is left out: that product is not listed as affected.`);
  if (record.cwe.length === 0) warnings.push('No CWE is set: the record has no problem type.');
  if (!record.cvss) warnings.push('No CVSS call is recorded: the record has no metrics.');

  const cna: Json = {
    providerMetadata: { orgId: publisher.cnaOrgId, shortName: publisher.cnaShortName, dateUpdated: context.now.toISOString() },
    title: (record.summary.trim() || record.title).slice(0, 256),
    descriptions: [describedWithMedia(description)],
    affected: lines.map((line) => {
      const named = cnaProduct(publisher, line.product);
      return {
        vendor: named.vendor,
        product: named.product,
        ...(named.collectionURL ? { collectionURL: named.collectionURL } : {}),
        ...(named.packageName ? { packageName: named.packageName } : {}),
        ...(publisher.repo ? { repo: publisher.repo } : {}),
        versions: versionEntries(line),
        defaultStatus: 'unaffected',
      };
    }),
    references: references(record).map(({ url, tags }) => (tags.length > 0 ? { url, tags } : { url })),
  };
  if (cwes.length > 0) {
    cna.problemTypes = [
      {
        descriptions: cwes.map((id) => ({ lang: LANG, type: 'CWE', cweId: id, description: `${id} ${cweName(id)}` })),
      },
    ];
  }
  const capec = [...new Set(record.capec ?? [])];
  if (capec.length > 0) cna.impacts = capec.map((capecId) => ({ capecId, descriptions: [{ lang: LANG, value: capecId }] }));
  if (record.cvss) {
    const { key, object } = cvssJson(record.cvss.vector);
    cna.metrics = [{ format: 'CVSS', scenarios: [{ lang: LANG, value: 'GENERAL' }], [key]: object }];
  }
  const credits = uniqueCredits(record);
  if (credits.length > 0) cna.credits = credits.map((credit) => ({ lang: LANG, value: credit.name, type: credit.type, ...(credit.user ? { user: credit.user } : {}) }));
  const workarounds = [record.workarounds, record.mitigations].map((text) => text.trim()).filter((text, index, all) => text !== '' && all.indexOf(text) === index);
  if (workarounds.length > 0) cna.workarounds = workarounds.map((value) => ({ lang: LANG, value }));
  const fixedLines = lines.filter((line) => line.fixed.length > 0);
  if (fixedLines.length > 0) {
    const upgrades = fixedLines.map((line) => `${line.product} ${joinNames(line.fixed)}`).join('; ');
    cna.solutions = [{ lang: LANG, value: `Upgrade to a fixed version: ${upgrades}.` }];
  }
  if (record.releaseDate) cna.datePublic = record.releaseDate;
  const external = record.people.reporter !== null || record.credits.some((c) => c.type === 'finder' || c.type === 'reporter');
  cna.source = { discovery: record.discovery ?? (external ? 'EXTERNAL' : 'UNKNOWN') };
  cna.x_generator = { engine: `${GENERATOR.name} ${GENERATOR.version}` };

  const cveRecord: Json = {
    dataType: 'CVE_RECORD',
    dataVersion: '5.1',
    cveMetadata: { cveId: record.cve, assignerOrgId: publisher.cnaOrgId, assignerShortName: publisher.cnaShortName, state: 'PUBLISHED' },
    containers: { cna },
  };
  return { record: cveRecord, cnaContainer: cna, warnings };
}
