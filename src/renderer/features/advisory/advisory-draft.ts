// The Advisory tab's form: the export fields of a case as editable text, what changed against
// the case (the edits for case.update), and the inline problems of each field. Inline checks
// only catch what is wrong on its face (the shape of an ID, a URL, a semver range, an empty
// row); whether a document can be built and validates is the core's answer, per format.
import semver from 'semver';
import { cveId, cweId, httpUrl, type CaseEdits, type CaseRecord } from '../../../shared/contract/index.ts';

export type CreditType = CaseRecord['credits'][number]['type'];

export interface AdvisoryDraft {
  /** '' for none. */
  cve: string;
  summary: string;
  description: string;
  cwe: string[];
  affected: { product: string; range: string }[];
  fixed: { product: string; version: string }[];
  references: { url: string; tags: string[] }[];
  credits: { name: string; type: CreditType }[];
  workarounds: string;
  mitigations: string;
  detection: string;
  /** '' for none. */
  trackingIssue: string;
}

export const ADVISORY_FIELDS = [
  'cve',
  'summary',
  'description',
  'cwe',
  'affected',
  'fixed',
  'references',
  'credits',
  'workarounds',
  'mitigations',
  'detection',
  'trackingIssue',
] as const satisfies readonly (keyof AdvisoryDraft)[];
export type AdvisoryField = (typeof ADVISORY_FIELDS)[number];

export const FIELD_NAMES: Record<AdvisoryField, string> = {
  cve: 'CVE ID',
  summary: 'Summary',
  description: 'Description',
  cwe: 'CWE',
  affected: 'Affected versions',
  fixed: 'Fixed versions',
  references: 'References',
  credits: 'Credits',
  workarounds: 'Workarounds',
  mitigations: 'Mitigations',
  detection: 'Detection',
  trackingIssue: 'Tracking issue',
};

/** The CVE JSON 5 schema's reference tags (the other formats map them). */
export const REFERENCE_TAGS = [
  'issue-tracking',
  'mailing-list',
  'patch',
  'vendor-advisory',
  'release-notes',
  'mitigation',
  'technical-description',
  'exploit',
  'third-party-advisory',
  'related',
  'product',
  'media-coverage',
  'vdb-entry',
  'signature',
  'government-resource',
  'permissions-required',
  'customer-entitlement',
  'not-applicable',
  'broken-link',
] as const;

/** The credit types a case takes (the CVE schema's, as the contract lists them). */
export const CREDIT_TYPES: readonly CreditType[] = ['finder', 'reporter', 'analyst', 'coordinator', 'remediation developer', 'remediation reviewer', 'other'];

export function draftFromCase(record: CaseRecord): AdvisoryDraft {
  return {
    cve: record.cve ?? '',
    summary: record.summary,
    description: record.description,
    cwe: [...record.cwe],
    affected: record.affected.map((a) => ({ ...a })),
    fixed: record.fixed.map((f) => ({ ...f })),
    references: record.references.map((r) => ({ url: r.url, tags: [...r.tags] })),
    credits: record.credits.map((c) => ({ ...c })),
    workarounds: record.workarounds,
    mitigations: record.mitigations,
    detection: record.detection,
    trackingIssue: record.trackingIssue ?? '',
  };
}

/** The draft as the case would store it (the contract trims names, ranges and versions). */
function normalised(draft: AdvisoryDraft): Record<AdvisoryField, unknown> {
  const cve = draft.cve.trim();
  const trackingIssue = draft.trackingIssue.trim();
  return {
    cve: cve === '' ? null : cve,
    summary: draft.summary,
    description: draft.description,
    cwe: draft.cwe.map((id) => id.trim().toUpperCase()),
    affected: draft.affected.map((a) => ({ product: a.product.trim(), range: a.range.trim() })),
    fixed: draft.fixed.map((f) => ({ product: f.product.trim(), version: f.version.trim() })),
    references: draft.references.map((r) => ({ url: r.url.trim(), tags: r.tags })),
    credits: draft.credits.map((c) => ({ name: c.name.trim(), type: c.type })),
    workarounds: draft.workarounds,
    mitigations: draft.mitigations,
    detection: draft.detection,
    trackingIssue: trackingIssue === '' ? null : trackingIssue,
  };
}

/** Only the fields that differ from the case: what case.update gets (one timeline event each). */
export function editsFromDraft(record: CaseRecord, draft: AdvisoryDraft): CaseEdits {
  const next = normalised(draft);
  const edits: Record<string, unknown> = {};
  for (const field of ADVISORY_FIELDS) {
    if (JSON.stringify(next[field]) !== JSON.stringify(record[field])) edits[field] = next[field];
  }
  return edits as CaseEdits;
}

