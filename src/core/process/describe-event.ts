// One line per timeline event, for people: the retrospective's timeline and the CLI.
import type { TimelineEvent } from '../../shared/contract/index.ts';

type Names = (id: string | null | undefined) => string;

const plain: Names = (id) => id ?? '—';

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function describeEvent(event: Pick<TimelineEvent, 'type' | 'data'>, names: Names = plain): string {
  const data = event.data;
  const leak = (data.leak ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case 'case.opened':
      return `Case opened (${text(data.kind)}, profile ${text((data.profile as { id?: string } | undefined)?.id)}): ${text(data.title)}`;
    case 'case.field-changed':
      if (data.field === 'releaseDate') return `Release Date set to ${data.to === null ? 'none' : text(data.to)}`;
      if (data.field === 'kind') return `Disclosure kind changed from ${text(data.from)} to ${text(data.to)}`;
      return `${text(data.field)} changed`;
    case 'case.cvss-call': {
      const to = data.to as { vector?: string; score?: number; severity?: string } | null;
      return to ? `CVSS call: ${to.score} ${to.severity} (${to.vector})` : 'CVSS call cleared';
    }
    case 'note':
      return `Note: ${text(data.text)}`;
    case 'process.item-done':
      return `Done: ${text(data.title)} (by ${names(data.by as string)}${data.note ? `; ${text(data.note)}` : ''})`;
    case 'process.item-skipped':
      return `Skipped: ${text(data.title)} — ${text(data.reason)}`;
    case 'process.item-reopened':
      return `Reopened: ${text(data.title)} — ${text(data.reason)}`;
    case 'process.decision':
      return `Decision ${text(data.id)}: slow down by ${text(data.extendDays)} days (score ${text(data.score)}) — ${text(data.reason)} (discussed on ${text(data.discussedOn)})`;
    case 'process.leak-recorded':
      return `Embargo break ${text(leak.id)}: ${text(leak.what)} reached ${text(leak.toWhom)}${leak.distributor ? ` via ${text(leak.distributor)}` : ''} (reported by ${text(leak.reportedBy)})`;
    case 'process.leak-decision':
      return `Decision ${text(data.id)} on ${text(data.leakId)}: ${data.choice === 'release-earlier' ? 'release earlier' : 'continue with the plan'} — ${text(data.reason)}`;
    case 'process.handoff-requested':
      return `Handoff ${text(data.id)} requested: ${names(data.from as string | null)} → ${names(data.to as string)}`;
    case 'process.handoff-acknowledged':
      return `Handoff ${text(data.id)} acknowledged: ${names(data.to as string)} is Fix Lead`;
    case 'process.handoff-cancelled':
      return `Handoff ${text(data.id)} to ${names(data.to as string)} cancelled — ${text(data.reason)}`;
    case 'process.fix-lead-assigned':
      return `Fix Lead: ${names(data.memberId as string)}${data.proposedId && data.proposedId !== data.memberId ? ` (the rotation proposed ${names(data.proposedId as string)})` : ''}`;
    case 'process.retro-item':
      return `Retrospective item: ${text(data.text)}`;
    default:
      return event.type;
  }
}
