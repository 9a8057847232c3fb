// The part of iCalendar (RFC 5545) a holiday calendar uses: VEVENTs with an all-day DTSTART
// (VALUE=DATE), an optional exclusive DTEND, a SUMMARY and a UID. ical.js would read all of
// RFC 5545 but is not a dependency; holidays need only this, and everything else in a VEVENT
// (timed events, repeating ones) is reported as skipped rather than guessed at. A file that is
// not iCalendar at all, or breaks its own structure, is refused as a whole.
import { EmbargoError } from '../../shared/errors.ts';
import { LIMITS, checkLimit } from '../../shared/limits.ts';

export interface IcsHoliday {
  uid: string;
  /** YYYY-MM-DD, one per day the event covers. */
  dates: string[];
  summary: string;
}

export interface IcsSkipped {
  summary: string;
  reason: string;
}

export interface IcsParse {
  holidays: IcsHoliday[];
  skipped: IcsSkipped[];
}

interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
  line: number;
}

const DAY_MS = 86_400_000;

function refuse(message: string, line: number | null): never {
  throw new EmbargoError('InvalidInput', `This is not a usable iCalendar file: ${message}. Nothing was imported.`, { what: 'ics', line });
}

/** Lines joined where the file folded them (a line starting with a space or a tab continues the one before). */
function unfold(text: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const last = lines.at(-1);
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else lines.push({ text: raw, line: index + 1 });
  });
  return lines.filter((entry) => entry.text !== '');
}

function parseContentLine(text: string, line: number): ContentLine {
  // The value starts at the first colon outside a quoted parameter value.
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) refuse(`line ${line} is not NAME:VALUE`, line);
  const [name = '', ...paramTexts] = text.slice(0, colon).split(';');
  if (!/^[A-Za-z0-9-]+$/.test(name)) refuse(`line ${line} has no property name`, line);
  const params: Record<string, string> = {};
  for (const param of paramTexts) {
    const equals = param.indexOf('=');
    if (equals <= 0) refuse(`line ${line} has a parameter without a value`, line);
    params[param.slice(0, equals).toUpperCase()] = param.slice(equals + 1).replace(/^"|"$/g, '');
  }
  return { name: name.toUpperCase(), params, value: text.slice(colon + 1), line };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_match, char: string) => (char === 'n' || char === 'N' ? ' ' : char));
}

/** YYYYMMDD → YYYY-MM-DD, refusing days the calendar does not have. */
function dateOf(value: string, line: number): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) refuse(`line ${line}: "${value.slice(0, 40)}" is not a date (YYYYMMDD)`, line);
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) refuse(`line ${line}: ${day} is not a day of the calendar`, line);
  return day;
}

function isAllDay(property: ContentLine): boolean {
  return property.params.VALUE === 'DATE' || /^\d{8}$/.test(property.value);
}

function eventOf(properties: ContentLine[], index: number): IcsHoliday | IcsSkipped {
  const get = (name: string) => properties.find((property) => property.name === name);
  const summary = unescapeText(get('SUMMARY')?.value ?? '').trim().slice(0, 200) || 'Holiday';
  const start = get('DTSTART');
  const end = get('DTEND');
  if (!start) return { summary, reason: 'it has no DTSTART' };
  if (get('RRULE') || get('RDATE')) return { summary, reason: 'it repeats (RRULE/RDATE): only single dates are imported' };
  if (!isAllDay(start)) return { summary, reason: 'it is a timed event, not an all-day one' };
  const first = dateOf(start.value, start.line);
  let days = 1;
  if (end) {
    if (!isAllDay(end)) refuse(`line ${end.line}: an all-day event ends with a time`, end.line);
    // DTEND of an all-day event is exclusive: a one-day holiday ends the next day.
    days = Math.round((Date.parse(`${dateOf(end.value, end.line)}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS);
    if (days < 1) refuse(`line ${end.line}: the event ends before it starts`, end.line);
    checkLimit('span of one .ics event', LIMITS.icsEventDays, days, 'days');
  }
  const dates = Array.from({ length: days }, (_, offset) => new Date(Date.parse(`${first}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10));
  const uid = (get('UID')?.value ?? '').trim().slice(0, 200) || `event-${index + 1}`;
  return { uid, dates, summary };
}

export function parseIcs(text: string): IcsParse {
  checkLimit('.ics file', LIMITS.icsBytes, Buffer.byteLength(text, 'utf8'), 'bytes');
  const lines = unfold(text.replace(/^\uFEFF/, ''));
  const first = lines[0];
  if (!first || first.text.trim().toUpperCase() !== 'BEGIN:VCALENDAR') refuse('it does not start with BEGIN:VCALENDAR', first?.line ?? null);
  const stack: string[] = [];
  const holidays: IcsHoliday[] = [];
  const skipped: IcsSkipped[] = [];
  let event: ContentLine[] | null = null;
  let events = 0;
  let ended = false;
  for (const { text: lineText, line } of lines) {
    if (ended) refuse(`line ${line} follows END:VCALENDAR`, line);
    const property = parseContentLine(lineText.trimEnd(), line);
    if (property.name === 'BEGIN') {
      const component = property.value.trim().toUpperCase();
      if (stack.length === 0 && component !== 'VCALENDAR') refuse(`line ${line}: ${component} outside VCALENDAR`, line);
      if (stack.length > 0 && component === 'VCALENDAR') refuse(`line ${line}: a VCALENDAR inside another`, line);
      if (stack.length > 8) refuse(`line ${line}: components nested too deep`, line);
      stack.push(component);
      if (component === 'VEVENT' && stack.length === 2) {
        events += 1;
        checkLimit('number of events in the .ics file', LIMITS.icsEvents, events);
        event = [];
      }
      continue;
    }
    if (property.name === 'END') {
      const component = property.value.trim().toUpperCase();
      if (stack.at(-1) !== component) refuse(`line ${line}: END:${component} does not close ${stack.at(-1) ?? 'anything'}`, line);
      stack.pop();
      if (component === 'VEVENT' && stack.length === 1 && event) {
        const parsed = eventOf(event, events - 1);
        if ('dates' in parsed) holidays.push(parsed);
        else skipped.push(parsed);
        event = null;
      }
      if (stack.length === 0) ended = true;
      continue;
    }
    if (stack.length === 0) refuse(`line ${line} is outside VCALENDAR`, line);
    // Only the event's own properties count, not those of a VALARM inside it.
    if (event && stack.length === 2) event.push(property);
  }
  if (!ended) refuse(`it ends inside ${stack.at(-1) ?? 'VCALENDAR'} (no END:${stack.at(-1) ?? 'VCALENDAR'})`, null);
  return { holidays, skipped };
}
