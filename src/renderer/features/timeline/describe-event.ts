// How each timeline event type reads. A feature that records a new event type adds its entry
// here; an unknown type still shows, with its data as fields, so nothing is ever hidden.
import type { CaseKind, TimelineEvent } from '../../../shared/contract/index.ts';
import type { IconName } from '../../components/Icon.tsx';
import { formatUtc } from '../../lib/time.ts';
import { kindLabel } from '../cases/kinds.ts';
import { signatureVerdictLabel } from '../../../shared/signature-verdict.ts';
import type { SignatureVerdict } from '../../../shared/contract/index.ts';

export interface EventDescription {
  title: string;
  icon: IconName;
  /** Free text shown as a block (notes). */
  text?: string;
  /** Field/value pairs shown as a small table. */
  details?: [string, string][];
}

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  kind: 'Kind',
  disclosedAt: 'Disclosure time',
  releaseDate: 'Release date',
  cve: 'CVE',
  cvss: 'CVSS',
  summary: 'Summary',
  description: 'Description',
  upstream: 'Upstream',
  people: 'People',
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A value as one line of text: instants in UTC, objects as compact JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return INSTANT.test(value) ? formatUtc(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length === 0) return '—';
  return JSON.stringify(value);
}

function fieldLabel(field: unknown): string {
  return typeof field === 'string' ? (FIELD_LABELS[field] ?? field) : 'Field';
}

/** Display names for roster ids (pst-…, rm-…); anything else as given. */
export type NameOf = (id: string | null | undefined) => string;

const plainName: NameOf = (id) => (id ? id : '—');

function str(value: unknown): string {
  return typeof value === 'string' ? value : showValue(value);
}

type Describer = (event: TimelineEvent, names: NameOf) => EventDescription;

const LEAK_CHOICES: Record<string, string> = { 'release-earlier': 'Release earlier (the schedule turns ASAP)', continue: 'Continue with the plan' };

const DESCRIBERS: Record<string, Describer> = {
  // the armored signature stays in the event (it is what the package ships), not on screen
  'cve.reviewed': (event) => ({
    title: `CVE record reviewed by ${str(event.data.name)}`,
    icon: 'check',
    details: [
      ['CVE', str(event.data.cve)],
      ['Key', str(event.data.fingerprint)],
      ['SHA-256', str(event.data.sha256)],
    ],
  }),
  'case.opened': (event) => ({
    title: 'Case opened',
    icon: 'flag',
    details: [
      ['Title', showValue(event.data.title)],
      ['Kind', typeof event.data.kind === 'string' ? kindLabel(event.data.kind as CaseKind) : showValue(event.data.kind)],
      ['Disclosed', showValue(event.data.disclosedAt)],
    ],
  }),
  note: (event) => ({ title: 'Note', icon: 'note', text: typeof event.data.text === 'string' ? event.data.text : showValue(event.data.text) }),
  'case.field-changed': (event) => ({
    title: `${fieldLabel(event.data.field)} changed`,
    icon: 'edit',
    details: [
      ['From', showValue(event.data.from)],
      ['To', showValue(event.data.to)],
    ],
  }),
  'case.cvss-call': (event) => {
    const to = event.data.to as { vector?: string; score?: number; severity?: string } | null;
    return {
      title: 'CVSS call',
      icon: 'gauge',
      details: to ? [['Score', `${to.score?.toFixed(1) ?? '?'} ${to.severity ?? ''}`], ['Vector', to.vector ?? '']] : [['Score', 'cleared']],
    };
  },
  'process.item-done': (event, names) => {
    const evidence = Array.isArray(event.data.evidence) ? (event.data.evidence as unknown[]).map(str) : [];
    return {
      title: `Done: ${str(event.data.title)}`,
      icon: 'check',
      text: typeof event.data.note === 'string' && event.data.note !== '' ? event.data.note : undefined,
      details: [
        ['By', names(str(event.data.by))],
        ['Done at', showValue(event.data.doneAt)],
        ...(evidence.length > 0 ? ([['Evidence', evidence.join(', ')]] as [string, string][]) : []),
      ],
    };
  },
  'process.item-skipped': (event) => ({
    title: `Skipped: ${str(event.data.title)}`,
    icon: 'chevronRight',
    details: [['Reason', str(event.data.reason)]],
  }),
  'process.item-reopened': (event) => ({
    title: `Reopened: ${str(event.data.title)}`,
    icon: 'edit',
    details: [['Reason', str(event.data.reason)]],
  }),
  'process.decision': (event, names) => ({
    title: `Decision ${str(event.data.id)}: schedule slowed down by ${str(event.data.extendDays)} days`,
    icon: 'gauge',
    details: [
      ['Reason', str(event.data.reason)],
      ['Discussed on', str(event.data.discussedOn)],
      ['CVSS score', str(event.data.score)],
      ['By', names(str(event.data.by))],
    ],
  }),
  'process.leak-recorded': (event) => {
    const leak = (event.data.leak ?? {}) as Record<string, unknown>;
    return {
      title: `Embargo break ${str(leak.id)} recorded`,
      icon: 'alert',
      details: [
        ['What', str(leak.what)],
        ['To whom', str(leak.toWhom)],
        ['When', showValue(leak.when)],
        ['Reported by', str(leak.reportedBy)],
        ['Distributor', leak.distributor ? str(leak.distributor) : '—'],
      ],
    };
  },
  'process.leak-decision': (event, names) => ({
    title: `Decision ${str(event.data.id)} on embargo break ${str(event.data.leakId)}`,
    icon: 'flag',
    details: [
      ['Decision', LEAK_CHOICES[str(event.data.choice)] ?? str(event.data.choice)],
      ['Reason', str(event.data.reason)],
      ['By', names(str(event.data.by))],
    ],
  }),
  'process.handoff-requested': (event, names) => ({
    title: `Handoff ${str(event.data.id)} requested: ${names(event.data.from as string | null)} → ${names(str(event.data.to))}`,
    icon: 'chevronRight',
    text: typeof event.data.note === 'string' ? event.data.note : undefined,
  }),
  'process.handoff-acknowledged': (event, names) => ({
    title: `Handoff ${str(event.data.id)} acknowledged: ${names(str(event.data.to))} is Fix Lead`,
    icon: 'check',
  }),
  'process.handoff-cancelled': (event, names) => ({
    title: `Handoff ${str(event.data.id)} to ${names(str(event.data.to))} cancelled`,
    icon: 'close',
    details: [['Reason', str(event.data.reason)]],
  }),
  'process.fix-lead-assigned': (event, names) => {
    const proposed = typeof event.data.proposedId === 'string' ? event.data.proposedId : null;
    return {
      title: `Fix Lead: ${typeof event.data.name === 'string' ? event.data.name : names(str(event.data.memberId))}`,
      icon: 'flag',
      details:
        proposed && proposed !== event.data.memberId
          ? [['Rotation proposed', names(proposed)]]
          : [['Rotation', proposed ? 'took the proposed turn' : 'no proposal (empty roster)']],
    };
  },
  'process.retro-item': (event) => ({ title: 'Retrospective item', icon: 'note', text: str(event.data.text) }),
  'mail.imported': (event) => {
    // The verdicts read as gpg words them (shared/signature-verdict.ts).
    const signatures = Array.isArray(event.data.signatures) ? (event.data.signatures as { verdict: SignatureVerdict; signer: string | null }[]) : [];
    return {
      title: `Email received: ${str(event.data.subject)}`,
      icon: 'note',
      text: str(event.data.text),
      details: [
        ['From', str(event.data.from)],
        ['Protection', str(event.data.protection)],
        ...signatures.map((signature): [string, string] => ['Signature', `${signatureVerdictLabel(signature.verdict)} — ${signature.signer ?? 'unknown signer'}`]),
        ...(signatures.length === 0 ? [['Signature', 'not signed'] as [string, string]] : []),
      ],
    };
  },
};

