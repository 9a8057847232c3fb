// Reading a patch series the way `git mailsplit` + `git mailinfo` + `git am` do: split the
// mbox, take the author from From:/Date: (or in-body headers), clean the subject of
// "[PATCH n/m]" prefixes, cut the message at the patch break, and tidy it like stripspace.
import { EmbargoError } from '../../shared/errors.ts';
import type { Identity } from './git/objects.ts';

export interface MailPatch {
  author: Identity;
  subject: string;
  /** The commit message git am would write. */
  message: string;
  /** The diff part (bytes, as latin1 string of raw bytes). */
  patch: Buffer;
}

export function mailError(detail: string, index?: number): EmbargoError {
  return new EmbargoError('MboxInvalid', `The patch series is not readable${index !== undefined ? ` (mail ${index + 1})` : ''}: ${detail}.`, {
    detail,
    ...(index !== undefined ? { mail: index + 1 } : {}),
  });
}

const FROM_LINE = /^From \S+ +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d{1,2}:\d{2}:\d{2} \d{4}/;

/** Splits an mbox at its "From " separator lines; a single mail without one is one message. */
export function splitMbox(bytes: Buffer): Buffer[] {
  const text = bytes.toString('latin1');
  if (text.trim() === '') throw mailError('it is empty');
  const lines = text.split(/(?<=\n)/);
  const messages: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (FROM_LINE.test(line)) {
      current = [];
      messages.push(current);
      continue;
    }
    if (!current) {
      if (messages.length === 0 && /^[A-Za-z-]+:/.test(line)) {
        current = [];
        messages.push(current);
      } else if (line.trim() === '') continue;
      else throw mailError('it does not start with an mbox "From " line or a mail header');
    }
    current.push(line);
  }
  return messages.map((m) => Buffer.from(m.join(''), 'latin1'));
}

function decodeCharset(bytes: Buffer, charset: string): string {
  const name = charset.toLowerCase();
  if (name === 'utf-8' || name === 'utf8' || name === 'us-ascii' || name === '') return bytes.toString('utf8');
  try {
    return new TextDecoder(name).decode(bytes);
  } catch {
    throw mailError(`unknown charset ${charset}`);
  }
}

/** RFC 2047 encoded words in a header. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?[^?]+\?[QqBb]\?[^?]*\?=)/g, '$1')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, charset: string, encoding: string, data: string) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
      return decodeCharset(bytes, charset.replace(/\*.*$/, ''));
    });
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  return Buffer.from(joined.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
}

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

export function parseMailDate(value: string): { timestamp: number; tzOffset: number } {
  const match = /(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UT|UTC|Z)?/.exec(value);
  const month = match ? MONTHS[match[2]!.toLowerCase()] : undefined;
  if (!match || month === undefined) throw mailError(`cannot read the date "${value.slice(0, 60)}"`);
  const zone = match[7] ?? '+0000';
  const tzOffset = /^[+-]\d{4}$/.test(zone) ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3))) : 0;
  const utc = Date.UTC(Number(match[3]), month, Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6] ?? 0));
  return { timestamp: Math.floor(utc / 1000) - tzOffset * 60, tzOffset };
}

export function parseAddress(value: string): { name: string; email: string } {
  const decoded = decodeWords(value).trim();
  let match = /^(.*?)\s*<([^<>]+)>\s*$/.exec(decoded);
  if (match) {
    let name = match[1]!.trim();
    if (name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).replace(/\\(.)/g, '$1');
    return { name: name || match[2]!.trim(), email: match[2]!.trim() };
  }
  match = /^([^\s()]+@[^\s()]+)\s*(?:\((.*)\))?$/.exec(decoded);
  if (match) return { name: (match[2] ?? match[1]!).trim(), email: match[1]! };
  throw mailError(`cannot read the author "${decoded.slice(0, 80)}"`);
}

export function cleanSubject(subject: string): string {
  let s = subject.replace(/\s+/g, ' ').trim();
  for (;;) {
    const before = s;
    s = s.replace(/^(re|Re|RE|rE):\s*/, '').replace(/^\[[^\]]*\]\s*/, '').replace(/^:\s*/, '').trim();
    if (s === before) break;
  }
  return s;
}

