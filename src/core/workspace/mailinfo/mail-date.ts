// The author date as git am reads a Date: line: fmt_ident() hands it to date.c's
// parse_date_basic(), a forgiving token scanner (month and weekday names, zone names,
// "+hhmm", dotted/dashed/slashed dates, Unix seconds). Anything it accepts becomes the same
// timestamp and zone here; anything it rejects ("invalid date format") is refused.
import { cString, isAlpha, isDigit, isSpace } from './bytes.ts';

interface Tm {
  year: number; // years since 1900
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
}

interface Scan {
  tm: Tm;
  offset: number; // minutes, -1 while unknown
  gmt: boolean;
  now: number; // seconds
}

export interface GitDate {
  timestamp: number;
  tzOffset: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];
// git's table, with its "we like summer" hour already added for the daylight names.
const ZONES: [string, number][] = Object.entries({
  IDLW: -720, NT: -660, CAT: -600, HST: -600, HDT: -540, YST: -540, YDT: -480, PST: -480, PDT: -420, MST: -420, MDT: -360,
  CST: -360, CDT: -300, EST: -300, EDT: -240, AST: -180, ADT: -120, WAT: -60, GMT: 0, UTC: 0, Z: 0, WET: 0, BST: 60, CET: 60,
  MET: 60, MEWT: 60, MEST: 120, CEST: 120, MESZ: 120, FWT: 60, FST: 120, EET: 120, EEST: 180, WAST: 420, WADT: 480, CCT: 480,
  JST: 540, EAST: 600, EADT: 660, GST: 600, NZT: 720, NZST: 720, NZDT: 780, IDLE: 720,
});
const MDAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isAlnum(c: string | undefined): boolean {
  return isAlpha(c) || isDigit(c);
}

/** tm_to_time_t(): 1970..2099 only, no normalisation; -1 when out of range. */
function tmToTime(tm: Tm): number {
  const year = tm.year - 70;
  let day = tm.mday;
  if (year < 0 || year > 129 || tm.mon < 0 || tm.mon > 11) return -1;
  if (tm.mon < 2 || (year + 2) % 4) day--;
  if (tm.hour < 0 || tm.min < 0 || tm.sec < 0) return -1;
  return (year * 365 + Math.trunc((year + 1) / 4) + MDAYS[tm.mon]! + day) * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
}

function upper(c: string | undefined): string | undefined {
  return c !== undefined && c >= 'a' && c <= 'z' ? c.toUpperCase() : c;
}

function matchString(s: string, at: number, word: string): number {
  let i = 0;
  for (; at + i < s.length; i++) {
    const d = s[at + i];
    const w = word[i];
    if (d === w || (w !== undefined && upper(d) === upper(w))) continue;
    if (!isAlnum(d)) break;
    return 0;
  }
  return i;
}

/** strtoul() as C has it: blanks, a sign, digits; no digits leaves the end at the start. */
function strtoul(s: string, from: number): [number, number] {
  let i = from;
  while (isSpace(s[i])) i++;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') sign = s[i++] === '-' ? -1 : 1;
  const digits = i;
  while (isDigit(s[i])) i++;
  if (i === digits) return [0, from];
  return [sign * Number(s.slice(digits, i)), i];
}

function matchAlpha(s: string, at: number, scan: Scan): number {
  for (const [i, name] of MONTHS.entries()) {
    const n = matchString(s, at, name);
    if (n >= 3) {
      scan.tm.mon = i;
      return n;
    }
  }
  for (const name of WEEKDAYS) {
    const n = matchString(s, at, name);
    if (n >= 3) return n;
  }
  for (const [name, offset] of ZONES) {
    const n = matchString(s, at, name);
    if (n >= 3 || n === name.length) {
      if (scan.offset === -1) scan.offset = offset;
      return n;
    }
  }
  if (matchString(s, at, 'PM') === 2) {
    scan.tm.hour = (scan.tm.hour % 12) + 12;
    return 2;
  }
  if (matchString(s, at, 'AM') === 2) {
    scan.tm.hour = scan.tm.hour % 12;
    return 2;
  }
  let n = 1;
  while (isAlpha(s[at + n])) n++;
  return n;
}

