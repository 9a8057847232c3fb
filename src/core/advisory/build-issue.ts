// The public tracking issue (committee-security-response comms-templates/vulnerability-
// announcement-issue.md): the title must start with the CVE ID(s), because the official CVE
// feed parses titles with ^(?:CVE-\d{4}-\d{4,}[\s,:-]*)+ and silently drops any other issue;
// the body has the CVSS line, the description, affected and fixed versions, mitigation,
// detection and acknowledgements, and ends with the label commands the feed needs.
import { Requirements, productLines, type ExportContext } from './export-context.ts';
import { describeInterval } from './version-ranges.ts';

/** The official CVE feed's title pattern. */
export const CVE_FEED_TITLE = /^(?:CVE-\d{4}-\d{4,}[\s,:-]*)+/;

/** GitHub's limit on an issue title. */
const MAX_TITLE = 256;

function calculatorLink(vector: string): string {
  const version = vector.slice(5, 8);
  return `[${vector}](https://www.first.org/cvss/calculator/${version}#${vector})`;
}

export interface TrackingIssue {
  title: string;
  body: string;
  labels: string[];
}

export function buildTrackingIssue(context: ExportContext): TrackingIssue {
  const { record, publisher } = context;
  const summary = record.summary.trim() || record.title.trim();
  const title = record.cve ? `${record.cve}: ${summary}` : '';
  new Requirements('tracking issue')
    .need(record.cve !== null, 'the case has no CVE ID, and the title must start with it for the official CVE feed')
    .need(record.cve === null || CVE_FEED_TITLE.test(title), `the title "${title}" does not match the CVE feed pattern ${CVE_FEED_TITLE.source}`)
    .need(title.length <= MAX_TITLE, `the title is ${title.length} characters; GitHub allows ${MAX_TITLE}`)
    .need(record.description.trim() !== '', 'the description is empty')
    .need(record.affected.length > 0, 'no affected product is listed')
    .check();

  const lines = productLines(record);
  const section = (heading: string, text: string) => (text.trim() ? [heading, '', text.trim(), ''] : []);
  const fixedBy = record.references.filter((r) => r.tags.includes('patch')).map((r) => r.url);
  const body = [
    record.cvss ? `CVSS Rating: ${calculatorLink(record.cvss.vector)} (${record.cvss.score.toFixed(1)}, ${record.cvss.severity})` : 'CVSS Rating: not yet scored',
    '',
    record.description.trim(),
    '',
    '### Am I vulnerable?',
    '',
    '#### Affected Versions',
    '',
    ...lines.flatMap((line) => line.intervals.map((interval) => `- ${line.product} ${describeInterval(interval)}`)),
    '',
    '### How do I mitigate this vulnerability?',
    '',
    ...(record.mitigations.trim() ? [record.mitigations.trim(), ''] : []),
    ...(record.workarounds.trim() ? [`Prior to upgrading, this vulnerability can be mitigated by: ${record.workarounds.trim()}`, ''] : []),
    '#### Fixed Versions',
    '',
    ...(lines.some((line) => line.fixed.length > 0)
      ? lines.flatMap((line) => line.fixed.map((version) => `- ${line.product} ${version}`))
      : ['- No fixed version is available yet.']),
    ...(fixedBy.length > 0 ? ['', `Fixed by: ${fixedBy.join(', ')}`] : []),
    '',
    ...section('### Detection', record.detection),
    `If you find evidence that this vulnerability has been exploited, please contact ${publisher.securityContact}`,
    '',
    ...(record.credits.length > 0
      ? ['#### Acknowledgements', '', ...record.credits.map((credit) => `- ${credit.name} (${credit.type})`), '']
      : []),
    '<!-- labels -->',
    '/area security',
    '/kind bug',
    '/committee security-response',
    '/label official-cve-feed',
  ].join('\n');
  return { title, body: `${body}\n`, labels: ['area/security', 'kind/bug', 'committee/security-response', 'official-cve-feed'] };
}
