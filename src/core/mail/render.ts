// Filling a template: `{{name}}` placeholders take the variable's value; a variable without a
// value becomes a visible marker `⟦missing: name⟧` and is listed, never left silently empty.
//
// Written here rather than with mustache or handlebars: both render an unknown or empty
// variable as nothing, which is exactly what must not happen in a disclosure email, and the
// placeholder language needs no logic (every value is prepared by variables.ts).
//
// A placeholder alone on its line (after an indent or a "> " quote) indents every line of a
// multi-line value the same way, so lists stay aligned.

export type VariableValues = Readonly<Record<string, string | null | undefined>>;

export interface Rendered {
  text: string;
  /** Names shown as ⟦missing: …⟧, each once, in order of appearance. */
  missing: string[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]{0,63})\s*\}\}/g;
const MARKER = /⟦missing: ([^⟧\n]{1,64})⟧/g;

export function missingMarker(name: string): string {
  return `⟦missing: ${name}⟧`;
}

/** The variable names a template text uses, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** The ⟦missing: …⟧ markers still in a text (after the user edited a draft), each once. */
export function missingIn(...texts: string[]): string[] {
  return [...new Set(texts.flatMap((text) => [...text.matchAll(MARKER)].map((match) => match[1]!)))];
}

function hasValue(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Fills one line; `prefix` is the line's leading indent when the placeholder stands alone on it. */
function fillLine(line: string, values: VariableValues, missing: Set<string>): string {
  const alone = /^([ \t>]*)\{\{\s*([A-Za-z][A-Za-z0-9_]{0,63})\s*\}\}\s*$/.exec(line);
  if (alone) {
    const [, prefix = '', name = ''] = alone;
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (!hasValue(value)) {
      missing.add(name);
      return `${prefix}${missingMarker(name)}`;
    }
    return value
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((valueLine) => (valueLine === '' ? prefix.trimEnd() : `${prefix}${valueLine}`))
      .join('\n');
  }
  return line.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (!hasValue(value)) {
      missing.add(name);
      return missingMarker(name);
    }
    return value.replace(/\r\n?/g, '\n');
  });
}

export function renderTemplate(template: string, values: VariableValues): Rendered {
  const missing = new Set<string>();
  const text = template
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => fillLine(line, values, missing))
    .join('\n');
  // Values may themselves contain markers (a nested template); list those too.
  for (const name of missingIn(text)) missing.add(name);
  return { text, missing: [...missing] };
}

/** A subject is one line: line breaks in values become spaces. */
export function renderSubject(template: string, values: VariableValues): Rendered {
  const rendered = renderTemplate(template.replace(/[\r\n]+/g, ' '), values);
  return { text: rendered.text.replace(/\s*\n\s*/g, ' ').trim(), missing: rendered.missing };
}