function gmtime(seconds: number): Tm {
  const d = new Date(seconds * 1000);
  return { year: d.getUTCFullYear() - 1900, mon: d.getUTCMonth(), mday: d.getUTCDate(), hour: d.getUTCHours(), min: d.getUTCMinutes(), sec: d.getUTCSeconds() };
}

/** set_date(): without `nowTm` it writes straight into tm (even when it then fails), as git's does. */
function setDate(year: number, month: number, day: number, nowTm: Tm | null, now: number, tm: Tm): number {
  if (!(month > 0 && month < 13 && day > 0 && day < 32)) return -1;
  const r = nowTm ? { ...tm } : tm;
  r.mon = month - 1;
  r.mday = day;
  if (year === -1) {
    if (!nowTm) return 1;
    r.year = nowTm.year;
  } else if (year >= 1970 && year < 2100) r.year = year - 1900;
  else if (year > 70 && year < 100) r.year = year;
  else if (year < 38) r.year = year + 100;
  else return -1;
  if (!nowTm) return 0;
  const specified = tmToTime(r);
  // Not more than ten days into the future.
  if (specified !== -1 && now + 10 * 86400 < specified) return -1;
  tm.mon = r.mon;
  tm.mday = r.mday;
  if (year !== -1) tm.year = r.year;
  return 0;
}

function setTime(hour: number, minute: number, second: number, tm: Tm): number {
  if (hour >= 0 && hour <= 24 && minute >= 0 && minute < 60 && second >= 0 && second <= 60) {
    tm.hour = hour;
    tm.min = minute;
    tm.sec = second;
    return 0;
  }
  return -1;
}

function matchMultiNumber(num: number, sep: string, s: string, at: number, numEnd: number, scan: Scan): number {
  const { tm } = scan;
  const [num2, afterNum2] = strtoul(s, numEnd + 1);
  let end = afterNum2;
  let num3 = -1;
  if (s[end] === sep && isDigit(s[end + 1])) [num3, end] = strtoul(s, end + 1);
  if (sep === ':') {
    if (num3 < 0) num3 = 0;
    if (setTime(num, num2, num3, tm) !== 0) return 0;
    if (s[end] === '.' && isDigit(s[end + 1]) && tm.year !== -1 && tm.mon !== -1 && tm.mday !== -1) end = strtoul(s, end + 1)[1];
    return end - at;
  }
  const nowTm = gmtime(scan.now);
  const ok =
    (num > 70 && (setDate(num, num2, num3, null, scan.now, tm) === 0 || setDate(num, num3, num2, null, scan.now, tm) === 0)) ||
    (sep !== '.' && setDate(num3, num, num2, nowTm, scan.now, tm) === 0) ||
    setDate(num3, num2, num, nowTm, scan.now, tm) === 0 ||
    (sep === '.' && setDate(num3, num, num2, nowTm, scan.now, tm) === 0);
  return ok ? end - at : 0;
}

class UnsupportedDate extends Error {}

