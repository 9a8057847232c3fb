// One mail read as `git mailinfo` (the defaults `git am` uses: in-body headers on, no
// scissors, subject cleaned, metadata converted to UTF-8) reads it: a state machine over the
// mail's lines in git's order, so multipart mails (format-patch --attach/--inline), base64
// and quoted-printable parts, format=flowed, in-body From:/Date:/Subject: and the "---"
// patch break split the mail exactly where git splits it. All text is byte strings.
import { LIMITS } from '../../../shared/limits.ts';
import { isSpace, rtrimSpace } from './bytes.ts';
import { convertToUtf8 } from './charset.ts';
import { MailLines } from './mail-lines.ts';
import { cleanupSpace, cleanupSubject, decodeB, decodeHeader, decodeQ, headerValue, isRfc2822Header, parseFrom, HeaderError } from './headers.ts';

export { HeaderError as MailInfoError };

export interface MailInfo {
  /** From handle_from(), or null when the mail names no author. */
  author: { name: string; email: string } | null;
  /** The cleaned subject, or null without any Subject: (git then takes it from the body). */
  subject: string | null;
  /** The Date: value with its blanks collapsed, or null. */
  date: string | null;
  /** The log message (before git am's stripspace), in UTF-8 where the mail named a charset. */
  message: string;
  patch: string;
  patchLines: number;
}

const FIELDS = ['From', 'Subject', 'Date'] as const;
type Field = (typeof FIELDS)[number];
type Fields = Partial<Record<Field, string>>;
const MAX_BOUNDARIES = LIMITS.patchMailMultipartDepth;
const SEPARATOR = 'From e6807f3efca28b30decfecb1732a56c7db1137ee Mon Sep 17 00:00:00 2001\n';

function slurpAttr(value: string, name: string): string | null {
  const at = value.toLowerCase().indexOf(name);
  if (at < 0) return null;
  let from = at + name.length;
  const quoted = value[from] === '"';
  if (quoted) from++;
  let end = from;
  while (end < value.length && (quoted ? value[end] !== '"' : !'; \t'.includes(value[end]!))) end++;
  return value.slice(from, end);
}

/** patchbreak(): "diff -", "Index: ", "--- file" or a "---" line of only blanks. */
function isPatchBreak(line: string): boolean {
  if (line.startsWith('diff -') || line.startsWith('Index: ')) return true;
  if (line.length < 4 || !line.startsWith('---')) return false;
  if (line[3] === ' ' && !isSpace(line[4] ?? '\0')) return true;
  for (let i = 3; i < line.length; i++) {
    if (line[i] === '\n') return true;
    if (!isSpace(line[i])) return false;
  }
  return false;
}

class MailInfoReader {
  private readonly top: Fields = {};
  private readonly inBody: Fields = {};
  private readonly boundaries: string[] = [];
  private encoding: 'none' | 'base64' | 'qp' = 'none';
  private charset = '';
  private flowed = false;
  private delsp = false;
  private headerStage = true;
  private inPatch = false;
  private accumulated = '';
  private prev = '';
  private message = '';
  private patch: string[] = [];

  constructor(private readonly lines: MailLines) {}

  run(): MailInfo {
    let header = this.readHeaderLine();
    while (header.isHeader) {
      this.checkHeader(header.line, this.top, true);
      header = this.readHeaderLine();
    }
    this.body(header.line);
    const pick = (field: Field): string | null => {
      const value = this.patch.length > 0 && this.inBody[field] !== undefined ? this.inBody[field] : this.top[field];
      if (value === undefined) return null;
      if (value.includes('\0')) throw new HeaderError(`a NUL byte in "${field}" is not allowed`);
      return value;
    };
    const from = pick('From');
    const subject = pick('Subject');
    const date = pick('Date');
    return {
      author: from === null ? null : parseFrom(cleanupSpace(from)),
      subject: subject === null ? null : cleanupSpace(cleanupSubject(subject)),
      date: date === null ? null : cleanupSpace(date),
      message: this.message,
      patch: this.patch.join(''),
      patchLines: this.patch.length,
    };
  }

  /** read_one_header_line(): a header unfolded, or the first line after the headers. */
  private readHeaderLine(): { isHeader: boolean; line: string } {
    const first = this.lines.nextLf();
    if (first === null) return { isHeader: false, line: '' };
    let line = rtrimSpace(first);
    if (line === '' || !isRfc2822Header(line)) return { isHeader: false, line: `${line}\n` };
    for (let next = this.lines.peek(); next === ' ' || next === '\t'; next = this.lines.peek()) {
      line += rtrimSpace(` ${this.lines.nextLf()!.slice(1)}`);
    }
    return { isHeader: true, line };
  }

  private checkHeader(line: string, fields: Fields, overwrite: boolean): boolean {
    for (const field of FIELDS) {
      if (fields[field] !== undefined && !overwrite) continue;
      const value = headerValue(line, field);
      if (value !== null) {
        fields[field] = decodeHeader(value);
        return true;
      }
    }
    const type = headerValue(line, 'Content-Type');
    if (type !== null) {
      this.contentType(decodeHeader(type));
      return true;
    }
    const encoding = headerValue(line, 'Content-Transfer-Encoding');
    if (encoding !== null) {
      const value = decodeHeader(encoding).toLowerCase();
      this.encoding = value.includes('base64') ? 'base64' : value.includes('quoted-printable') ? 'qp' : 'none';
      return true;
    }
    const id = headerValue(line, 'Message-Id');
    if (id !== null) decodeHeader(id);
    return id !== null;
  }

