// Plain-text email wrapped at 72 columns, the width mail readers and list archives expect.
// Only lines longer than 72 columns are broken (never joined), so wrapping is idempotent and
// lines the author broke on purpose stay as they are. A word is never split: a URL, a CVSS
// vector or a ⟦missing: …⟧ marker longer than the line stays whole on its own line.
// Continuation lines keep the line's indent, its "> " quote and its list bullet's hanging
// indent. Lines that are pre-formatted — indented by four spaces or a tab, Markdown tables,
// the patch separators "---" — are left alone.
//
// Hand-written: the wrapping libraries break long words (or URLs) and know nothing of
// bullets and quotes; this is the whole rule in one place.

export const WRAP_COLUMNS = 72;

/** Columns as a reader counts them: code points, not UTF-16 units or bytes. */
function width(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Words, keeping a ⟦missing: …⟧ marker (which holds a space) as one word. */
function words(text: string): string[] {
  return text.match(/⟦[^⟧\n]*⟧\S*|\S+/g) ?? [];
}

function isPreformatted(line: string): boolean {
  return /^( {4}|\t)/.test(line) || /^\s*\|/.test(line) || /^-{3,}\s*$/.test(line);
}

/** The first-line prefix and the continuation prefix of a line: quote, indent, bullet. */
function prefixes(line: string): { first: string; rest: string; content: string } {
  const match = /^((?:> ?)*)([ ]*)((?:[-*+]|\d{1,3}[.)])[ ]+)?/.exec(line)!;
  const quote = match[1] ?? '';
  const indent = match[2] ?? '';
  const bullet = match[3] ?? '';
  const first = `${quote}${indent}${bullet}`;
  return { first, rest: `${quote}${indent}${' '.repeat(width(bullet))}`, content: line.slice(first.length) };
}

function wrapLine(line: string, columns: number): string[] {
  if (width(line) <= columns || isPreformatted(line)) return [line];
  const { first, rest, content } = prefixes(line);
  const parts = words(content);
  if (parts.length === 0) return [line];
  const lines: string[] = [];
  let current = first;
  let empty = true;
  for (const word of parts) {
    const candidate = empty ? `${current}${word}` : `${current} ${word}`;
    if (empty || width(candidate) <= columns) {
      current = candidate;
      empty = false;
      continue;
    }
    lines.push(current);
    current = `${rest}${word}`;
  }
  lines.push(current);
  return lines;
}

/** Wraps every over-long line of `text`; line endings become "\n"; no line ends in spaces. */
export function wrapText(text: string, columns = WRAP_COLUMNS): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((line) => wrapLine(line.replace(/[ \t]+$/, ''), columns))
    .join('\n');
}
