// Editing the holiday calendar: add, remove, list, and import an .ics file. An import is all or
// nothing: the file is parsed in full before the document is touched, and a refused file (or
// one that would pass the calendar's limit) changes nothing.
import type { Holiday } from '../../shared/contract/calendar.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { LIMITS, checkLimit } from '../../shared/limits.ts';
import type { CoreSession } from '../session.ts';
import { newId } from '../people/store.ts';
import { mutateCalendar, readCalendar, sortedHolidays } from './store.ts';
import { parseIcs, type IcsSkipped } from './parse-ics.ts';

export async function listHolidays(session: CoreSession): Promise<Holiday[]> {
  return sortedHolidays(await readCalendar(session));
}

/** Same day, same name (case-insensitive), same zones: the same holiday. */
function sameHoliday(a: Pick<Holiday, 'date' | 'name' | 'zones'>, b: Pick<Holiday, 'date' | 'name' | 'zones'>): boolean {
  return a.date === b.date && a.name.toLowerCase() === b.name.toLowerCase() && [...a.zones].sort().join() === [...b.zones].sort().join();
}

export async function addHoliday(session: CoreSession, input: { date: string; name: string; zones: string[] }): Promise<Holiday> {
  return mutateCalendar(session, (draft) => {
    const zones = [...new Set(input.zones)];
    const known = Object.values(draft.holidays).find((holiday) => sameHoliday(holiday, { ...input, zones }));
    if (known) throw new EmbargoError('Conflict', `${input.name} on ${input.date} is in the calendar already (${known.id}).`, { id: known.id });
    checkLimit('holiday calendar', LIMITS.holidays, Object.keys(draft.holidays).length + 1, 'holidays');
    const id = newId('holiday', session.ports.randomBytes, (candidate) => candidate in draft.holidays);
    const created: Holiday = { id, date: input.date, name: input.name, zones, source: 'typed' };
    draft.holidays[id] = created;
    return created;
  });
}

export async function removeHoliday(session: CoreSession, id: string): Promise<Holiday> {
  return mutateCalendar(session, (draft) => {
    const holiday = draft.holidays[id];
    if (!holiday) throw new EmbargoError('NotFound', `No holiday with id ${id}.`, { what: 'holiday', id });
    delete draft.holidays[id];
    return holiday;
  });
}

export async function importIcs(
  session: CoreSession,
  input: { text: string; zones: string[] },
): Promise<{ added: Holiday[]; alreadyKnown: number; skipped: IcsSkipped[] }> {
  const parsed = parseIcs(input.text);
  const zones = [...new Set(input.zones)];
  return mutateCalendar(session, (draft) => {
    const added: Holiday[] = [];
    let alreadyKnown = 0;
    const all = () => [...Object.values(draft.holidays)];
    for (const event of parsed.holidays) {
      for (const date of event.dates) {
        const candidate = { date, name: event.summary, zones };
        if (all().some((holiday) => sameHoliday(holiday, candidate))) {
          alreadyKnown += 1;
          continue;
        }
        // Checked per holiday, before anything is written: the change is thrown away when refused.
        checkLimit('holiday calendar', LIMITS.holidays, Object.keys(draft.holidays).length + 1, 'holidays');
        const id = newId('holiday', session.ports.randomBytes, (taken) => taken in draft.holidays);
        const holiday: Holiday = { id, ...candidate, source: `ics:${event.uid}` };
        draft.holidays[id] = holiday;
        added.push(holiday);
      }
    }
    return { added: added.sort((a, b) => a.date.localeCompare(b.date)), alreadyKnown, skipped: parsed.skipped };
  });
}
