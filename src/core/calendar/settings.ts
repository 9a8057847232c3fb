// The vault's Release Date settings: the usual hour is the project's, not a constant, so a vault
// for another project (or a profile without an hour) sets its own.
import type { CalendarSettings } from '../../shared/contract/calendar.ts';
import type { CoreSession } from '../session.ts';
import { mutateCalendar, readCalendar } from './store.ts';

export async function calendarSettings(session: CoreSession): Promise<CalendarSettings> {
  return (await readCalendar(session)).settings;
}

export async function updateCalendarSettings(session: CoreSession, changes: Partial<CalendarSettings>): Promise<CalendarSettings> {
  return mutateCalendar(session, (draft) => {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    draft.settings = { ...draft.settings, ...defined };
    return draft.settings;
  });
}
