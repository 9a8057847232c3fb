// The case list's view of the process: per case, the current phase, the next deadline, counts
// of overdue and due-today steps, staleness, a pending handoff and undecided leaks.
import type { CaseOverview, ItemState, Schedule, ScheduledItem } from '../../shared/contract/index.ts';
import { readCase, type CaseContext } from '../cases/case-store.ts';
import type { CaseDocument } from '../vault/documents.ts';
import { documentSchedule } from './case-process.ts';
import { scheduledItems } from './schedule.ts';
import { staleness } from './staleness.ts';
import { caseProgress } from '../../shared/process/progress.ts';

const OPEN_ORDER: readonly ItemState[] = ['overdue', 'asap', 'due-today', 'upcoming'];

function isOpen(item: ScheduledItem): boolean {
  return item.state !== 'done' && item.state !== 'skipped';
}

/** The most urgent open item: overdue first, then ASAP, due today, upcoming; earliest due within each. */
export function nextItem(items: readonly ScheduledItem[]): ScheduledItem | null {
  const open = items.filter(isOpen);
  const required = open.some((item) => !item.optional) ? open.filter((item) => !item.optional) : open;
  const sorted = [...required].sort((a, b) => {
    const rank = OPEN_ORDER.indexOf(a.state) - OPEN_ORDER.indexOf(b.state);
    if (rank !== 0) return rank;
    if (a.due === b.due) return 0;
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  });
  return sorted[0] ?? null;
}

/** Closed: every required step done or skipped. */
export function isClosed(schedule: Schedule): boolean {
  return scheduledItems(schedule).every((item) => item.optional || !isOpen(item));
}

export function caseOverview(document: CaseDocument, now: Date): CaseOverview {
  const schedule = documentSchedule(document, now);
  const items = scheduledItems(schedule);
  const required = items.filter((item) => !item.optional);
  const next = nextItem(items);
  const closed = isClosed(schedule);
  const current = schedule.phases.find((phase) => phase.state !== 'done' && phase.state !== 'skipped' && !phase.optional);
  const lastActivity = document.events.at(-1)?.at ?? document.case.updatedAt;
  return {
    id: document.case.id,
    title: document.case.title,
    kind: document.case.kind,
    profile: document.case.profile,
    releaseDate: schedule.anchors.releaseDate,
    fixLead: document.case.people.fixLead,
    currentPhase: current ? { id: current.id, title: current.title } : null,
    next: next ? { id: next.id, title: next.title, due: next.due, state: next.state } : null,
    counts: {
      overdue: required.filter((item) => item.state === 'overdue').length,
      dueToday: required.filter((item) => item.state === 'due-today').length,
      asap: required.filter((item) => item.state === 'asap').length,
      done: items.filter((item) => item.state === 'done').length,
      total: items.length,
    },
    progress: caseProgress(items),
    closed,
    asap: schedule.asap,
    staleness: staleness(document.case.cvss, lastActivity, now, closed),
    handoffPending: document.process.handoffs.some((handoff) => handoff.state === 'pending'),
    leaksAwaitingDecision: document.process.leaks.filter((leak) => leak.decisionId === null).length,
  };
}

export async function processOverview(context: CaseContext): Promise<CaseOverview[]> {
  const now = context.ports.now();
  const overviews: CaseOverview[] = [];
  for (const caseId of Object.keys(context.vault.index.data.cases)) {
    overviews.push(caseOverview(await readCase(context, caseId), now));
  }
  return overviews.sort((a, b) => b.id.localeCompare(a.id));
}