/** Event types whose data reads well as plain fields: a title and an icon are enough. */
const TITLED: Record<string, [string, IconName]> = {
  'advisory.exported': ['Advisory exported (plaintext)', 'alert'],
  'cve.assigned': ['CVE ID assigned from the pool', 'flag'],
  'cve.review-requested': ['CVE record frozen for the second review', 'clock'],
  'cve.publish-bundle-written': ['CVE publishing package written (plaintext)', 'alert'],
  'cve.imported': ['Published CVE record imported', 'folder'],
  'workspace.upstream-imported': ['Upstream repository imported', 'folder'],
  'workspace.fix-imported': ['Fix commits imported', 'folder'],
  'workspace.lgtm': ['LGTM recorded', 'check'],
  'workspace.fix-complete': ['Fix complete: every commit has an owner LGTM', 'check'],
  'workspace.branch-created': ['Patch-release branch created', 'folder'],
  'workspace.cherry-picked': ['Cherry-picked', 'folder'],
  'workspace.pinned': ['Commits pinned', 'lock'],
  'workspace.pin-changed': ['A pinned commit changed', 'alert'],
  'workspace.refreshed': ['Branch rebuilt on the moved upstream', 'alert'],
  'workspace.exported': ['Workspace export', 'shield'],
  'workspace.release-verified': ['Release-day check', 'check'],
  'workspace.commitment-recorded': ['Embargo commitment recorded (signed)', 'lock'],
  'workspace.commitment-signed': ['Embargo commitment signed afterwards', 'lock'],
  'workspace.release-checked': ['Release checked against the commitment', 'check'],
  'workspace.hook-installed': ['Leak guard installed (pre-push hook)', 'shield'],
  'advisory.transparency-exported': ['Transparency record published', 'shield'],
  'mail.draft-created': ['Email draft created', 'note'],
  'mail.exported': ['Email exported', 'shield'],
  'mail.embargo-overridden': ['Embargo override: clear export before the Release Date', 'alert'],
  'mail.ack-recorded': ['Distributor acknowledgement', 'check'],
  'case.removed': ['Case removed', 'alert'],
  'vault.backed-up': ['Vault backed up', 'shield'],
  'vault.restored': ['Vault restored from a backup', 'shield'],
};

export function describeEvent(event: TimelineEvent, names: NameOf = plainName): EventDescription {
  const describer = DESCRIBERS[event.type];
  if (describer) return describer(event, names);
  const [title, icon] = TITLED[event.type] ?? [event.type, 'clock' as IconName];
  return {
    title,
    icon,
    details: Object.entries(event.data).map(([key, value]) => [key, showValue(value)]),
  };
}
