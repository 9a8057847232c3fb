// The release-notes CVE data map (kubernetes/release's release-notes tool): one YAML document
// per cherry-pick PR, each with `pr` and, under datafields.cve, id, title, description,
// trackingissue, vector, score, rating and linkedprs (every PR of the fix). The documents are
// read back and checked field by field before anything is written.
import { parseAllDocuments, stringify } from 'yaml';
import { z } from 'zod';
import { scoreVector } from '../cvss/index.ts';
import { Requirements, exportInvalid, type ExportContext } from './export-context.ts';

const cveData = z.strictObject({
  id: z.string().regex(/^CVE-\d{4}-\d{4,}$/),
  title: z.string().min(1),
  description: z.string().min(1),
  trackingissue: z.url({ protocol: /^https?$/ }),
  vector: z.string().min(1),
  score: z.number().min(0).max(10),
  rating: z.enum(['None', 'Low', 'Medium', 'High', 'Critical']),
  linkedprs: z.array(z.number().int().positive()).min(1),
});
const mapDocument = z.strictObject({ pr: z.number().int().positive(), datafields: z.strictObject({ cve: cveData }) });

export function buildReleaseNotesMap(context: ExportContext): string {
  const { record, prs } = context;
  new Requirements('release-notes')
    .need(prs.length > 0, 'no cherry-pick PR numbers were given (--pr N, once per PR)')
    .need(new Set(prs).size === prs.length, 'a PR number is given twice')
    .need(record.cve !== null, 'the case has no CVE ID')
    .need(record.description.trim() !== '', 'the description is empty')
    .need(record.cvss !== null, 'no CVSS call is recorded (set it with "case set --cvss")')
    .need(record.trackingIssue !== null, 'the case has no tracking issue URL')
    .check();
  const cve = {
    id: record.cve,
    title: record.summary.trim() || record.title,
    description: record.description.trim(),
    trackingissue: record.trackingIssue,
    vector: record.cvss?.vector,
    score: record.cvss?.score,
    rating: record.cvss?.severity,
    linkedprs: prs,
  };
  const text = prs.map((pr) => `---\n${stringify({ pr, datafields: { cve } }, { lineWidth: 0 })}`).join('');

  // Read it back as the tool will, and check every document.
  const problems: string[] = [];
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents) || documents.length !== prs.length) problems.push('the YAML does not read back as one document per PR');
  for (const [index, document] of (Array.isArray(documents) ? documents : []).entries()) {
    const parsed = mapDocument.safeParse(document.toJS());
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => `document ${index + 1}, ${issue.path.join('.')}: ${issue.message}`));
      continue;
    }
    const scored = scoreVector(parsed.data.datafields.cve.vector);
    if (scored.score !== parsed.data.datafields.cve.score || scored.severity !== parsed.data.datafields.cve.rating) {
      problems.push(`document ${index + 1}: the score and rating do not match the vector`);
    }
  }
  if (problems.length > 0) throw exportInvalid('release-notes', problems);
  return text;
}
