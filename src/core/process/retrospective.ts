// The retrospective draft. The text asks for "details on everyone involved, the timeline of the
// process, links to relevant PRs that introduced the issue, if relevant, and any critiques of
// the response and release process", blameless. The draft fills in what the case knows —
// people, planned against actual per phase, leaks and decisions, links — and leaves headed
// space for the critiques, which only people can write.
import type { RetroItem, Schedule, TimelineEvent } from '../../shared/contract/index.ts';
import { actorName, readCase, type CaseContext } from '../cases/case-store.ts';
import { verifyChain } from '../timeline/chain.ts';
import type { CaseDocument } from '../vault/documents.ts';
import { documentSchedule } from './case-process.ts';
import { describeEvent } from './describe-event.ts';
import { mutateProcess, nextId } from './process-store.ts';
import { readRoster, rosterNames } from './roster.ts';
import { scheduledItems } from './schedule.ts';

type Names = (id: string | null | undefined) => string;

/** A sentence without its final full stop, to end it with our own punctuation. */
function clause(text: string): string {
  return inline(text).replace(/[.!]+$/, '');
}

/** One line of Markdown text: no line breaks, no table-breaking pipes. */
function inline(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—';
}

function duration(fromIso: string, toIso: string): string {
  const hours = Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 3_600_000);
  const magnitude = Math.abs(hours);
  const text = magnitude >= 48 ? `${Math.round(magnitude / 24)} days` : `${magnitude} h`;
  return hours >= 0 ? `${text} late` : `${text} early`;
}

function list(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : '—';
}

function peopleSection(document: CaseDocument, names: Names): string[] {
  const { people, credits } = document.case;
  const previousLeads = document.process.handoffs.filter((h) => h.state === 'acknowledged' && h.from).map((h) => names(h.from));
  const doers = [...new Set(Object.values(document.process.items).filter((r) => r.state === 'done').map((r) => names(r.by)))];
  const recorders = [...new Set(document.events.map((event) => event.actor))];
  const lines = [
    '## Everyone involved',
    '',
    `- Fix Lead: ${names(people.fixLead)}${previousLeads.length > 0 ? ` (earlier: ${previousLeads.join(', ')})` : ''}`,
    `- Fix Team: ${list(people.fixTeam.map(names))}`,
    `- Release Managers: ${list(people.releaseManagers.map(names))}`,
    `- Reporter: ${names(people.reporter)}`,
  ];
  if (credits.length > 0) lines.push(`- Credits: ${credits.map((c) => `${inline(c.name)} (${c.type})`).join(', ')}`);
  lines.push(`- Steps done by: ${list(doers)}`, `- Recorded on the timeline by: ${list(recorders)}`, '');
  return lines;
}

function timelineSection(schedule: Schedule, events: readonly TimelineEvent[], names: Names): string[] {
  const lines = [
    '## Timeline',
    '',
    `Disclosure: ${when(schedule.anchors.disclosure)}. Release Date: ${when(schedule.anchors.releaseDate)}.`,
    '',
    '| Phase | Window | Planned (due) | Actual (finished) | Result |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const phase of schedule.phases) {
    let result: string;
    if (phase.state === 'skipped') result = 'skipped';
    else if (phase.state !== 'done') result = 'not finished';
    else if (phase.finishedAt && phase.due) result = phase.finishedAt > phase.due ? duration(phase.due, phase.finishedAt) : 'on time';
    else result = 'done';
    const planned = phase.asap ? 'ASAP' : when(phase.due);
    lines.push(`| ${inline(phase.title)} | ${inline(phase.windowText)} | ${planned} | ${when(phase.finishedAt)} | ${result} |`);
  }
  const items = scheduledItems(schedule);
  const late = items.filter((item) => item.late && item.record && item.due);
  const skipped = items.filter((item) => item.state === 'skipped');
  if (late.length > 0) {
    lines.push('', '### Steps done late', '');
    for (const item of late) lines.push(`- ${inline(item.title)}: due ${when(item.due)}, done ${when(item.record?.doneAt ?? null)}`);
  }
  if (skipped.length > 0) {
    lines.push('', '### Steps skipped', '');
    for (const item of skipped) lines.push(`- ${inline(item.title)}: ${inline(item.record?.reason ?? '')}`);
  }
  lines.push('', '### Events', '');
  for (const event of events) lines.push(`- ${when(event.at)} — ${inline(describeEvent(event, names))}`);
  lines.push('');
  return lines;
}

