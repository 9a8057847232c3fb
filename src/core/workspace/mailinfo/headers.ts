// Mail header rules of git's mailinfo.c, on byte strings: header recognition and folding,
// RFC 2047 encoded words (decoded leniently as git does, but a broken "=?" is an error),
// the author from From: (comments and quotes, bare addresses, "Name <login>") and the
// subject clean-up ("Re:", "[PATCH n/m]" and any other bracket prefix).
import { cString, isSpace, trimSpace } from './bytes.ts';
import { convertToUtf8 } from './charset.ts';

export class HeaderError extends Error {}

/** is_rfc2822_header(): an mbox "From " line, or a field name of printable ASCII and a colon. */
export function isRfc2822Header(line: string): boolean {
  if (line.startsWith('From ') || line.startsWith('>From ')) return true;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c === 0 || c < 33 || c > 126) return false;
  }
  return false;
}

/** skip_header(): the value after "Name:" (name case-insensitive) and any spaces, or null. */
export function headerValue(line: string, name: string): string | null {
  if (line.length <= name.length || line.slice(0, name.length).toLowerCase() !== name.toLowerCase() || line[name.length] !== ':') return null;
  let at = name.length + 1;
  while (isSpace(line[at])) at++;
  return line.slice(at);
}

function hexValue(c: string | undefined): number {
  if (c === undefined) return -1;
  const v = '0123456789abcdef'.indexOf(c.toLowerCase());
  return v;
}

