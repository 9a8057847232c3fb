// What the composer works out on its own from what the core returned: the ⟦missing: name⟧
// markers and {{placeholders}} of a text as segments to highlight, a value written into a
// marker (indented like the core's renderer indents a value alone on its line), lines longer
// than 72 columns, where on the case each variable is filled, the acknowledgement states, and
// the export file names. Pure functions, so they are tested without a browser.
import { diffArrays } from 'diff';
import type {
  AckState,
  DistributorNotice,
  DraftRecipient,
  MailList,
  MailTemplateId,
  ProcessProfile,
  TemplateSummary,
} from '../../../shared/contract/index.ts';

export const WRAP_COLUMNS = 72;

// ── Markers and placeholders ─────────────────────────────────────────────────────────────

/** The core's marker for a variable without a value (src/core/mail/render.ts writes it). */
export function missingMarker(name: string): string {
  return `⟦missing: ${name}⟧`;
}

export type Segment = { kind: 'text'; text: string } | { kind: 'missing' | 'placeholder'; text: string; name: string };

const MARKED = /⟦missing: ([^⟧\n]{1,64})⟧|\{\{\s*([A-Za-z][A-Za-z0-9_]{0,63})\s*\}\}/g;

/** The text cut into plain runs, ⟦missing: …⟧ markers and {{placeholders}}; joined, they give the text back. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKED)) {
    const at = match.index;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    if (match[1] !== undefined) out.push({ kind: 'missing', text: match[0], name: match[1] });
    else out.push({ kind: 'placeholder', text: match[0], name: match[2]! });
    last = at + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The names still marked missing in the texts, each once, in order of appearance. */
export function missingNames(...texts: string[]): string[] {
  const names = texts.flatMap((text) => segments(text).flatMap((segment) => (segment.kind === 'missing' ? [segment.name] : [])));
  return [...new Set(names)];
}

