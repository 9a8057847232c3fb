// Converting mail text to UTF-8 where git does (encoded words, and the message lines of a
// part that names a charset), with iconv-lite for the tables. git calls the system iconv
// (glibc on Linux) and gives up on the whole mail when a conversion fails; here a charset
// iconv-lite does not know, or bytes it cannot map, are the same refusal.
import iconv from 'iconv-lite';

export class CharsetError extends Error {
  constructor(readonly charset: string) {
    super(`cannot convert from ${charset} to UTF-8`);
  }
}

function isUtf8Name(name: string): boolean {
  // utf8.c's same_utf_encoding(): "utf" with or without a dash, then the rest compared.
  return /^utf-?8$/i.test(name);
}

/** glibc's SHIFT_JIS maps the single bytes 0x5C and 0x7E to YEN SIGN and OVERLINE. */
function isGlibcShiftJis(name: string): boolean {
  return /^(shift[-_]jis|sjis|ms_kanji|csshiftjis)$/i.test(name);
}

function decodeShiftJis(bytes: Buffer): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc)) i++;
    else if (b === 0x5c || b === 0x7e) {
      out += iconv.decode(bytes.subarray(start, i), 'shift_jis') + (b === 0x5c ? '\u00a5' : '\u203e');
      start = i + 1;
    }
  }
  return out + iconv.decode(bytes.subarray(start), 'shift_jis');
}

function decodeWith(bytes: Buffer, charset: string): string {
  const name = /^latin-1$/i.test(charset) ? 'ISO-8859-1' : charset;
  if (isGlibcShiftJis(name)) return decodeShiftJis(bytes);
  if (iconv.encodingExists(name)) return iconv.decode(bytes, name, { stripBOM: false });
  // Stateful Japanese mail encodings iconv-lite lacks: the WHATWG decoder, strict.
  try {
    return new TextDecoder(name, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CharsetError(charset);
  }
}

/**
 * mailinfo.c's convert_to_utf8(): nothing to do without a charset or for UTF-8 itself (the
 * bytes stay as they are), otherwise the bytes re-read in that charset. Takes and returns
 * byte strings.
 */
export function convertToUtf8(byteString: string, charset: string): string {
  if (charset === '' || isUtf8Name(charset)) return byteString;
  const bytes = Buffer.from(byteString, 'latin1');
  const text = decodeWith(bytes, charset);
  // iconv-lite writes U+FFFD for bytes the charset does not define; iconv fails on them.
  if (text.includes('\ufffd')) throw new CharsetError(charset);
  return Buffer.from(text, 'utf8').toString('latin1');
}