function matchDigit(s: string, at: number, scan: Scan): number {
  const { tm } = scan;
  let end = at;
  while (isDigit(s[end])) end++;
  const num = Number(s.slice(at, end));
  const nodate = (tm.year & tm.mon & tm.mday & tm.hour & tm.min & tm.sec) < 0;
  if (num >= 100000000 && nodate) {
    // Seconds since the epoch.
    if (num > 8.64e12) throw new UnsupportedDate();
    scan.tm = gmtime(num);
    scan.gmt = true;
    return end - at;
  }
  const sep = s[end];
  if ((sep === ':' || sep === '.' || sep === '/' || sep === '-') && isDigit(s[end + 1])) {
    const n = matchMultiNumber(num, sep, s, at, end, scan);
    if (n) return n;
  }
  const n = end - at;
  if (n === 8 || n === 6) {
    const [a, b, c] = [Math.trunc(num / 10000), Math.trunc((num % 10000) / 100), num % 100];
    if (n === 8) setDate(a, b, c, null, scan.now, tm);
    else if (setTime(a, b, c, tm) === 0 && s[end] === '.' && isDigit(s[end + 1])) end = strtoul(s, end + 1)[1];
    return end - at;
  }
  if (n === 4) {
    if (num <= 1400 && scan.offset === -1) scan.offset = Math.trunc(num / 100) * 60 + (num % 100);
    else if (num > 1900 && num < 2100) tm.year = num - 1900;
    return n;
  }
  if (n > 2) return n;
  if (num > 0 && num < 32 && tm.mday < 0) {
    tm.mday = num;
    return n;
  }
  if (n === 2 && tm.year < 0) {
    if (num < 10 && tm.mday >= 0) {
      tm.year = num + 100;
      return n;
    }
    if (num >= 70) {
      tm.year = num;
      return n;
    }
  }
  if (num > 0 && num < 13 && tm.mon < 0) tm.mon = num - 1;
  return n;
}

function matchTz(s: string, at: number, scan: Scan): number {
  let [hour, end] = strtoul(s, at + 1);
  const n = end - (at + 1);
  let min = 0;
  if (n === 4) {
    min = hour % 100;
    hour = Math.trunc(hour / 100);
  } else if (n !== 2) min = 99;
  else if (s[end] === ':') {
    [min, end] = strtoul(s, end + 1);
    if (end - (at + 1) !== 5) min = 99;
  }
  if (min < 60 && hour < 24) scan.offset = (s[at] === '-' ? -1 : 1) * (hour * 60 + min);
  return end - at;
}

/**
 * parse_date_basic(): null where git says "invalid date format". A date without a zone is
 * read in the local zone, as git's mktime() does. `now` only matters for git's refusal of
 * day/month guesses more than ten days ahead.
 */
export function parseGitDate(value: string, now: Date): GitDate | null {
  const s = cString(value);
  const header = /^@(\d+) ([+-])(\d{2})(\d{2})(?:\n|$)/.exec(s);
  if (header) {
    const offset = Number(header[3]) * 60 + Number(header[4]);
    return { timestamp: Number(header[1]), tzOffset: header[2] === '-' ? -offset : offset };
  }
  const scan: Scan = { tm: { year: -1, mon: -1, mday: -1, hour: -1, min: -1, sec: -1 }, offset: -1, gmt: false, now: Math.floor(now.getTime() / 1000) };
  try {
    for (let at = 0; at < s.length && s[at] !== '\n'; ) {
      const c = s[at];
      let n = 0;
      if (isAlpha(c)) n = matchAlpha(s, at, scan);
      else if (isDigit(c)) n = matchDigit(s, at, scan);
      else if ((c === '-' || c === '+') && isDigit(s[at + 1])) n = matchTz(s, at, scan);
      at += n || 1;
    }
  } catch (error) {
    if (error instanceof UnsupportedDate) return null;
    throw error;
  }
  const { tm } = scan;
  let timestamp = tmToTime(tm);
  if (timestamp === -1) return null;
  let offset = scan.offset;
  if (offset === -1) {
    const local = new Date(tm.year + 1900, tm.mon, tm.mday, tm.hour, tm.min, tm.sec).getTime() / 1000;
    offset = Math.trunc((timestamp - local) / 60);
  }
  if (!scan.gmt) timestamp -= offset * 60;
  // git keeps timestamps unsigned; one before 1970 would wrap around.
  if (timestamp < 0) return null;
  return { timestamp, tzOffset: offset };
}
