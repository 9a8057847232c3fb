// The process's words for roles, states and anchors, as the checklist and the picture show them.
import type { AnchorName, ItemState, OwnerRole } from '../../../shared/contract/index.ts';

export const OWNER_LABELS: Record<OwnerRole, string> = {
  'fix-lead': 'Fix Lead',
  'fix-team': 'Fix Team',
  'release-managers': 'Release Managers',
  'fix-team-and-release-managers': 'Fix Team and Release Managers',
  pst: 'Product Security Team',
};

export const STATE_LABELS: Record<ItemState, string> = {
  upcoming: 'Upcoming',
  'due-today': 'Due today',
  overdue: 'Overdue',
  done: 'Done',
  skipped: 'Skipped',
  asap: 'As soon as possible',
};

/** Short forms for badges where space is tight. */
export const STATE_SHORT: Record<ItemState, string> = { ...STATE_LABELS, asap: 'ASAP' };

/** What an item is waiting for, as a sentence end: "waits for …". */
export const ANCHOR_WAITS: Record<AnchorName, string> = {
  disclosure: 'the disclosure',
  fixReady: 'the fix to be ready (LGTMs on every commit)',
  firstNotice: 'the first notice',
  releaseDate: 'the Release Date',
};

export const REQUIREMENT_LABELS = { releaseDate: 'the Release Date', cvss: 'the CVSS call', cve: 'the CVE ID' } as const;

/** Most urgent first: the order a group of marks takes its colour from. */
export const URGENCY: readonly ItemState[] = ['overdue', 'due-today', 'asap', 'upcoming', 'done', 'skipped'];

export function mostUrgent(states: readonly ItemState[]): ItemState {
  return URGENCY.find((state) => states.includes(state)) ?? 'upcoming';
}