function leaksAndDecisions(document: CaseDocument): string[] {
  const { leaks, decisions } = document.process;
  const lines = ['## Leaks and decisions', ''];
  if (leaks.length === 0 && decisions.length === 0) return [...lines, 'No embargo break was recorded and no decision changed the schedule.', ''];
  for (const leak of leaks) {
    const decision = decisions.find((candidate) => candidate.id === leak.decisionId);
    const outcome = decision
      ? `decision ${decision.id}: ${decision.choice === 'release-earlier' ? 'release earlier' : 'continue with the plan'} — ${clause(decision.reason)}`
      : 'no decision recorded';
    lines.push(
      `- Embargo break ${leak.id} (${when(leak.when)}): ${inline(leak.what)} reached ${inline(leak.toWhom)}${leak.distributor ? ` through ${inline(leak.distributor)}` : ''}; reported by ${inline(leak.reportedBy)}; ${outcome}.`,
    );
  }
  for (const decision of decisions.filter((candidate) => candidate.type === 'slow-down')) {
    lines.push(
      `- Decision ${decision.id} (${when(decision.at)}): slow the schedule by ${decision.extendDays} days at CVSS ${decision.score} — ${clause(decision.reason)} (discussed on ${clause(decision.discussedOn)}).`,
    );
  }
  lines.push('');
  return lines;
}

function linksSection(document: CaseDocument): string[] {
  const { links, references, trackingIssue } = document.case;
  const lines = ['## Links', ''];
  for (const link of links) lines.push(`- ${inline(link.label)}: <${link.url}>`);
  if (trackingIssue) lines.push(`- Tracking issue: <${trackingIssue}>`);
  for (const reference of references) lines.push(`- <${reference.url}>${reference.tags.length > 0 ? ` (${reference.tags.join(', ')})` : ''}`);
  if (lines.length === 2) lines.push('- (add the PRs that introduced the issue and those that fixed it)');
  lines.push('');
  return lines;
}

function retroItemsSection(items: readonly RetroItem[]): string[] {
  if (items.length === 0) return [];
  return ['## Raised during the case', '', ...items.map((item) => `- ${inline(item.text)}`), ''];
}

export function retrospectiveMarkdown(document: CaseDocument, now: Date, names: Names): string {
  const schedule = documentSchedule(document, now);
  const fields = document.case;
  const chainIntact = verifyChain(fields.id, document.events).length === 0;
  const heading = fields.cve ? `${fields.cve}: ${fields.title}` : fields.title;
  const cvss = fields.cvss ? `${fields.cvss.score} ${fields.cvss.severity} (\`${fields.cvss.vector}\`)` : 'not recorded';
  const lines = [
    `# Retrospective: ${inline(heading)}`,
    '',
    `_Blameless retrospective draft generated by Embargo on ${when(now.toISOString())} from the timeline of ${fields.id} (${document.events.length} events${chainIntact ? ', hash chain intact' : ', HASH CHAIN BROKEN: check with "embargo vault verify"'}). Edit before sending to the dev list._`,
    '',
    '## Summary',
    '',
    `- Disclosure: ${fields.kind}${fields.upstream ? `, bound to ${inline(fields.upstream.project)} (${when(fields.upstream.date)})` : ''}`,
    `- Process: ${schedule.profile.title} (v${schedule.profile.version})`,
    `- CVSS: ${cvss}`,
  ];
  if (fields.summary) lines.push(`- Summary: ${inline(fields.summary)}`);
  if (fields.affected.length > 0) lines.push(`- Affected: ${fields.affected.map((a) => `${inline(a.product)} ${inline(a.range)}`).join('; ')}`);
  if (fields.fixed.length > 0) lines.push(`- Fixed in: ${fields.fixed.map((f) => `${inline(f.product)} ${inline(f.version)}`).join('; ')}`);
  lines.push('');
  lines.push(...peopleSection(document, names));
  lines.push(...timelineSection(schedule, document.events, names));
  lines.push(...leaksAndDecisions(document));
  lines.push(...linksSection(document));
  lines.push(...retroItemsSection(document.process.retroItems));
  lines.push(
    '## Critiques',
    '',
    '### What went well',
    '',
    '### What went wrong',
    '',
    '### Where we got lucky',
    '',
    '### What to change in the process',
    '',
    '## Feedback from the Release Managers and the Fix Team',
    '',
    '_The Release Managers and Fix Team are also encouraged to send their own feedback on the process. Honest critique is the only way we are going to get good at this as a community._',
    '',
  );
  return lines.join('\n');
}

export async function retrospectiveDraft(context: CaseContext, caseId: string): Promise<string> {
  const document = await readCase(context, caseId);
  const names = rosterNames(await readRoster(context));
  return retrospectiveMarkdown(document, context.ports.now(), names);
}

export async function addRetroItem(context: CaseContext, caseId: string, text: string): Promise<{ item: RetroItem; event: TimelineEvent }> {
  const { appended, result } = await mutateProcess(context, caseId, (document, at) => {
    const item: RetroItem = { id: nextId('R', document.process.retroItems), text, source: 'note', ref: null, at };
    return {
      process: { ...document.process, retroItems: [...document.process.retroItems, item] },
      events: [{ type: 'process.retro-item', data: { id: item.id, text, by: actorName(context) } }],
      result: item,
    };
  });
  const event = appended[0];
  if (!event) throw new Error('the retrospective item was not recorded');
  return { item: result, event };
}

