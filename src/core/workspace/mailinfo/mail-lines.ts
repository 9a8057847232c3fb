// A mail as the stdio reads of git's mail code see it: whole lines (with their "\n"), lines
// without it, and a peek at the next byte for header folding.
export class MailLines {
  private readonly lines: string[];
  private at = 0;

  constructor(text: string) {
    this.lines = text === '' ? [] : text.split(/(?<=\n)/);
  }

  /** strbuf_getwholeline(): the next line with its newline, or null at the end. */
  next(): string | null {
    return this.at < this.lines.length ? this.lines[this.at++]! : null;
  }

  /** strbuf_getline_lf(): the next line without its newline. */
  nextLf(): string | null {
    const line = this.next();
    return line === null ? null : line.endsWith('\n') ? line.slice(0, -1) : line;
  }

  /** The first byte of the next line (fgetc/ungetc), or undefined at the end. */
  peek(): string | undefined {
    return this.lines[this.at]?.[0];
  }
}