export function changedFields(record: CaseRecord, draft: AdvisoryDraft): AdvisoryField[] {
  const edits = editsFromDraft(record, draft);
  return ADVISORY_FIELDS.filter((field) => field in edits);
}

/**
 * Sentences for the person filling the form, by field path ("cve", "cwe.1", "affected.0.range",
 * "references.2.url"). Errors stop a save; warnings do not. `complete` also reports empty
 * required parts of rows (shown once the user tries to save, not while a row is being added).
 */
export interface DraftCheck {
  errors: Record<string, string>;
  warnings: Record<string, string>;
}

const LONG_TEXT = 20_000;

export function checkDraft(draft: AdvisoryDraft, complete: boolean): DraftCheck {
  const problems: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  const put = (path: string, problem: string | null) => {
    if (problem !== null && problems[path] === undefined) problems[path] = problem;
  };
  const required = (path: string, value: string, what: string) => {
    if (complete && value.trim() === '') put(path, `Give the ${what}, or remove the row.`);
  };

  const cve = draft.cve.trim();
  if (cve !== '' && !cveId.safeParse(cve).success) put('cve', 'A CVE ID looks like CVE-2026-12345.');
  const issue = draft.trackingIssue.trim();
  if (issue !== '' && !httpUrl.safeParse(issue).success) put('trackingIssue', 'The tracking issue must be an http(s) URL.');
  for (const field of ['summary', 'description', 'workarounds', 'mitigations', 'detection'] as const) {
    if (draft[field].length > LONG_TEXT) put(field, `Keep it under ${LONG_TEXT.toLocaleString('en')} characters (it has ${draft[field].length.toLocaleString('en')}).`);
  }

  if (draft.cwe.length > 20) put('cwe', 'A case takes at most 20 CWE IDs.');
  const seenCwe = new Set<string>();
  draft.cwe.forEach((raw, index) => {
    const id = raw.trim().toUpperCase();
    if (id === '') required(`cwe.${index}`, id, 'CWE ID');
    else if (!cweId.safeParse(id).success) put(`cwe.${index}`, `"${raw.trim()}" is not a CWE ID; they look like CWE-22.`);
    else if (seenCwe.has(id)) put(`cwe.${index}`, `${id} is listed twice.`);
    seenCwe.add(id);
  });

  const affectedProducts = new Set(draft.affected.map((a) => a.product.trim()).filter((p) => p !== ''));
  draft.affected.forEach((row, index) => {
    required(`affected.${index}.product`, row.product, 'product');
    required(`affected.${index}.range`, row.range, 'affected range');
    if (row.range.trim() !== '') put(`affected.${index}.range`, rangeProblem(row.range.trim()));
  });
  draft.fixed.forEach((row, index) => {
    required(`fixed.${index}.product`, row.product, 'product');
    required(`fixed.${index}.version`, row.version, 'fixed version');
    const product = row.product.trim();
    if (product !== '' && !affectedProducts.has(product)) warnings[`fixed.${index}.product`] = `${product} is not listed as affected: the exports leave this fixed version out.`;
    const version = row.version.trim();
    if (version !== '' && semver.valid(version) === null) put(`fixed.${index}.version`, `"${version}" is not a semver version (e.g. 1.29.4).`);
  });
  const seenUrls = new Set<string>();
  draft.references.forEach((row, index) => {
    const url = row.url.trim();
    required(`references.${index}.url`, url, 'link');
    if (url !== '' && !httpUrl.safeParse(url).success) put(`references.${index}.url`, 'A reference must be an http(s) URL.');
    else if (url !== '' && seenUrls.has(url)) put(`references.${index}.url`, 'This link is listed twice.');
    seenUrls.add(url);
  });
  draft.credits.forEach((row, index) => required(`credits.${index}.name`, row.name, 'name'));
  return { errors: problems, warnings };
}

/**
 * What a range must be for the exports to state it: semver comparators, each part an interval
 * with an inclusive lower bound. The core decides (and explains, per format); this catches the
 * common slips as they are typed.
 */
export function rangeProblem(range: string): string | null {
  let parsed: semver.Range;
  try {
    parsed = new semver.Range(range);
  } catch {
    return `"${range}" is not a semver range; write e.g. ">=1.29.0 <1.29.4", "<1.28.9", or "*" for every version.`;
  }
  // As semver reads it (it rewrites "1.x", "~1.2", hyphen ranges and "* || …" into comparators).
  if (parsed.set.some((comparators) => comparators.some((c) => c.operator === '>'))) {
    return 'Write the lower bound as ">=" the first affected version (the formats cannot state an exclusive lower bound).';
  }
  return null;
}
