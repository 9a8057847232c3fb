// The CSAF 2.0 security advisory of a case (OASIS CSAF 2.0, profile csaf_security_advisory):
// a product tree vendor → product → version ranges (vers:semver) and fixed versions, one
// vulnerability with its CVE, CWE, notes, product status, remediations and the CVSS v3 score
// (CSAF 2.0 has no CVSS v4.0 object: a v4.0 call is carried as a note). Before the Release Date
// the document is a TLP:AMBER (or RED) draft, version 0, dated by the future Release Date; after
// it, final, version 1, TLP:WHITE (CSAF 2.0's name for TLP:CLEAR).
import type { CaseRecord } from '../../shared/contract/index.ts';
import { cvssJson } from './cvss-json.ts';
import { cweName } from './cwe.ts';
import { GENERATOR, Requirements, isPublic, productLines, strayFixed, uniqueCredits, uniqueCwes, type ExportContext } from './export-context.ts';
import { references } from './build-cve.ts';
import type { VersionInterval } from './version-ranges.ts';

type Json = Record<string, unknown>;

/** The interval in the "vers" range syntax (package-url/vers-spec) CSAF recommends for ranges. */
function vers({ from, to }: VersionInterval): string {
  const parts: string[] = [];
  if (from !== '0') parts.push(`>=${from}`);
  if (to) parts.push(`${to.inclusive ? '<=' : '<'}${to.version}`);
  return `vers:semver/${parts.length > 0 ? parts.join('|') : '*'}`;
}

/** CSAF recommended test 6.2.13: every object's keys in collation order. */
function sortedKeys(value: unknown, collator = new Intl.Collator()): unknown {
  if (Array.isArray(value)) return value.map((v) => sortedKeys(v, collator));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).sort(([a], [b]) => collator.compare(a, b));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortedKeys(v, collator)]));
}

/** A CPE 2.3 name component: lower case, CPE's special characters escaped. */
function cpePart(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '_').replace(/[^a-z0-9._-]/g, (c) => `\\${c}`);
}

/** Recommended test 6.2.16: each product carries an identification helper (a CPE 2.3 name). */
export function cpe(vendor: string, product: string, version: string | null): string {
  return `cpe:2.3:a:${cpePart(vendor)}:${cpePart(product)}:${version ? cpePart(version) : '*'}:*:*:*:*:*:*:*`;
}

/**
 * Recommended test 6.2.11: the canonical URL, a `self` reference ending in the file name the
 * standard derives from the tracking id, under the publisher's namespace.
 */
