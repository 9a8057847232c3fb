// Byte-level helpers for reading mail as git does. Mail text is carried as "byte strings"
// (one char per byte, Buffer#toString('latin1')) until the very end, because git works on
// bytes: headers outside encoded words and mails without a charset are never converted, and
// only the commit object is made valid UTF-8 (see gitUtf8).

/** C's isspace() in the C locale, which git's mail code uses everywhere. */
export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function isAlpha(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/** strbuf_trim: isspace() from both ends. */
export function trimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s[start])) start++;
  while (end > start && isSpace(s[end - 1])) end--;
  return s.slice(start, end);
}

export function rtrimSpace(s: string): string {
  let end = s.length;
  while (end > 0 && isSpace(s[end - 1])) end--;
  return s.slice(0, end);
}

/** The C string view of a byte string: everything before the first NUL. */
export function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

function validSequenceLength(bytes: Buffer, at: number): number {
  // git's find_invalid_utf8(): 2-4 byte sequences, shortest form, no surrogates and none of
  // the noncharacters U+xxFFFE/U+xxFFFF and U+FDD0..U+FDEF.
  const c = bytes[at]!;
  const extra = c >= 0xf0 && c < 0xf8 ? 3 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xc0 && c < 0xe0 ? 1 : 0;
  if (extra === 0 || at + extra >= bytes.length) return 0;
  let codepoint = c & (0x3f >> extra);
  for (let i = 1; i <= extra; i++) {
    const next = bytes[at + i]!;
    if ((next & 0xc0) !== 0x80) return 0;
    codepoint = (codepoint << 6) | (next & 0x3f);
  }
  const min = [0, 0x80, 0x800, 0x10000][extra]!;
  const max = [0, 0x7ff, 0xffff, 0x10ffff][extra]!;
  if (codepoint < min || codepoint > max) return 0;
  if ((codepoint & 0x1ff800) === 0xd800) return 0;
  if ((codepoint & 0xfffe) === 0xfffe) return 0;
  if (codepoint >= 0xfdd0 && codepoint <= 0xfdef) return 0;
  return extra + 1;
}

/**
 * The text git stores for these bytes in a commit: commit_tree_extended() runs verify_utf8(),
 * which keeps valid UTF-8 and re-reads every other byte as Latin-1. A mail without a charset
 * (or with raw 8-bit headers) therefore still gives a UTF-8 commit, but not the one a lenient
 * UTF-8 decoder (U+FFFD for bad bytes) would give.
 */
export function gitUtf8(byteString: string): string {
  const bytes = Buffer.from(byteString, 'latin1');
  let out = '';
  let run = 0;
  let at = 0;
  const flush = (end: number) => {
    if (end > run) out += bytes.subarray(run, end).toString('utf8');
  };
  while (at < bytes.length) {
    const c = bytes[at]!;
    if (c < 0x80) {
      at++;
      continue;
    }
    const length = validSequenceLength(bytes, at);
    if (length > 0) {
      at += length;
      continue;
    }
    flush(at);
    out += String.fromCharCode(c);
    at++;
    run = at;
  }
  flush(at);
  return out;
}

/** ident.c's crud(): what fmt_ident() strips from both ends of a name and an address. */
function isCrud(c: string): boolean {
  return c.charCodeAt(0) <= 32 || '.,:;<>"\\\''.includes(c);
}

export function hasNonCrud(s: string): boolean {
  for (const c of s) if (!isCrud(c)) return true;
  return false;
}

/**
 * fmt_ident()'s strbuf_addstr_without_crud(): crud off both ends, and "\n", "<", ">" dropped
 * inside, so "Thor, A. U." becomes "Thor, A. U" in the author line git writes.
 */
export function withoutCrud(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isCrud(s[start]!)) start++;
  while (end > start && isCrud(s[end - 1]!)) end--;
  return s.slice(start, end).replace(/[\n<>]/g, '');
}

/** strbuf_stripspace() without comment stripping, as git am cleans the message. */
export function stripspace(text: string): string {
  const out: string[] = [];
  let blank = false;
  for (const line of text.split('\n')) {
    const trimmed = rtrimSpace(line);
    if (trimmed === '') {
      blank = out.length > 0;
      continue;
    }
    if (blank) out.push('');
    blank = false;
    out.push(trimmed);
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
