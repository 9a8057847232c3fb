// Splitting an mbox as `git am` does: its format check (detect_patch_format: a first line
// "From " or "From: ", or a block of header lines), then `git mailsplit -b`: a file whose
// first line is not an mbox "From " line is one bare mail; otherwise a new mail starts at
// every line that looks like a "From <sender> <date>" line, and "\r\n" becomes "\n"
// (am.keepcr is off by default). Byte strings in and out.
import { isSpace } from './bytes.ts';

/** mailsplit's is_from_line(): "From ", a time "hh:mm:ss" near the end and a year after 1990. */
export function isFromLine(line: string): boolean {
  if (line.length < 20 || !line.startsWith('From ')) return false;
  let colon = line.length - 2;
  for (;;) {
    if (colon < 5) return false;
    colon--;
    if (line[colon] === ':') break;
  }
  const digit = (i: number) => /[0-9]/.test(line[i] ?? '');
  if (!digit(colon - 4) || !digit(colon - 2) || !digit(colon - 1) || !digit(colon + 1) || !digit(colon + 2)) return false;
  const year = /^[ \t\n\v\f\r]*[+-]?(\d+)/.exec(line.slice(colon + 3));
  return year !== null && (year[0].includes('-') ? -Number(year[1]) : Number(year[1])) > 90;
}

function withoutLineEnd(line: string): string {
  return line.replace(/\r?\n$/, '');
}

/** detect_patch_format() reduced to the one format we read: is it mail? */
export function looksLikeMail(text: string): boolean {
  const lines = text.split(/(?<=\n)/).map(withoutLineEnd);
  const first = lines.find((line) => line !== '');
  if (first === undefined) return false;
  if (first.startsWith('From ') || first.startsWith('From: ')) return true;
  // is_mail(): every unindented line up to the first blank one is "Name:".
  for (const line of lines) {
    if (line === '') return true;
    if (line[0] === '\t' || line[0] === ' ') continue;
    if (!/^[!-9;-~]+:/.test(line)) return false;
  }
  return true;
}

/** The mails of an mbox, as byte strings; [] when it holds nothing but blanks. */
export function mailsplit(text: string): string[] {
  let start = 0;
  while (start < text.length && isSpace(text[start])) start++;
  if (start === text.length) return [];
  const lines = text.slice(start).split(/(?<=\n)/);
  const bare = !isFromLine(lines[0]!);
  const mails: string[][] = [];
  let current: string[] = [];
  mails.push(current);
  for (const [i, line] of lines.entries()) {
    if (i > 0 && !bare && isFromLine(line)) {
      current = [];
      mails.push(current);
    }
    current.push(line.length > 1 && line.endsWith('\r\n') ? `${line.slice(0, -2)}\n` : line);
  }
  return mails.map((mail) => mail.join(''));
}