/** git's stripspace: trailing whitespace per line, runs of blank lines collapsed, edges trimmed. */
export function stripspace(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/[ \t\r\v\f]+$/, ''));
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

function isPatchBreak(line: string): boolean {
  if (line.startsWith('diff -') || line.startsWith('Index: ')) return true;
  if (line.startsWith('---')) {
    if (line[3] === ' ' && line[4] !== undefined && !/\s/.test(line[4])) return true;
    return /^---[ \t\v\f\r]*$/.test(line);
  }
  return false;
}

export function parseMail(raw: Buffer, index: number): MailPatch {
  const text = raw.toString('latin1');
  const split = text.search(/\r?\n\r?\n/);
  if (split < 0) throw mailError('a mail has no body', index);
  const headerText = text.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  let bodyRaw = text.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of headerText.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(key)) headers.set(key, line.slice(colon + 1).trim());
  }
  const contentType = headers.get('content-type') ?? 'text/plain';
  if (/^multipart\//i.test(contentType)) throw mailError('multipart mails (format-patch --attach) are not supported; use inline patches', index);
  const charset = /charset="?([^";\s]+)"?/i.exec(contentType)?.[1] ?? 'utf-8';
  const encoding = (headers.get('content-transfer-encoding') ?? '8bit').toLowerCase();
  let bodyBytes: Buffer;
  if (encoding === 'quoted-printable') bodyBytes = decodeQuotedPrintable(bodyRaw);
  else if (encoding === 'base64') bodyBytes = Buffer.from(bodyRaw.replace(/\s+/g, ''), 'base64');
  else bodyBytes = Buffer.from(bodyRaw, 'latin1');
  bodyRaw = bodyBytes.toString('latin1');

  let from = headers.get('from');
  let date = headers.get('date');
  let subject = headers.get('subject') !== undefined ? decodeWords(headers.get('subject')!) : undefined;
  // The body: message lines (decoded in the mail's charset) until the patch break; the patch stays raw bytes.
  const lines = bodyRaw.split(/(?<=\n)/);
  let at = 0;
  // In-body headers (From:, Date:, Subject:) at the very top override the mail's.
  let sawInBody = false;
  while (at < lines.length) {
    const line = lines[at]!.replace(/\r?\n$/, '');
    const match = /^(From|Date|Subject):\s*(.*)$/.exec(line);
    if (!match) break;
    sawInBody = true;
    const value = decodeCharset(Buffer.from(match[2]!, 'latin1'), charset);
    if (match[1] === 'From') from = value;
    else if (match[1] === 'Date') date = value;
    else subject = value;
    at++;
  }
  if (sawInBody && at < lines.length && lines[at]!.trim() === '') at++;
  const messageLines: string[] = [];
  while (at < lines.length && !isPatchBreak(lines[at]!.replace(/\r?\n$/, ''))) {
    messageLines.push(lines[at]!);
    at++;
  }
  const patch = Buffer.from(lines.slice(at).join(''), 'latin1');
  if (!from) throw mailError('a mail has no From: header', index);
  if (subject === undefined) throw mailError('a mail has no Subject: header', index);
  if (!date) throw mailError('a mail has no Date: header', index);
  const author = parseAddress(from);
  const when = parseMailDate(date);
  const cleaned = cleanSubject(subject);
  const body = decodeCharset(Buffer.from(messageLines.join(''), 'latin1'), charset).replace(/\r\n/g, '\n');
  const message = stripspace(`${cleaned}\n\n${body}`);
  return { author: { ...author, ...when }, subject: cleaned, message, patch };
}