/** decode_q_segment(): "=XX" escapes (others kept), "_" as space in headers, "=" at the end drops the newline. */
export function decodeQ(segment: string, inHeader: boolean): string {
  const s = cString(segment);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s[i]!;
    if (c === '=') {
      const d = s[i + 1];
      if (d === '\n' || d === undefined) break;
      const hi = hexValue(d);
      const lo = hexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += String.fromCharCode(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    if (inHeader && c === '_') c = ' ';
    out += c;
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** decode_b_segment(): base64 of one line or one word, anything outside the alphabet skipped. */
export function decodeB(segment: string): string {
  const s = cString(segment);
  const out: number[] = [];
  let pos = 0;
  let acc = 0;
  for (const ch of s) {
    const c = B64.indexOf(ch);
    if (c < 0) continue;
    switch (pos++) {
      case 0:
        acc = c << 2;
        break;
      case 1:
        out.push((acc | (c >> 4)) & 0xff);
        acc = (c & 15) << 4;
        break;
      case 2:
        out.push((acc | (c >> 2)) & 0xff);
        acc = (c & 3) << 6;
        break;
      default:
        out.push((acc | c) & 0xff);
        acc = 0;
        pos = 0;
    }
  }
  return Buffer.from(out).toString('latin1');
}

/**
 * decode_header(): encoded words decoded and converted to UTF-8, whitespace between two
 * encoded words dropped, everything else left as bytes. A "=?" that does not start a
 * complete word makes git refuse the mail.
 */
export function decodeHeader(raw: string): string {
  const it = cString(raw);
  let out = '';
  let at = 0;
  for (;;) {
    const start = it.indexOf('=?', at);
    if (start < 0) break;
    if (at !== start) {
      let scan = at;
      while (scan < start && isSpace(it[scan])) scan++;
      if (scan !== start || at === 0) out += it.slice(at, start);
    }
    const charsetStart = start + 2;
    const question = charsetStart >= it.length ? -1 : it.indexOf('?', charsetStart);
    if (question < 0 || question + 3 > it.length) throw new HeaderError('a broken encoded word');
    const charset = it.slice(charsetStart, question);
    const encoding = it[question + 1];
    if (encoding === undefined || it[question + 2] !== '?') throw new HeaderError('a broken encoded word');
    const end = it.indexOf('?=', question + 3);
    if (end < 0) throw new HeaderError('an unterminated encoded word');
    const piece = it.slice(question + 3, end);
    let decoded: string;
    if (encoding === 'b' || encoding === 'B') decoded = decodeB(piece);
    else if (encoding === 'q' || encoding === 'Q') decoded = decodeQ(piece, true);
    else throw new HeaderError(`an encoded word in the unknown encoding "${encoding}"`);
    out += convertToUtf8(decoded, charset);
    at = end + 2;
  }
  return out + it.slice(at);
}

/** cleanup_space(): every run of whitespace becomes one space (ends are not trimmed). */
export function cleanupSpace(s: string): string {
  return s.replace(/[ \t\n\v\f\r]+/g, ' ');
}

/** cleanup_subject() without -k/-b: leading "Re:", ":", blanks and [...] groups removed. */
export function cleanupSubject(subject: string): string {
  let s = subject;
  for (;;) {
    const c = s[0];
    if (c === 'r' || c === 'R') {
      // "re:" only counts when something follows it.
      if (s.length > 3 && (s[1] === 'e' || s[1] === 'E') && s[2] === ':') {
        s = s.slice(3);
        continue;
      }
      break;
    }
    if (c === ' ' || c === '\t' || c === ':') {
      s = s.slice(1);
      continue;
    }
    if (c === '[') {
      const close = s.indexOf(']');
      if (close < 0) break;
      s = s.slice(close + 1);
      continue;
    }
    break;
  }
  return trimSpace(s);
}

function unquoteComment(input: string, from: number): { text: string; next: number } {
  let text = '(';
  let literal = false;
  let i = from;
  while (i < input.length) {
    const c = input[i++]!;
    if (literal) literal = false;
    else if (c === '\\') {
      literal = true;
      continue;
    } else if (c === '(') {
      const inner = unquoteComment(input, i);
      text += inner.text;
      i = inner.next;
      continue;
    } else if (c === ')') return { text: `${text})`, next: i };
    text += c;
  }
  return { text, next: i };
}

/** unquote_quoted_pair(): quoted strings lose their quotes and escapes; comments keep their parentheses. */
export function unquoteQuotedPair(input: string): string {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const c = input[i++]!;
    if (c === '"') {
      let literal = false;
      while (i < input.length) {
        const q = input[i++]!;
        if (literal) literal = false;
        else if (q === '\\') {
          literal = true;
          continue;
        } else if (q === '"') break;
        out += q;
      }
      continue;
    }
    if (c === '(') {
      const comment = unquoteComment(input, i);
      out += comment.text;
      i = comment.next;
      continue;
    }
    out += c;
  }
  return out;
}

function saneName(name: string, email: string): string {
  return name.length === 0 || name.length > 60 || /[@<>]/.test(name) ? email : name;
}

/**
 * handle_from(): the address is the run around the first "@" (or inside <...>), the name what
 * is left, with one (...) pair around it removed; a long or odd name falls back to the
 * address. Without "@", parse_bogus_from() takes "Name <login>".
 */
export function parseFrom(value: string): { name: string; email: string } {
  const f = cString(unquoteQuotedPair(cString(value)));
  let at = f.indexOf('@');
  if (at < 0) {
    const line = cString(value);
    const open = line.indexOf('<');
    const close = open < 0 ? -1 : line.indexOf('>', open);
    if (close < 0) return { name: '', email: '' };
    const email = line.slice(open + 1, close);
    return { name: saneName(trimSpace(line.slice(0, open)), email), email };
  }
  let chars = f;
  while (at > 0) {
    const c = chars[at - 1]!;
    if (isSpace(c)) break;
    if (c === '<') {
      chars = `${chars.slice(0, at - 1)} ${chars.slice(at)}`;
      break;
    }
    at--;
  }
  let length = 0;
  while (at + length < chars.length && !' \n\t\r\v\f>'.includes(chars[at + length]!)) length++;
  const email = chars.slice(at, at + length);
  const removed = length + (at + length < chars.length ? 1 : 0);
  let rest = trimSpace(cleanupSpace(chars.slice(0, at) + chars.slice(at + removed)));
  if (rest.startsWith('(') && rest.endsWith(')') && rest.length > 0) rest = rest.slice(1, -1);
  return { name: saneName(rest, email), email };
}