/** The {{placeholders}} a template text uses, each once. */
export function placeholderNames(...texts: string[]): string[] {
  const names = texts.flatMap((text) => segments(text).flatMap((segment) => (segment.kind === 'placeholder' ? [segment.name] : [])));
  return [...new Set(names)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Writes `value` where the text shows ⟦missing: name⟧. A marker alone on its line (after an
 * indent or a "> " quote) gives every line of a multi-line value that prefix, as the core does
 * when it fills a template; inside a line, line breaks become spaces. An empty value changes
 * nothing: a marker is never replaced by nothing.
 */
export function fillMissing(text: string, name: string, value: string): string {
  const clean = value.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  if (clean.trim() === '') return text;
  const marker = missingMarker(name);
  const alone = new RegExp(`^([ \\t>]*)${escapeRegExp(marker)}[ \\t]*$`);
  return text
    .split('\n')
    .map((line) => {
      const whole = alone.exec(line);
      if (whole) {
        const prefix = whole[1] ?? '';
        return clean
          .split('\n')
          .map((valueLine) => (valueLine === '' ? prefix.trimEnd() : `${prefix}${valueLine}`))
          .join('\n');
      }
      return line.split(marker).join(clean.replace(/\s*\n\s*/g, ' '));
    })
    .join('\n');
}

/** Where the first ⟦missing: name⟧ is in the text (to select it in the editor), or null. */
export function markerRange(text: string, name: string): { start: number; end: number } | null {
  const marker = missingMarker(name);
  const start = text.indexOf(marker);
  return start < 0 ? null : { start, end: start + marker.length };
}

/** Columns as a reader counts them: code points, not UTF-16 units. */
export function columns(line: string): number {
  let count = 0;
  for (const _ of line) count += 1;
  return count;
}

/** 1-based numbers of the lines longer than 72 columns (saving wraps them). */
export function longLines(text: string, limit = WRAP_COLUMNS): number[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((line, index) => (columns(line.replace(/[ \t]+$/, '')) > limit ? [index + 1] : []));
}

// ── Where a variable is filled ───────────────────────────────────────────────────────────

/** A place on the case page: a tab, and the field or button to focus there. */
export interface Place {
  tab: string;
  /** What the link says: "Advisory › Mitigations". */
  label: string;
  /** A CSS selector of what to focus once the tab shows. */
  focus?: string;
}

/** A variable the case cannot fill from a field of its own: how to fill it instead. */
export interface Advice {
  advice: string;
}

const ADVISORY = (field: string, id: string): Place => ({ tab: 'advisory', label: `Advisory › ${field}`, focus: `#${id}` });
const RELEASE_DATE: Place = { tab: 'timeline', label: 'Timeline › Release Date', focus: 'button[aria-label$="the Release Date…"]' };
const SEVERITY: Place = { tab: 'severity', label: 'Severity › the Fix Lead’s call' };

export const VARIABLE_PLACES: Readonly<Record<string, Place | Advice>> = {
  title: { advice: 'The case’s title, given when it was opened.' },
  summary: ADVISORY('Summary', 'advisory-summary'),
  description: ADVISORY('Description', 'advisory-description'),
  cve: ADVISORY('CVE ID', 'advisory-cve'),
  caseRef: ADVISORY('CVE ID', 'advisory-cve'),
  trackingIssue: ADVISORY('Tracking issue URL', 'advisory-tracking-issue'),
  cwe: ADVISORY('CWE', 'advisory-cwe-input'),
  affectedVersions: { tab: 'advisory', label: 'Advisory › Affected versions', focus: '#advisory-affected-label' },
  fixedVersions: { tab: 'advisory', label: 'Advisory › Fixed versions', focus: '#advisory-fixed-label' },
  references: { tab: 'advisory', label: 'Advisory › References', focus: '#advisory-references-label' },
  mergedPrs: { tab: 'advisory', label: 'Advisory › References (tag “patch”)', focus: '#advisory-references-label' },
  acknowledgements: { tab: 'advisory', label: 'Advisory › Credits', focus: '#advisory-credits-label' },
  mitigations: ADVISORY('Mitigations', 'advisory-mitigations'),
  workarounds: ADVISORY('Workarounds', 'advisory-workarounds'),
  detection: ADVISORY('Detection', 'advisory-detection'),
  severity: SEVERITY,
  cvssScore: SEVERITY,
  cvssVector: SEVERITY,
  severityOrUnset: SEVERITY,
  releaseDate: RELEASE_DATE,
  releaseDateZones: RELEASE_DATE,
  releaseDateOrUnset: RELEASE_DATE,
  fixLead: { tab: 'timeline', label: 'Timeline › Fix Lead', focus: '.process-bar button' },
  patchFiles: { tab: 'workspace', label: 'Workspace › Branches' },
  patchBranches: { tab: 'workspace', label: 'Workspace › Branches' },
  processOverview: { tab: 'checklist', label: 'Checklist' },
  openItems: { tab: 'checklist', label: 'Checklist' },
  retrospective: { tab: 'retrospective', label: 'Retrospective' },
  leakId: { tab: 'timeline', label: 'Timeline › Record embargo break' },
  leakWhat: { tab: 'timeline', label: 'Timeline › Record embargo break' },
  leakToWhom: { tab: 'timeline', label: 'Timeline › Record embargo break' },
  leakWhen: { tab: 'timeline', label: 'Timeline › Record embargo break' },
  leakReportedBy: { tab: 'timeline', label: 'Timeline › Record embargo break' },
  leakDecision: { tab: 'timeline', label: 'Timeline › the leak’s decision' },
  handoffTo: { tab: 'timeline', label: 'Timeline › Hand off' },
  handoffNote: { tab: 'timeline', label: 'Timeline › Hand off' },
  embargoDeploy: { advice: 'Not on a tab yet: set it with “embargo case set”, or write it into the draft here.' },
  embargoPatch: { advice: 'Not on a tab yet: set it with “embargo case set”, or write it into the draft here.' },
  embargoHosted: { advice: 'Not on a tab yet: set it with “embargo case set”, or write it into the draft here.' },
  fixTeam: { advice: 'The case’s Fix Team: set it with “embargo case set”, or write the names here.' },
  releaseManagers: { advice: 'The case’s Release Managers: set them with “embargo case set”, or write the names here.' },
  reporter: { advice: 'Who reported the issue: set it with “embargo case set”, or write it here.' },
  binaries: { advice: 'Links labelled “binaries” or “release” on the case: add them with “embargo case set”, or write them here.' },
  sender: { advice: 'Your name: generate your key on the Keyring page, or set the sender on the Mail templates page.' },
  fixLeadEmail: { advice: 'The Fix Lead’s address: their roster contact or person entry, else the sender’s.' },
};

export function placeOf(variable: string): Place | Advice {
  return VARIABLE_PLACES[variable] ?? { advice: 'Write it into the draft here.' };
}

export function isPlace(where: Place | Advice): where is Place {
  return 'tab' in where;
}

// ── Recipients ───────────────────────────────────────────────────────────────────────────

/** One key per recipient, so a draft never lists the same one twice. */
export function recipientKey(recipient: DraftRecipient): string {
  switch (recipient.kind) {
    case 'list':
      return `list:${recipient.list}`;
    case 'person':
      return `person:${recipient.personId}`;
    case 'distributor':
      return `distributor:${recipient.memberId}`;
    case 'roster':
      return `roster:${recipient.rosterId}`;
    case 'address':
      return `address:${recipient.address.toLowerCase()}`;
  }
}

/** Adds a recipient to To or Cc unless the draft has it already (in either). */
export function withRecipient(
  lists: { to: DraftRecipient[]; cc: DraftRecipient[] },
  field: 'to' | 'cc',
  recipient: DraftRecipient,
): { to: DraftRecipient[]; cc: DraftRecipient[] } {
  const key = recipientKey(recipient);
  if ([...lists.to, ...lists.cc].some((existing) => recipientKey(existing) === key)) return lists;
  return field === 'to' ? { to: [...lists.to, recipient], cc: lists.cc } : { to: lists.to, cc: [...lists.cc, recipient] };
}

export function withoutRecipient(lists: { to: DraftRecipient[]; cc: DraftRecipient[] }, recipient: DraftRecipient): { to: DraftRecipient[]; cc: DraftRecipient[] } {
  const key = recipientKey(recipient);
  return { to: lists.to.filter((r) => recipientKey(r) !== key), cc: lists.cc.filter((r) => recipientKey(r) !== key) };
}

export const LIST_LABELS: Readonly<Record<MailList, { title: string; hint: string }>> = {
  distributors: { title: 'Distributors list', hint: 'Private; encrypted to every current member’s keys' },
  security: { title: 'Security list', hint: 'The Product Security Team; encrypted to the PST’s keys' },
  announce: { title: 'Announce list', hint: 'Public: nothing can be encrypted to it' },
  securityAnnounce: { title: 'Security-announce list', hint: 'Public: nothing can be encrypted to it' },
  securityDiscuss: { title: 'Security-discuss list', hint: 'Public: nothing can be encrypted to it' },
  dev: { title: 'Dev list', hint: 'Public: nothing can be encrypted to it' },
  users: { title: 'Users list', hint: 'Public: nothing can be encrypted to it' },
  ossSecurity: { title: 'oss-security', hint: 'Public: nothing can be encrypted to it' },
};

// ── Templates and the process profiles that send them ─────────────────────────────────────

export interface TemplateUse {
  profile: string;
  phase: string;
  item: string;
}

/** The checklist steps (of every profile) a template is the email for. */
export function templateUses(template: Pick<TemplateSummary, 'checklistItems'>, profiles: readonly ProcessProfile[]): TemplateUse[] {
  const uses: TemplateUse[] = [];
  for (const profile of profiles) {
    for (const phase of profile.phases) {
      for (const item of phase.items) {
        // Two steps of one phase (the email and its mitigations) are one use.
        if (template.checklistItems.includes(item.id) && !uses.some((use) => use.profile === profile.title && use.phase === phase.title)) {
          uses.push({ profile: profile.title, phase: phase.title, item: item.title });
        }
      }
    }
  }
  return uses;
}

/** The templates a case's profile sends first, then the ones of other profiles, then the rest (sent when needed). */
export function orderTemplates<T extends Pick<TemplateSummary, 'id' | 'checklistItems'>>(templates: readonly T[], profile: ProcessProfile | null): T[] {
  const ownItems = new Set(profile?.phases.flatMap((phase) => phase.items.map((item) => item.id)) ?? []);
  const rank = (template: T): number => (template.checklistItems.some((item) => ownItems.has(item)) ? 0 : template.checklistItems.length > 0 ? 2 : 1);
  return templates.map((template, index) => ({ template, index })).sort((a, b) => rank(a.template) - rank(b.template) || a.index - b.index).map(({ template }) => template);
}

/** Which context a template needs beyond the case, chosen when the draft is made. */
export function contextNeeded(id: MailTemplateId): 'request' | 'member' | null {
  if (id === 'membership-answer') return 'request';
  if (id === 'distributor-removal') return 'member';
  return null;
}

// ── Acknowledgements ─────────────────────────────────────────────────────────────────────

export const ACK_STATES: readonly { state: AckState; label: string; hint: string; tone: 'waiting' | 'partial' | 'good' | 'bad' | 'neutral' }[] = [
  { state: 'no-answer', label: 'No answer yet', hint: 'Has not answered: nothing is known, it is not “not affected”.', tone: 'waiting' },
  { state: 'acknowledged', label: 'Acknowledged', hint: 'Received the notice; has not reported testing yet.', tone: 'partial' },
  { state: 'tested-ok', label: 'Tested OK', hint: 'Tested the patches without problems.', tone: 'good' },
  { state: 'tested-problems', label: 'Tested, problems', hint: 'Tested the patches and found problems (say which in the note).', tone: 'bad' },
  { state: 'not-affected', label: 'Not affected', hint: 'Looked, and says its distribution is not affected.', tone: 'neutral' },
];

export function ackInfo(state: AckState): (typeof ACK_STATES)[number] {
  return ACK_STATES.find((entry) => entry.state === state) ?? ACK_STATES[0]!;
}

/** How many members of a notice are in each state; `answered` counts every state but no-answer. */
export function ackCounts(notice: Pick<DistributorNotice, 'members'>): Record<AckState, number> & { answered: number; total: number } {
  const counts = { 'no-answer': 0, acknowledged: 0, 'tested-ok': 0, 'tested-problems': 0, 'not-affected': 0, answered: 0, total: notice.members.length };
  for (const member of notice.members) {
    counts[member.state] += 1;
    if (member.state !== 'no-answer') counts.answered += 1;
  }
  return counts;
}

// ── Export files ─────────────────────────────────────────────────────────────────────────

export type ExportShape = 'single' | 'per-recipient' | 'mbox';

/** EMB-0001-distributors-notice-v3.eml, CVE-2026-1234-security-advisory-v1-clear.mbox, … */
export function exportFileName(caseRef: string, template: MailTemplateId, version: number, shape: ExportShape, clear: boolean): string {
  const safeRef = caseRef.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${safeRef}-${template}-v${version}${clear ? '-clear' : ''}${shape === 'mbox' ? '.mbox' : '.eml'}`;
}

/** A folder and a file name as one path, with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const trimmed = folder.trim();
  const separator = trimmed.includes('\\') && !trimmed.includes('/') ? '\\' : '/';
  return trimmed.endsWith(separator) ? `${trimmed}${name}` : `${trimmed}${separator}${name}`;
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

// ── Versions ─────────────────────────────────────────────────────────────────────────────

export interface LineChange {
  kind: 'same' | 'added' | 'removed';
  line: string;
}

/** The lines of `after` against `before`: kept, added and removed, in reading order. */
export function lineChanges(before: string, after: string): LineChange[] {
  const out: LineChange[] = [];
  // Arrays of lines, not diffLines: a trailing empty line is a line like any other here.
  for (const change of diffArrays(before.split('\n'), after.split('\n'))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const line of change.value) out.push({ kind, line });
  }
  return out;
}

export type ChangeRow = LineChange | { kind: 'skip'; count: number };

/** The changed lines with `context` unchanged lines around each; longer unchanged runs fold into one "skip" row. */
export function withContext(changes: readonly LineChange[], context = 2): ChangeRow[] {
  const near = changes.map((_, index) => changes.slice(Math.max(0, index - context), index + context + 1).some((change) => change.kind !== 'same'));
  const rows: ChangeRow[] = [];
  let skipped = 0;
  changes.forEach((change, index) => {
    if (change.kind === 'same' && !near[index]) {
      skipped += 1;
      return;
    }
    if (skipped > 0) rows.push({ kind: 'skip', count: skipped });
    skipped = 0;
    rows.push(change);
  });
  if (skipped > 0) rows.push({ kind: 'skip', count: skipped });
  return rows;
}
