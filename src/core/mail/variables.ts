// The variables templates use, each computed from the mail context. A variable without a
// value is null and the renderer shows it as ⟦missing: name⟧: an unset Release Date, an
// undecided embargo condition or an empty mitigation section is never silently blank.
// Times always carry their hour and zone.
import type { MailContext } from './context.ts';
import { renderTemplate } from './render.ts';
import { zonedTime } from '../process/time.ts';
import { scheduledItems } from '../process/schedule.ts';
import { retrospectiveMarkdown } from '../process/retrospective.ts';
import { MEMBERSHIP_CRITERIA } from '../../shared/contract/distributors.ts';
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';

type Value = string | null;

interface Variable {
  name: string;
  description: string;
  value(context: MailContext): Value;
}

/** 2026-12-02 16:00 UTC */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${new Date(iso).toISOString().slice(11, 16)} UTC`;
}

function text(value: string | null | undefined): Value {
  return value && value.trim() !== '' ? value.trim() : null;
}

function bullets(items: readonly string[]): Value {
  return items.length > 0 ? items.map((item) => `- ${item}`).join('\n') : null;
}

function names(context: MailContext, refs: readonly string[]): Value {
  return refs.length > 0 ? refs.map((ref) => context.directory.name(ref)).join(', ') : null;
}

const caseField = <K extends keyof NonNullable<MailContext['document']>['case']>(context: MailContext, key: K) => context.document?.case[key] ?? null;

function releaseDateZones(context: MailContext): Value {
  const iso = caseField(context, 'releaseDate');
  if (!iso) return null;
  return context.zones
    .map((zone) => {
      const at = zonedTime(iso, zone);
      return zone === 'UTC' ? `${at.weekday} ${at.date} ${at.time} UTC` : `${at.weekday} ${at.date} ${at.time} ${zone} (UTC${at.offset})`;
    })
    .join('\n');
}

function range(text: string): string {
  return text.trim() === '*' ? 'all versions' : text;
}

function embargoDeploy(context: MailContext): Value {
  const allowed = context.document?.case.embargo.deployBeforeRelease;
  if (allowed === null || allowed === undefined) return null;
  return allowed
    ? 'allowed, provided nothing about the fix becomes visible (no changelog entry, no public source, no advisory).'
    : 'not allowed. Build and test, but do not deploy or ship a patched build before the Release Date.';
}

function embargoPatch(context: MailContext): Value {
  const embargoed = context.document?.case.embargo.patchUnderEmbargo;
  if (embargoed === null || embargoed === undefined) return null;
  return embargoed
    ? 'under embargo. Do not publish it, push it to a public repository or open a public pull request with it.'
    : 'not under embargo, but it must not be described as a security fix before the Release Date.';
}

function acknowledgements(context: MailContext): Value {
  const fields = context.document?.case;
  if (!fields) return null;
  const verbs: Record<string, string> = {
    finder: 'Found by',
    reporter: 'Reported by',
    analyst: 'Analysed by',
    coordinator: 'Coordinated by',
    'remediation developer': 'Fix developed by',
    'remediation reviewer': 'Fix reviewed by',
    other: 'With thanks to',
  };
  const lines: string[] = [];
  const reporter = fields.people.reporter ? context.directory.name(fields.people.reporter) : null;
  // A reporter the credits already name (as finder or reporter) is thanked once.
  if (reporter && !fields.credits.some((credit) => credit.name === reporter)) lines.push(`Reported by ${reporter}`);
  for (const credit of fields.credits) {
    const line = `${verbs[credit.type] ?? 'With thanks to'} ${credit.name}`;
    if (!lines.includes(line)) lines.push(line);
  }
  if (fields.people.fixTeam.length > 0) lines.push(`Fix Team: ${names(context, fields.people.fixTeam)}`);
  if (fields.people.releaseManagers.length > 0) lines.push(`Release Managers: ${names(context, fields.people.releaseManagers)}`);
  if (fields.people.fixLead) lines.push(`Fix Lead: ${context.directory.name(fields.people.fixLead)}`);
  return bullets(lines);
}

function processOverview(context: MailContext): Value {
  if (!context.schedule) return null;
  return bullets(
    context.schedule.phases.map((phase) => {
      const when = phase.asap ? 'as soon as possible' : phase.due ? `by ${formatUtc(phase.due)}` : 'no deadline yet';
      return `${phase.title}${phase.optional ? ' (optional)' : ''}: ${when}${phase.state === 'done' ? ' (done)' : ''}`;
    }),
  );
}

function openItems(context: MailContext): Value {
  if (!context.schedule) return null;
  const open = scheduledItems(context.schedule).filter((item) => item.state !== 'done' && item.state !== 'skipped');
  if (open.length === 0) return 'None: every step is done or skipped.';
  return bullets(open.map((item) => `${item.title} (${item.state}${item.due ? `, due ${formatUtc(item.due)}` : ''})`));
}

function leakDecision(context: MailContext): Value {
  if (!context.leak) return null;
  const decision = context.leakDecision;
  if (!decision) return 'not taken yet.';
  return `${decision.choice === 'release-earlier' ? 'release earlier' : 'continue with the plan'} (${formatUtc(decision.at)}): ${decision.reason}`;
}

function criteriaAssessment(context: MailContext): Value {
  const request = context.request;
  if (!request) return null;
  return request.criteria
    .map((criterion) => {
      const verdict = criterion.met === null ? 'not assessed yet' : criterion.met ? 'met' : 'not met';
      const evidence = criterion.evidence.trim() === '' ? 'none given' : criterion.evidence.trim().replace(/\s*\n\s*/g, ' ');
      return `${criterion.number}. ${criterion.text}\n   Evidence: ${evidence}\n   Assessment: ${verdict}`;
    })
    .join('\n');
}

function memberLeaks(context: MailContext): Value {
  const member = context.member;
  if (!member) return null;
  if (member.leaks.length === 0) return 'None recorded.';
  return bullets(member.leaks.map((leak) => `${formatUtc(leak.at)} on ${leak.caseId}${leak.note ? `: ${leak.note}` : ''}`));
}

function personEmail(context: MailContext, ref: string | null): Value {
  return context.directory.lookup(ref)?.addresses[0] ?? null;
}

const VARIABLES: Variable[] = [
  // The case
  { name: 'caseId', description: 'The case id (EMB-0001).', value: (c) => caseField(c, 'id') },
  { name: 'caseRef', description: 'The CVE ID, or the case id while there is none.', value: (c) => caseField(c, 'cve') ?? caseField(c, 'id') },
  { name: 'title', description: "The case's title.", value: (c) => text(caseField(c, 'title')) },
  { name: 'summary', description: 'One line: who may be able to do what ($ACTOR may be able to $DO_SOMETHING).', value: (c) => text(caseField(c, 'summary')) },
  { name: 'description', description: 'The issue in a few sentences.', value: (c) => text(caseField(c, 'description')) },
  { name: 'cve', description: 'The CVE ID.', value: (c) => caseField(c, 'cve') },
  { name: 'cwe', description: 'The CWE IDs.', value: (c) => (c.document && c.document.case.cwe.length > 0 ? c.document.case.cwe.join(', ') : null) },
  { name: 'severity', description: 'Severity of the CVSS call (Low … Critical).', value: (c) => c.document?.case.cvss?.severity ?? null },
  { name: 'cvssScore', description: 'CVSS base score, one decimal.', value: (c) => (c.document?.case.cvss ? c.document.case.cvss.score.toFixed(1) : null) },
  { name: 'cvssVector', description: 'CVSS vector of the Fix Lead’s call.', value: (c) => c.document?.case.cvss?.vector ?? null },
  { name: 'severityOrUnset', description: 'Severity and score, or “not scored yet”.', value: (c) => (c.document?.case.cvss ? `${c.document.case.cvss.severity} (${c.document.case.cvss.score.toFixed(1)})` : c.document ? 'not scored yet' : null) },
  { name: 'disclosedAt', description: 'When the issue was disclosed to the team (UTC).', value: (c) => (c.document ? formatUtc(c.document.case.disclosedAt) : null) },
  { name: 'releaseDate', description: 'The Release Date with hour and zone (UTC).', value: (c) => (caseField(c, 'releaseDate') ? formatUtc(caseField(c, 'releaseDate')!) : null) },
  { name: 'releaseDateZones', description: 'The Release Date in UTC and in the zones of the process profile, one per line.', value: releaseDateZones },
  { name: 'releaseDateOrUnset', description: 'The Release Date, or “not set yet”.', value: (c) => (caseField(c, 'releaseDate') ? formatUtc(caseField(c, 'releaseDate')!) : c.document ? 'not set yet' : null) },
  { name: 'sendDate', description: 'Now, when the draft is made (UTC).', value: (c) => formatUtc(c.now.toISOString()) },
  { name: 'affectedVersions', description: 'Affected components and versions, one per line.', value: (c) => bullets((c.document?.case.affected ?? []).map((a) => `${a.product}: ${range(a.range)}`)) },
  { name: 'fixedVersions', description: 'Fixed versions, one per line.', value: (c) => bullets((c.document?.case.fixed ?? []).map((f) => `${f.product} ${f.version}`)) },
  { name: 'mitigations', description: 'What users can do before they can upgrade.', value: (c) => text(caseField(c, 'mitigations')) },
  { name: 'workarounds', description: 'Workarounds.', value: (c) => text(caseField(c, 'workarounds')) },
  { name: 'detection', description: 'How to tell whether the issue was exploited.', value: (c) => text(caseField(c, 'detection')) },
  { name: 'embargoDeploy', description: 'May distributors deploy a patched build before the Release Date?', value: embargoDeploy },
  { name: 'embargoPatch', description: 'Is the patch itself under embargo?', value: embargoPatch },
  { name: 'embargoHosted', description: 'Exceptions for hosted services.', value: (c) => (c.document ? (text(c.document.case.embargo.hostedServiceExceptions) ?? 'no exception.') : null) },
  { name: 'fixLead', description: 'The Fix Lead’s name.', value: (c) => (c.document?.case.people.fixLead ? c.directory.name(c.document.case.people.fixLead) : null) },
  { name: 'fixLeadEmail', description: 'The Fix Lead’s mail address (roster contact or person), else the sender’s.', value: (c) => personEmail(c, c.document?.case.people.fixLead ?? null) ?? c.sender?.address ?? null },
  { name: 'fixTeam', description: 'The Fix Team, by name.', value: (c) => names(c, c.document?.case.people.fixTeam ?? []) },
  { name: 'releaseManagers', description: 'The Release Managers, by name.', value: (c) => names(c, c.document?.case.people.releaseManagers ?? []) },
  { name: 'reporter', description: 'Who reported the issue.', value: (c) => (c.document?.case.people.reporter ? c.directory.name(c.document.case.people.reporter) : null) },
  { name: 'acknowledgements', description: 'Reporter, credits, Fix Team, Release Managers and Fix Lead, one per line.', value: acknowledgements },
  { name: 'trackingIssue', description: 'The public tracking issue URL.', value: (c) => caseField(c, 'trackingIssue') },
  { name: 'references', description: 'Every reference URL, one per line.', value: (c) => bullets((c.document?.case.references ?? []).map((r) => r.url)) },
  {
    name: 'mergedPrs',
    description: 'The merged fix PRs: references tagged “patch” or pointing at a pull request.',
    value: (c) => bullets((c.document?.case.references ?? []).filter((r) => r.tags.includes('patch') || /\/(pull|merge_requests)\/\d+|\/commit\//.test(r.url)).map((r) => r.url)),
  },
  {
    name: 'binaries',
    description: 'Where the released binaries are: the case’s links labelled binaries, download, release or packages.',
    value: (c) => bullets((c.document?.case.links ?? []).filter((l) => /binar|download|release|artifact|package/i.test(l.label)).map((l) => `${l.label}: ${l.url}`)),
  },
  { name: 'patchFiles', description: 'The attached patch series, one file per release branch.', value: (c) => bullets((c.patchFiles ?? []).map((p) => `${p.name} (branch ${p.branch})`)) },
  { name: 'patchBranches', description: 'The release branches with patches.', value: (c) => (c.patchFiles && c.patchFiles.length > 0 ? c.patchFiles.map((p) => p.branch).join(', ') : null) },
  {
    name: 'interdiff',
    description: 'What changed in the patch series since the upstream moved (per branch, as git range-diff shows it), kept as it is.',
    value: (c) => (c.interdiff && c.interdiff.trim() !== '' ? c.interdiff.replace(/\n+$/, '').split('\n').map((line) => (line === '' ? '' : `    ${line}`)).join('\n') : null),
  },
  { name: 'processOverview', description: 'Each phase of the process with its deadline.', value: processOverview },
  { name: 'openItems', description: 'The checklist steps not done yet, with their state and deadline.', value: openItems },
  { name: 'profileTitle', description: 'The process profile the case follows.', value: (c) => c.schedule?.profile.title ?? null },
  { name: 'retrospective', description: 'The retrospective draft: people, timeline, leaks and decisions, links.', value: (c) => (c.document ? retrospectiveMarkdown(c.document, c.now, (id) => c.directory.name(id)) : null) },
  // Settings
  { name: 'project', description: 'The project tag of the oss-security subject (kubernetes).', value: (c) => c.settings.project },
  { name: 'projectName', description: 'The project’s name (Kubernetes).', value: (c) => c.settings.projectName },
  { name: 'sender', description: 'The sender’s name.', value: (c) => text(c.sender?.name) ?? c.sender?.address ?? null },
  { name: 'securityList', description: 'The security list’s address.', value: (c) => c.settings.lists.security },
  { name: 'distributorsList', description: 'The distributors list’s address.', value: (c) => c.settings.lists.distributors },
  { name: 'announceList', description: 'The announce list’s address.', value: (c) => c.settings.lists.announce },
  { name: 'securityAnnounceList', description: 'The security-announce list’s address.', value: (c) => c.settings.lists.securityAnnounce },
  { name: 'devList', description: 'The dev list’s address.', value: (c) => c.settings.lists.dev },
  { name: 'ossSecurityList', description: 'oss-security’s address.', value: (c) => c.settings.lists.ossSecurity },
  // A leak
  { name: 'leakId', description: 'The leak’s id (the one given, else the latest).', value: (c) => c.leak?.id ?? null },
  { name: 'leakWhat', description: 'What leaked.', value: (c) => text(c.leak?.what) },
  { name: 'leakToWhom', description: 'To whom it leaked.', value: (c) => text(c.leak?.toWhom) },
  { name: 'leakWhen', description: 'When it leaked (UTC).', value: (c) => (c.leak ? formatUtc(c.leak.when) : null) },
  { name: 'leakReportedBy', description: 'Who reported the leak.', value: (c) => text(c.leak?.reportedBy) },
  { name: 'leakDistributor', description: 'The distributor it came through, or “none named”.', value: (c) => (c.leak ? (text(c.leak.distributor) ?? 'none named.') : null) },
  { name: 'leakDecision', description: 'The decision about the leak, or “not taken yet”.', value: leakDecision },
  // A handoff
  { name: 'handoffFrom', description: 'The outgoing lead.', value: (c) => (c.handoff?.from ? c.directory.name(c.handoff.from) : (text(c.sender?.name) ?? null)) },
  { name: 'handoffTo', description: 'The incoming lead.', value: (c) => (c.handoff ? c.directory.name(c.handoff.to) : null) },
  { name: 'handoffNote', description: 'The handoff note.', value: (c) => text(c.handoff?.note) },
  // A membership request
  { name: 'requestOrganisation', description: 'The organisation asking to join.', value: (c) => text(c.request?.organisation) },
  { name: 'requestDistribution', description: 'Its distribution.', value: (c) => text(c.request?.distribution) },
  { name: 'requester', description: 'The person asking on its behalf.', value: (c) => (c.request ? c.directory.name(c.request.requester) : null) },
  { name: 'decision', description: 'accepted or declined.', value: (c) => (c.request?.decision ? (c.request.decision.outcome === 'accepted' ? 'accepted' : 'declined') : null) },
  { name: 'decisionReason', description: 'The reason of the decision.', value: (c) => text(c.request?.decision?.reason) },
  { name: 'criteriaAssessment', description: 'Each of the nine criteria with the evidence given and our assessment.', value: criteriaAssessment },
  { name: 'membershipCriteria', description: 'The nine membership criteria.', value: () => MEMBERSHIP_CRITERIA.map((c, i) => `${i + 1}. ${c.text}`).join('\n') },
  // A member
  { name: 'memberOrganisation', description: 'The member organisation.', value: (c) => text(c.member?.organisation) },
  { name: 'memberDistribution', description: 'The member’s distribution.', value: (c) => text(c.member?.distribution) },
  { name: 'memberRemovedAt', description: 'When the member was removed (UTC).', value: (c) => (c.member?.removedAt ? formatUtc(c.member.removedAt) : null) },
  { name: 'removalReason', description: 'Why the member was removed.', value: (c) => text(c.member?.removalReason) },
  { name: 'memberLeaks', description: 'The leaks recorded against the member.', value: memberLeaks },
  // The latest distributors notice of the case
  { name: 'noticeSentAt', description: 'When the latest distributors notice was sent (UTC).', value: (c) => (c.latestNotice ? formatUtc(c.latestNotice.sentAt) : null) },
  { name: 'noticeSubject', description: 'The subject of the latest distributors notice.', value: (c) => text(c.latestNotice?.subject) },
  // Composite
  { name: 'publicAdvisory', description: 'The security advisory’s body, filled (the second notice and the oss-security copy quote it).', value: () => null },
];

export const VARIABLE_NAMES: ReadonlySet<string> = new Set(VARIABLES.map((variable) => variable.name));

export function variableInfos(): { name: string; description: string }[] {
  return VARIABLES.map(({ name, description }) => ({ name, description }));
}

/** Every variable's value for this context, then the user's own values on top. */
export function variableValues(context: MailContext, vars: Readonly<Record<string, string>> = {}): Record<string, Value> {
  const values: Record<string, Value> = {};
  for (const variable of VARIABLES) values[variable.name] = variable.value(context);
  Object.assign(values, vars);
  if (!Object.prototype.hasOwnProperty.call(vars, 'publicAdvisory')) {
    // The advisory quoted inside another email; it cannot quote itself.
    values.publicAdvisory = renderTemplate(context.advisoryBody, { ...values, publicAdvisory: null }).text;
  }
  return values;
}

// `mail.variables`: The variables templates can use, each with what it holds.
export function variablesHandler(): HandlerOf<(typeof mailMethods)['mail.variables']> {
  return async () => variableInfos();
}
