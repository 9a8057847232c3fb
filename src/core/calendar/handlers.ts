import type { Handlers } from '../../shared/contract/index.ts';
import type { CoreSession } from '../session.ts';
import { checkDate } from './check-date.ts';
import { proposeDate } from './propose-date.ts';
import { dateContext } from './case-context.ts';
import { addHoliday, importIcs, listHolidays, removeHoliday } from './holidays.ts';
import { calendarSettings, updateCalendarSettings } from './settings.ts';

type CalendarHandlers = Pick<
  Handlers,
  | 'calendar.check'
  | 'calendar.propose'
  | 'calendar.settings'
  | 'calendar.updateSettings'
  | 'calendar.holidays'
  | 'calendar.addHoliday'
  | 'calendar.removeHoliday'
  | 'calendar.importIcs'
>;

export function calendarHandlers(session: CoreSession): CalendarHandlers {
  return {
    'calendar.check': async ({ releaseDate, ...input }) => checkDate(releaseDate, await dateContext(session, input)),
    'calendar.propose': async ({ from, maxDays, ...input }) => {
      const context = await dateContext(session, input);
      return proposeDate(context, from ? new Date(from) : context.now, maxDays);
    },
    'calendar.settings': async () => calendarSettings(session),
    'calendar.updateSettings': async (changes) => updateCalendarSettings(session, changes),
    'calendar.holidays': async () => listHolidays(session),
    'calendar.addHoliday': async (input) => addHoliday(session, input),
    'calendar.removeHoliday': async ({ id }) => removeHoliday(session, id),
    'calendar.importIcs': async (input) => importIcs(session, input),
  };
}
