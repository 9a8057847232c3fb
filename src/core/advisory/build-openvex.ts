// The OpenVEX 0.2.0 document of a case (openvex/spec): one statement per affected product
// line, "affected" with the action to take (upgrade, else the workaround), and one "fixed"
// statement per product line with its fixed versions. Products are named by CPE 2.3 (the
// vendor and product as the CNA names them, as in the CSAF export) and, when the vault's
// publisher settings give a package for the product, by its purl too. Under embargo the
// document's timestamp is the future Release Date, so distributors can load it before then and
// it reads as issued when the case goes public; the file itself is plaintext (the export warns).
import { GENERATOR, Requirements, cnaProduct, isPublic, productLines, type ExportContext } from './export-context.ts';
import { canonicalUrl, cpe } from './build-csaf.ts';
import type { VersionInterval } from './version-ranges.ts';

type Json = Record<string, unknown>;

export const OPENVEX_CONTEXT = 'https://openvex.dev/ns/v0.2.0';

/** Package URL types by the package collection the CNA names (CVE `collectionURL`). */
const PURL_TYPES: [RegExp, string][] = [
  [/pkg\.go\.dev|proxy\.golang\.org|golang\.org/, 'golang'],
  [/npmjs\.(com|org)/, 'npm'],
  [/pypi\.(org|python\.org)/, 'pypi'],
  [/crates\.io/, 'cargo'],
  [/rubygems\.org/, 'gem'],
  [/maven|repo1\.maven\.org/, 'maven'],
];

/** A purl component: percent-encoded, but "/" kept as the namespace separator. */
const purlName = (name: string) => name.split('/').map(encodeURIComponent).join('/');

export function purlOf(collectionURL: string | undefined, packageName: string | undefined, version: string | null): string | null {
  if (!packageName) return null;
  const type = PURL_TYPES.find(([pattern]) => pattern.test(collectionURL ?? ''))?.[1] ?? 'generic';
  return `pkg:${type}/${purlName(packageName)}${version ? `@${encodeURIComponent(version)}` : ''}`;
}

function rangeText({ from, to }: VersionInterval): string {
  const lower = from === '0' ? '' : `>=${from}`;
  const upper = to ? `${to.inclusive ? '<=' : '<'}${to.version}` : '';
  return [lower, upper].filter(Boolean).join(' ') || 'every version';
}

export function buildOpenVex(context: ExportContext): { document: Json; warnings: string[] } {
  const { record, publisher, now } = context;
  new Requirements('OpenVEX').need(record.affected.length > 0, 'no affected product is listed (a product and its semver range)').check();
  const warnings: string[] = [];
  const released = isPublic(record, now);
  const issued = new Date(!released && record.releaseDate ? record.releaseDate : now).toISOString();
  const trackingId = record.cve ?? record.id;
  if (!record.cve) warnings.push(`The case has no CVE ID: the statements name the vulnerability ${record.id}.`);

  const vulnerability: Json = {
    name: trackingId,
    ...(record.cve ? { '@id': `https://www.cve.org/CVERecord?id=${record.cve}` } : {}),
    ...(record.summary.trim() || record.description.trim() ? { description: (record.summary.trim() || record.description.trim()).slice(0, 2000) } : {}),
  };
  const author = `${publisher.csafPublisherName} <${publisher.securityContact}>`;
  const statements: Json[] = [];
  for (const line of productLines(record)) {
    const naming = cnaProduct(publisher, line.product);
    const product = (version: string | null): Json => {
      const purl = purlOf(naming.collectionURL, naming.packageName, version);
      return { identifiers: { cpe23: cpe(naming.vendor, naming.product, version), ...(purl ? { purl } : {}) } };
    };
    const ranges = line.intervals.map(rangeText).join('; ');
    const workaround = record.workarounds.trim() || record.mitigations.trim();
    const action = line.fixed.length > 0 ? `Upgrade ${line.product} to ${line.fixed.join(' or ')}.${workaround ? ` Until then: ${workaround}` : ''}` : workaround || `No fixed version of ${line.product} is available yet; follow ${publisher.securityContact} for updates.`;
    statements.push({
      vulnerability,
      timestamp: issued,
      products: [product(null)],
      status: 'affected',
      status_notes: `Affected versions of ${line.product}: ${ranges}.`,
      action_statement: action,
      action_statement_timestamp: issued,
      supplier: naming.vendor,
    });
    if (line.fixed.length > 0) {
      statements.push({ vulnerability, timestamp: issued, products: line.fixed.map((version) => product(version)), status: 'fixed', supplier: naming.vendor });
    }
  }
  const document: Json = {
    '@context': OPENVEX_CONTEXT,
    '@id': canonicalUrl(publisher.csafPublisherNamespace, trackingId).replace('/.well-known/csaf/', '/.well-known/openvex/').replace(/\.json$/, '.openvex.json'),
    author,
    role: 'Document Creator',
    timestamp: issued,
    version: 1,
    tooling: `${GENERATOR.name} ${GENERATOR.version}`,
    statements,
  };
  return { document, warnings };
}
