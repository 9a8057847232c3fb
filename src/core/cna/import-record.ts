// cve.import: a published CVE JSON 5 record (cvelistV5, `cve show -r`) into a case, for
// follow-ups and for cases started elsewhere. The record is checked against the official
// schema first and every field is mapped and checked against the case's own rules before
// anything is written; then one write fills the case (or one creation and one write make a
// new case). A record that fails is a CveRecordInvalid error naming the problems, and the vault
// is as it was.
import semver from 'semver';
import type { CaseEdits, CaseRecord } from '../../shared/contract/index.ts';
import { affectedProduct, caseTitle, credit, cweId, fixedProduct, reference } from '../../shared/contract/cases.ts';
import { CVE_ID_PATTERN } from '../../shared/contract/cna.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { mutateCase, readCase, syncIndexEntry, toRecord } from '../cases/case-store.ts';
import { createCase, normaliseInstant } from '../cases/create-case.ts';
import { scoreCvssCall } from '../cvss/index.ts';
import type { CaseFields } from '../vault/documents.ts';
import type { CoreSession } from '../session.ts';

type Json = Record<string, unknown>;

function invalid(problems: string[]): EmbargoError {
  const shown = problems.slice(0, 10);
  return new EmbargoError('CveRecordInvalid', `The CVE record was not imported: ${shown.join('; ')}${problems.length > shown.length ? `; and ${problems.length - shown.length} more` : ''}.`, {
    problems: shown,
  });
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** English first, then the first description. */
function english(descriptions: unknown): string | null {
  const all = array(descriptions).filter(isObject);
  const chosen = all.find((d) => typeof d.lang === 'string' && d.lang.toLowerCase().startsWith('en')) ?? all[0];
  return chosen ? text(chosen.value) : null;
}

const CREDIT_TYPES = new Set(['finder', 'reporter', 'analyst', 'coordinator', 'remediation developer', 'remediation reviewer', 'other']);

export interface MappedRecord {
  cve: string;
  title: string;
  fields: Partial<CaseFields>;
  filled: string[];
  warnings: string[];
  disclosedAt: string | null;
}

/** The version entry as a semver range of the case ("kubelet", ">=1.29.0 <1.29.4"), or why not. */
function rangeOf(entry: Json): string | { skip: string } {
  const version = text(entry.version) ?? '';
  const type = text(entry.versionType);
  if (type !== null && type !== 'semver' && type !== 'custom') return { skip: `versionType ${type}` };
  const lessThan = text(entry.lessThan);
  const lessThanOrEqual = text(entry.lessThanOrEqual);
  const lower = version === '0' || version === '*' ? null : version;
  if (lower !== null && semver.valid(lower) === null) return { skip: `version "${version.slice(0, 40)}" is not semver` };
  const upperVersion = lessThan ?? lessThanOrEqual;
  if (upperVersion !== null && upperVersion !== '*' && semver.valid(upperVersion) === null) return { skip: `bound "${upperVersion.slice(0, 40)}" is not semver` };
  const parts: string[] = [];
  if (lower !== null) parts.push(upperVersion === null ? lower : `>=${lower}`);
  if (lessThan !== null && lessThan !== '*') parts.push(`<${lessThan}`);
  else if (lessThanOrEqual !== null && lessThanOrEqual !== '*') parts.push(`<=${lessThanOrEqual}`);
  return parts.length > 0 ? parts.join(' ') : '*';
}

/** Maps a schema-valid published record to case fields; problems found are returned, not thrown. */
export function mapRecord(document: Json): MappedRecord | { problems: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  const metadata = document.cveMetadata as Json;
  const cna = (document.containers as Json).cna as Json;
  const cve = String(metadata.cveId);
  if (metadata.state !== 'PUBLISHED') problems.push(`the record is ${String(metadata.state)}, not PUBLISHED`);
  if (!CVE_ID_PATTERN.test(cve)) problems.push(`${cve.slice(0, 40)} is not a CVE ID`);

  const description = english(cna.descriptions)?.trim() ?? '';
  const title = (text(cna.title)?.trim() || description.split('\n')[0]?.slice(0, 200) || cve).slice(0, 300);
  if (!caseTitle.safeParse(title).success) problems.push('the record has no usable title');
  const fields: Partial<CaseFields> = { cve, summary: title, description: description.slice(0, 20_000) };
  const filled = ['cve', 'summary', 'description'];
  if (description.length > 20_000) warnings.push('The description was cut at 20000 characters.');

  // CVSS: the newest version the record has (4.0, then 3.1, then 3.0); the core scores the vector
  const metrics = array(cna.metrics).filter(isObject);
  for (const key of ['cvssV4_0', 'cvssV3_1', 'cvssV3_0']) {
    const metric = metrics.map((m) => m[key]).find(isObject);
    const vector = metric ? text(metric.vectorString) : null;
    if (!vector) continue;
    try {
      fields.cvss = scoreCvssCall(vector);
      filled.push('cvss');
      const stated = typeof metric?.baseScore === 'number' ? metric.baseScore : null;
      if (stated !== null && stated !== fields.cvss.score) warnings.push(`The record states a base score of ${stated}; the vector scores ${fields.cvss.score}.`);
    } catch (error) {
      problems.push(`its ${key} vector ${vector.slice(0, 80)} cannot be scored (${error instanceof Error ? error.message : String(error)})`);
    }
    break;
  }

  const cwes = array(cna.problemTypes)
    .filter(isObject)
    .flatMap((p) => array(p.descriptions).filter(isObject))
    .map((d) => text(d.cweId))
    .filter((id): id is string => id !== null);
  const goodCwes = [...new Set(cwes.filter((id) => cweId.safeParse(id).success))].slice(0, 20);
  if (goodCwes.length < new Set(cwes).size) warnings.push('Some CWE IDs were left out (not CWE-<number>, or more than 20).');
  if (goodCwes.length > 0) {
    fields.cwe = goodCwes;
    filled.push('cwe');
  }

  const affected: CaseFields['affected'] = [];
  const fixed: CaseFields['fixed'] = [];
  for (const product of array(cna.affected).filter(isObject)) {
    const name = (text(product.product) ?? text(product.packageName) ?? '').trim().slice(0, 200);
    if (name === '' || name === 'n/a') continue;
    for (const entry of array(product.versions).filter(isObject)) {
      const status = entry.status;
      if (status === 'unaffected' && !entry.lessThan && !entry.lessThanOrEqual) {
        const candidate = { product: name, version: String(entry.version).trim() };
        if (fixedProduct.safeParse(candidate).success && semver.valid(candidate.version) !== null) fixed.push(candidate);
        continue;
      }
      if (status !== 'affected') continue;
      const range = rangeOf(entry);
      if (typeof range !== 'string') {
        warnings.push(`An affected version of ${name} was left out: ${range.skip}.`);
        continue;
      }
      const candidate = { product: name, range };
      if (affectedProduct.safeParse(candidate).success && !affected.some((a) => a.product === name && a.range === range)) affected.push(candidate);
    }
  }
  if (affected.length > 0) {
    fields.affected = affected.slice(0, 100);
    filled.push('affected');
  }
  if (fixed.length > 0) {
    fields.fixed = fixed.slice(0, 100);
    filled.push('fixed');
  }

  const references: CaseFields['references'] = [];
  for (const ref of array(cna.references).filter(isObject)) {
    const candidate = { url: String(ref.url), tags: array(ref.tags).filter((t): t is string => typeof t === 'string') };
    const parsed = reference.safeParse(candidate);
    if (parsed.success) {
      if (!references.some((r) => r.url === candidate.url)) references.push(parsed.data);
    } else warnings.push(`The reference ${candidate.url.slice(0, 100)} was left out (not an http(s) URL the case takes).`);
  }
  if (references.length > 0) {
    fields.references = references.slice(0, 100);
    filled.push('references');
  }

  const credits: CaseFields['credits'] = [];
  for (const c of array(cna.credits).filter(isObject)) {
    const type = typeof c.type === 'string' && CREDIT_TYPES.has(c.type) ? c.type : 'other';
    const candidate = { name: String(c.value ?? '').trim().slice(0, 200), type, ...(typeof c.user === 'string' ? { user: c.user } : {}) };
    const parsed = credit.safeParse(candidate);
    if (parsed.success) credits.push(parsed.data);
  }
  if (credits.length > 0) {
    fields.credits = credits.slice(0, 100);
    filled.push('credits');
  }

  const workarounds = array(cna.workarounds).filter(isObject).map((w) => text(w.value)?.trim() ?? '').filter(Boolean).join('\n\n');
  if (workarounds !== '') {
    fields.workarounds = workarounds.slice(0, 20_000);
    filled.push('workarounds');
  }

  const published = text(metadata.datePublished) ?? text(cna.datePublic);
  const disclosedAt = text(metadata.dateReserved) ?? published;
  const toInstant = (value: string | null) => {
    if (value === null) return null;
    const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  };
  const release = toInstant(text(cna.datePublic) ?? published);
  if (release !== null) fields.releaseDate = release;

  if (problems.length > 0) return { problems };
  return { cve, title, fields, filled: release !== null ? [...filled, 'releaseDate'] : filled, warnings, disclosedAt: toInstant(disclosedAt) };
}

export async function parseCveRecord(textInput: string): Promise<Json> {
  let document: unknown;
  try {
    document = JSON.parse(textInput);
  } catch (error) {
    throw invalid([`it is not JSON (${error instanceof Error ? error.message.slice(0, 120) : 'parse error'})`]);
  }
  const { validateAgainst } = await import('../advisory/schemas.ts');
  const problems = validateAgainst('cve-record', document);
  if (problems.length > 0) throw invalid(problems.map((p) => `${p.path} ${p.message}`));
  return document as Json;
}

export async function importCveRecord(session: CoreSession, input: { id?: string; text: string }): Promise<{ record: CaseRecord; created: boolean; filled: string[]; warnings: string[] }> {
  const context = session.cases();
  const document = await parseCveRecord(input.text);
  const mapped = mapRecord(document);
  if ('problems' in mapped) throw invalid(mapped.problems);

  let caseId = input.id;
  const warnings = [...mapped.warnings];
  if (caseId !== undefined) {
    const current = toRecord(await readCase(context, caseId));
    if (current.cve !== null && current.cve !== mapped.cve) {
      throw new EmbargoError('Conflict', `${caseId} carries ${current.cve}, the record is ${mapped.cve}: import it into its own case.`, { id: caseId, cve: current.cve, record: mapped.cve });
    }
    // a follow-up keeps the case's own Release Date
    if (current.releaseDate !== null && mapped.fields.releaseDate !== undefined) {
      delete mapped.fields.releaseDate;
      mapped.filled = mapped.filled.filter((f) => f !== 'releaseDate');
    }
  }
  const edits: Partial<CaseFields> = mapped.fields;
  // the case's own rules, checked before anything is written
  const { caseEdits } = await import('../../shared/contract/cases.ts');
  const { cvss, ...checkable } = edits;
  const checked = caseEdits.safeParse(checkable as CaseEdits);
  if (!checked.success) throw invalid(checked.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));

  let created = false;
  if (caseId === undefined) {
    const opened = await createCase(context, { title: mapped.title, disclosedAt: mapped.disclosedAt ?? session.ports.now().toISOString(), kind: 'public', profile: 'kubernetes-2017' });
    caseId = opened.id;
    created = true;
  }
  const changes: Partial<CaseFields> = { ...checked.data, ...(cvss ? { cvss } : {}) } as Partial<CaseFields>;
  if (changes.releaseDate) changes.releaseDate = normaliseInstant(changes.releaseDate);
  const { record } = await mutateCase(
    context,
    caseId,
    (fields) => ({ ...fields, ...changes }),
    (before, after) => [
      ...(Object.keys(changes) as (keyof CaseFields)[])
        .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
        .map((field) => ({ type: field === 'cvss' ? 'case.cvss-call' : 'case.field-changed', data: { field, from: before[field] ?? null, to: after[field] ?? null } })),
      { type: 'cve.imported', data: { cve: mapped.cve, filled: mapped.filled, created } },
    ],
  );
  await syncIndexEntry(context, record);
  return { record, created, filled: mapped.filled, warnings };
}