export function canonicalUrl(namespace: string, trackingId: string): string {
  const file = `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
  const base = namespace.replace(/^http:/, 'https:').replace(/\/+$/, '');
  return `${base}/.well-known/csaf/${file}`;
}

function csafTime(instant: string | Date): string {
  return new Date(instant).toISOString();
}

function notes(record: CaseRecord, cvssV4: string | null): Json[] {
  const list: Json[] = [];
  if (record.summary.trim()) list.push({ category: 'summary', title: 'Summary', text: record.summary.trim() });
  if (record.description.trim()) list.push({ category: 'description', title: 'Description', text: record.description.trim() });
  if (record.detection.trim()) list.push({ category: 'details', title: 'Detection', text: record.detection.trim() });
  if (cvssV4) list.push({ category: 'other', title: 'CVSS v4.0', text: cvssV4 });
  return list;
}

export function buildCsafAdvisory(context: ExportContext): { document: Json; warnings: string[] } {
  const { record, publisher, now } = context;
  const cwes = uniqueCwes(record);
  const unknownCwes = cwes.filter((id) => cweName(id) === undefined);
  new Requirements('CSAF')
    .need(record.affected.length > 0, 'no affected product is listed (a product and its semver range)')
    .need(record.description.trim() !== '' || record.summary.trim() !== '', 'both the summary and the description are empty')
    .need(unknownCwes.length === 0, `${unknownCwes.join(', ')} ${unknownCwes.length > 1 ? 'are' : 'is'} not in the CWE catalogue`)
    .check();

  const warnings: string[] = [];
  for (const stray of strayFixed(record)) warnings.push(`The fixed version ${stray} is left out: that product is not listed as affected.`);
  if (cwes.length > 1) warnings.push(`CSAF 2.0 holds one CWE per vulnerability: ${cwes[0]} is exported, ${cwes.slice(1).join(', ')} ${cwes.length > 2 ? 'are' : 'is'} not.`);

  let next = 0;
  const productId = () => `CSAFPID-${String(++next).padStart(4, '0')}`;
  const knownAffected: string[] = [];
  const fixed: string[] = [];
  const remediations: Json[] = [];
  const productBranches = productLines(record).map((line) => {
    const affectedIds: string[] = [];
    const branches: Json[] = line.intervals.map((interval) => {
      const id = productId();
      affectedIds.push(id);
      const exact = interval.to?.inclusive && interval.to.version === interval.from;
      const name = exact ? interval.from : vers(interval);
      return {
        category: exact ? 'product_version' : 'product_version_range',
        name,
        product: { product_id: id, name: `${publisher.vendor} ${line.product} ${name}`, product_identification_helper: { cpe: cpe(publisher.vendor, line.product, exact ? name : null) } },
      };
    });
    const fixedIds: string[] = [];
    for (const version of line.fixed) {
      const id = productId();
      fixedIds.push(id);
      branches.push({
        category: 'product_version',
        name: version,
        product: { product_id: id, name: `${publisher.vendor} ${line.product} ${version}`, product_identification_helper: { cpe: cpe(publisher.vendor, line.product, version) } },
      });
    }
    knownAffected.push(...affectedIds);
    fixed.push(...fixedIds);
    if (line.fixed.length > 0) {
      remediations.push({ category: 'vendor_fix', details: `Upgrade ${line.product} to ${line.fixed.join(' or ')}.`, product_ids: affectedIds });
    } else {
      remediations.push({ category: 'none_available', details: `No fixed version of ${line.product} is available yet.`, product_ids: affectedIds });
    }
    const workaround = record.workarounds.trim() || record.mitigations.trim();
    if (workaround) remediations.push({ category: 'workaround', details: workaround, product_ids: affectedIds });
    return { category: 'product_name', name: line.product, branches };
  });

  const released = isPublic(record, now);
  // Under embargo the document is dated by its future Release Date, so distributors can load it
  // before then and it reads as first released when the case goes public; without a Release
  // Date, and once released without one, it is dated now.
  const date = csafTime(record.releaseDate ?? now);
  const refs = references(record).map(({ url, tags }) => ({ category: 'external', summary: tags.length > 0 ? tags.join(', ') : url, url }));
  const names = [...new Set(uniqueCredits(record).map((c) => c.name))];
  const acknowledgments = names.length > 0 ? [{ names }] : undefined;

  let cvssV4: string | null = null;
  const scores: Json[] = [];
  if (record.cvss?.version === '4.0') {
    cvssV4 = `${record.cvss.vector} (score ${record.cvss.score.toFixed(1)}, ${record.cvss.severity})`;
    warnings.push('CSAF 2.0 has no CVSS v4.0 score object: the v4.0 vector is carried as a note.');
  } else if (record.cvss) {
    scores.push({ products: knownAffected, cvss_v3: cvssJson(record.cvss.vector).object });
  }

  const vulnerability: Json = {
    ...(record.cve ? { cve: record.cve } : {}),
    ...(cwes[0] ? { cwe: { id: cwes[0], name: cweName(cwes[0]) } } : {}),
    notes: notes(record, cvssV4),
    product_status: { known_affected: knownAffected, ...(fixed.length > 0 ? { fixed } : {}) },
    remediations,
    ...(scores.length > 0 ? { scores } : {}),
    ...(refs.length > 0 ? { references: refs } : {}),
    ...(acknowledgments ? { acknowledgments } : {}),
    ...(record.releaseDate ? { release_date: csafTime(record.releaseDate) } : {}),
  };

  const trackingId = record.cve ?? record.id;
  const document: Json = {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      lang: 'en',
      title: record.title,
      publisher: { category: 'vendor', name: publisher.csafPublisherName, namespace: publisher.csafPublisherNamespace },
      // TLP as CSAF 2.0 knows it (TLP 1.0 labels: WHITE is what TLP 2.0 calls CLEAR, which the
      // CSAF 2.0 schema does not accept). Under embargo AMBER by default: the distributors list
      // must share the advisory inside their organisations to build and test packages, which
      // AMBER allows and RED (named recipients only) does not; RED on request.
      distribution: released
        ? { text: 'TLP:CLEAR (TLP 2.0): disclosure is not limited.', tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } }
        : {
            text: `${record.releaseDate ? `Embargoed until ${csafTime(record.releaseDate)}.` : 'Embargoed; no Release Date is set yet.'} TLP:${context.embargoTlp ?? 'AMBER'}: ${
              (context.embargoTlp ?? 'AMBER') === 'RED' ? 'for the named recipients only, not to be shared further' : 'share only inside your organisation, with those who need it to prepare the fix'
            }; do not publish before the Release Date.`,
            tlp: { label: context.embargoTlp ?? 'AMBER', url: 'https://www.first.org/tlp/' },
          },
      tracking: {
        id: trackingId,
        status: released ? 'final' : 'draft',
        version: released ? '1' : '0',
        initial_release_date: date,
        current_release_date: date,
        revision_history: [{ date, number: released ? '1' : '0', summary: released ? 'Initial public release.' : 'Draft under embargo.' }],
        generator: { engine: { name: GENERATOR.name, version: GENERATOR.version } },
      },
      references: [{ category: 'self', summary: 'Canonical URL', url: canonicalUrl(publisher.csafPublisherNamespace, trackingId) }, ...refs],
      ...(acknowledgments ? { acknowledgments } : {}),
    },
    product_tree: { branches: [{ category: 'vendor', name: publisher.vendor, branches: productBranches }] },
    vulnerabilities: [vulnerability],
  };
  return { document: sortedKeys(document) as Json, warnings };
}
