// The vault's calendar document: the Release Date settings and the holidays, sealed like every
// other vault-wide document.
import type { CalendarSettings, Holiday } from '../../shared/contract/calendar.ts';
import type { CoreSession } from '../session.ts';
import { mutateDocument, readDocument, type DocumentSpec } from '../keyring/vault-document.ts';

export interface CalendarDocument {
  schemaVersion: number;
  settings: CalendarSettings;
  holidays: Record<string, Holiday>;
}

/** The defaults: no vault-wide hour (the profile's applies: 16:00 UTC for Kubernetes), a week's notice, linux-distros' 14 days. */
export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = { releaseTimeUtc: null, minNoticeDays: 7, linuxDistrosMaxDays: 14 };

export const CALENDAR_DOCUMENT: DocumentSpec<CalendarDocument> = {
  name: 'calendar',
  initial: () => ({ schemaVersion: 1, settings: { ...DEFAULT_CALENDAR_SETTINGS }, holidays: {} }),
};

export function readCalendar(session: CoreSession): Promise<CalendarDocument> {
  return readDocument(session, CALENDAR_DOCUMENT);
}

export function mutateCalendar<R>(session: CoreSession, change: (draft: CalendarDocument) => R | Promise<R>): Promise<R> {
  return mutateDocument(session, CALENDAR_DOCUMENT, change);
}

export function sortedHolidays(document: CalendarDocument): Holiday[] {
  return Object.values(document.holidays).sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
