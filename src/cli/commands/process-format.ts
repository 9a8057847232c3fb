// Shared formatting for the process commands: states coloured on a TTY, times in UTC beside
// the machine's local zone, repeatable options.
import type { ItemState, ScheduledItem } from '../../shared/contract/index.ts';
import type { CliIo } from '../io.ts';
import { bothZones } from '../output.ts';
import { usageError } from '../session.ts';

const STATE_COLOURS: Partial<Record<ItemState, string>> = { overdue: '31', 'due-today': '33', asap: '35', done: '32', skipped: '2' };

export function stateText(io: CliIo, state: ItemState): string {
  const colour = STATE_COLOURS[state];
  return io.stdoutIsTty && colour ? `\u001b[${colour}m${state}\u001b[0m` : state;
}

/** How a deadline reads for people: ASAP, "waiting for the Release Date", or UTC (local). */
export function dueText(item: Pick<ScheduledItem, 'asap' | 'due' | 'waitingFor'>): string {
  if (item.asap) return 'as soon as possible';
  if (item.due) return bothZones(item.due);
  if (item.waitingFor) return `waits for ${ANCHOR_NAMES[item.waitingFor]}`;
  return 'no deadline';
}

export const ANCHOR_NAMES = {
  disclosure: 'Disclosure',
  fixReady: 'the fix',
  firstNotice: 'the first notice',
  releaseDate: 'the Release Date',
} as const;

/** Commander collector for a repeatable option. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function yesNo(value: string, option: string): boolean | null {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  if (value === 'undecided' || value === 'none') return null;
  throw usageError(`${option} takes yes, no or undecided.`);
}