  private contentType(value: string): void {
    this.flowed = slurpAttr(value, 'format=')?.toLowerCase() === 'flowed';
    this.delsp = slurpAttr(value, 'delsp=')?.toLowerCase() === 'yes';
    const boundary = slurpAttr(value, 'boundary=');
    if (boundary !== null) {
      if (this.boundaries.length >= MAX_BOUNDARIES) throw new HeaderError('too many nested multipart boundaries');
      this.boundaries.push(`--${boundary}`);
    }
    this.charset = slurpAttr(value, 'charset=') ?? '';
  }

  private isBoundary(line: string): boolean {
    const top = this.boundaries.at(-1);
    return top !== undefined && line.startsWith(top);
  }

  private findBoundary(): string | null {
    for (let line = this.lines.nextLf(); line !== null; line = this.lines.nextLf()) if (this.isBoundary(line)) return line;
    return null;
  }

  /** handle_boundary(): closes finished parts, then reads the next part's headers. */
  private boundary(start: string): string | null {
    let line = start;
    for (;;) {
      const top = this.boundaries.at(-1)!;
      if (!(line.length >= top.length + 2 && line.slice(top.length, top.length + 2) === '--')) break;
      this.boundaries.pop();
      this.filter('\n');
      const next = this.findBoundary();
      if (next === null) return null;
      line = next;
    }
    this.encoding = 'none';
    this.charset = '';
    for (let header = this.readHeaderLine(); header.isHeader; header = this.readHeaderLine()) this.checkHeader(header.line, this.top, false);
    const first = this.lines.nextLf();
    return first === null ? null : `${first}\n`;
  }

  private body(first: string): void {
    let line: string | null = first;
    if (this.boundaries.length > 0) {
      line = this.findBoundary();
      if (line === null) return;
    }
    do {
      if (this.isBoundary(line)) {
        if (this.prev) this.filter(this.takePrev());
        line = this.boundary(line);
        if (line === null) return;
      }
      if (this.encoding === 'none') this.filterFlowed(line);
      else {
        const decoded = this.takePrev() + (this.encoding === 'qp' ? decodeQ(line, false) : decodeB(line));
        const pieces = decoded === '' ? [] : decoded.split(/(?<=\n)/);
        for (const [i, piece] of pieces.entries()) {
          if (i === pieces.length - 1 && !piece.endsWith('\n')) {
            this.prev += piece;
            break;
          }
          this.filterFlowed(piece);
        }
      }
      line = this.lines.next();
    } while (line !== null);
    if (this.prev) this.filter(this.takePrev());
    this.flushInBodyHeader();
  }

  private takePrev(): string {
    const prev = this.prev;
    this.prev = '';
    return prev;
  }

  /** handle_filter_flowed(): RFC 3676 soft breaks joined when the part says format=flowed. */
  private filterFlowed(input: string): void {
    if (!this.flowed) return this.filter(input);
    let line = input;
    let length = line.length;
    if (line[length - 1] === '\n') {
      length--;
      if (length > 0 && line[length - 1] === '\r') length--;
    }
    if (line.startsWith('-- ') && length === 3) {
      if (this.prev) this.filter(this.takePrev());
      return this.filter(line);
    }
    if (length > 0 && line[0] === ' ') {
      line = line.slice(1);
      length--;
    }
    if (length > 0 && line[length - 1] === ' ') {
      this.prev += line.slice(0, length - (this.delsp ? 1 : 0));
      return;
    }
    this.filter(this.takePrev() + line);
  }

  private filter(line: string): void {
    let text = line;
    if (!this.inPatch) {
      const outcome = this.commitMessageLine(line);
      if (outcome === null) return;
      text = outcome;
      this.inPatch = true;
    }
    this.patch.push(text);
  }

  /** handle_commit_msg(): null while the line belongs to the message, else the (converted) break line. */
  private commitMessageLine(input: string): string | null {
    if (this.headerStage && (input === '' || input === '\n')) {
      if (this.accumulated) {
        this.flushInBodyHeader();
        this.headerStage = false;
      }
      return null;
    }
    if (this.headerStage) {
      this.headerStage = this.inBodyHeader(input);
      if (this.headerStage) return null;
    }
    const line = convertToUtf8(input, this.charset);
    if (isPatchBreak(line)) return line;
    this.message += line;
    return null;
  }

  /** check_inbody_header(): From:/Subject:/Date: (folded too), "[PATCH] subject" or a quoted format-patch "From " line. */
  private inBodyHeader(line: string): boolean {
    if (this.accumulated && (line[0] === ' ' || line[0] === '\t')) {
      this.accumulated = (this.accumulated.endsWith('\n') ? this.accumulated.slice(0, -1) : this.accumulated) + line;
      return true;
    }
    this.flushInBodyHeader();
    if (line.startsWith('>From') && isSpace(line[5])) {
      const rest = line.slice(1);
      return rest.length === SEPARATOR.length && /^From [0-9a-f]{40}/.test(rest) && rest.slice(45) === SEPARATOR.slice(45);
    }
    if (line.startsWith('[PATCH]') && isSpace(line[7])) {
      this.inBody.Subject = line;
      return true;
    }
    if (FIELDS.some((field) => this.inBody[field] === undefined && headerValue(line, field) !== null)) {
      this.accumulated += line;
      return true;
    }
    return false;
  }

  private flushInBodyHeader(): void {
    if (!this.accumulated) return;
    this.checkHeader(this.accumulated, this.inBody, false);
    this.accumulated = '';
  }
}

/** Reads one mail (a byte string, as `git mailsplit` wrote it). */
export function mailinfo(mail: string): MailInfo {
  return new MailInfoReader(new MailLines(mail.replace(/^[ \t\n\v\f\r]+/, ''))).run();
}
