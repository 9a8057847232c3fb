// The template renderer and the 72-column wrapper: examples, then properties over random text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingIn, placeholdersIn, renderSubject, renderTemplate } from '../../../src/core/mail/render.ts';
import { WRAP_COLUMNS, wrapText } from '../../../src/core/mail/wrap.ts';

const width = (line: string) => [...line].length;

describe('renderTemplate', () => {
  it('fills variables and marks every missing one, listing each once', () => {
    const out = renderTemplate('{{cve}} at {{ releaseDate }} / {{releaseDate}} / {{nope}}', { cve: 'CVE-2026-1', releaseDate: null });
    expect(out.text).toBe('CVE-2026-1 at ⟦missing: releaseDate⟧ / ⟦missing: releaseDate⟧ / ⟦missing: nope⟧');
    expect(out.missing).toEqual(['releaseDate', 'nope']);
  });

  it('treats an empty or blank value as missing, never as silently empty', () => {
    expect(renderTemplate('Mitigations: {{m}}', { m: '  \n ' })).toEqual({ text: 'Mitigations: ⟦missing: m⟧', missing: ['m'] });
  });

  it('indents every line of a multi-line value like the placeholder alone on its line', () => {
    const out = renderTemplate('Affected:\n  {{list}}\n> {{quote}}\nend', { list: '- a\n- b', quote: 'x\n\ny' });
    expect(out.text).toBe('Affected:\n  - a\n  - b\n> x\n>\n> y\nend');
  });

  it('leaves text that only looks like a placeholder alone, and ignores inherited properties', () => {
    const out = renderTemplate('{{ 1x }} {single} {{__proto__}} {{toString}}', {});
    expect(out.text).toBe('{{ 1x }} {single} {{__proto__}} ⟦missing: toString⟧');
    expect(out.missing).toEqual(['toString']);
  });

  it('reports markers carried inside values (a nested template) and finds markers left in edited text', () => {
    expect(renderTemplate('{{inner}}', { inner: 'a ⟦missing: binaries⟧' }).missing).toEqual(['binaries']);
    expect(missingIn('x ⟦missing: a⟧ ⟦missing: b⟧', '⟦missing: a⟧')).toEqual(['a', 'b']);
    expect(placeholdersIn('{{a}} {{ b }} {{a}}')).toEqual(['a', 'b']);
  });

  it('a subject is one line', () => {
    expect(renderSubject('[EMBARGOED] {{cve}}:\n{{summary}}', { cve: 'CVE-2026-1', summary: 'two\nlines' }).text).toBe('[EMBARGOED] CVE-2026-1: two lines');
  });
});

describe('wrapText', () => {
  it('wraps at 72 columns with hanging indents for bullets and quotes, never joining lines', () => {
    const long = 'word '.repeat(30).trim();
    const wrapped = wrapText(`- ${long}\n> ${long}\nshort\nline`);
    for (const line of wrapped.split('\n')) expect(width(line)).toBeLessThanOrEqual(WRAP_COLUMNS);
    const lines = wrapped.split('\n');
    expect(lines[0]!.startsWith('- word')).toBe(true);
    expect(lines[1]!.startsWith('  word')).toBe(true);
    expect(lines.filter((l) => l.startsWith('> word')).length).toBeGreaterThan(1);
    expect(lines.slice(-2)).toEqual(['short', 'line']);
  });

  it('never breaks a URL, a CVSS vector or a missing marker', () => {
    const url = `https://github.com/kubernetes/kubernetes/pull/131338?${'x'.repeat(80)}`;
    const text = `See ${url} and CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N plus ${'pad '.repeat(12)}⟦missing: releaseDate⟧ here.`;
    const wrapped = wrapText(text);
    expect(wrapped.split('\n')).toContain(url);
    expect(wrapped).toContain('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N');
    expect(wrapped).toContain('⟦missing: releaseDate⟧');
  });

  it('leaves pre-formatted lines alone: indented code, tables, separators', () => {
    const text = [`    ${'code '.repeat(20)}`, `| ${'cell | '.repeat(20)}`, '-'.repeat(80)].join('\n');
    expect(wrapText(text)).toBe(text.split('\n').map((l) => l.trimEnd()).join('\n'));
  });

  it('counts columns in characters, not bytes', () => {
    const line = 'é'.repeat(70);
    expect(wrapText(`${line} ü`)).toBe(`${line} ü`);
  });
});

describe('properties', () => {
  const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/);
  const piece = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    name.map((n) => `{{${n}}}`),
    name.map((n) => `{{ ${n} }}`),
    fc.constantFrom('{{', '}}', '⟦missing: ', '⟧', '\n', '\r\n', '  ', '- ', '> ', '\t', '{{}}', '{{{x}}}'),
  );
  const template = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
  const values = fc.dictionary(name, fc.option(fc.string({ unit: 'grapheme', maxLength: 60 }), { nil: null }), { maxKeys: 10 });

  it('random template text and values never crash the renderer, and every unfilled placeholder is marked', () => {
    fc.assert(
      fc.property(template, values, (text, vals) => {
        const out = renderTemplate(text, vals);
        const subject = renderSubject(text, vals);
        expect(subject.text).not.toMatch(/[\r\n]/);
        for (const used of placeholdersIn(text)) {
          const value = Object.prototype.hasOwnProperty.call(vals, used) ? vals[used] : null;
          if (value === null || value === undefined || value.trim() === '') {
            expect(out.missing).toContain(used);
            expect(out.text).toContain(`⟦missing: ${used}⟧`);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('wrapping is idempotent, keeps every word, and breaks lines only at spaces (a marker is one word)', () => {
    const prose = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 15 }), fc.constantFrom(' ', '  ', '\n', '- ', '> ', 'https://example.org/' + 'p'.repeat(90), '⟦missing: x⟧')), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(prose, (text) => {
        const once = wrapText(text);
        expect(wrapText(once)).toBe(once);
        const words = (s: string) => s.split(/\s+/).filter((w) => w !== '' && !/^(>|-)$/.test(w));
        expect(words(once).join(' ').replace(/>/g, '')).toBe(words(text.replace(/\r\n?/g, '\n')).join(' ').replace(/>/g, ''));
        for (const line of once.split('\n')) {
          expect(/[ \t]$/.test(line)).toBe(false);
          const content = line.replace(/^((?:> ?)*)( *)((?:[-*+]|\d{1,3}[.)]) +)?/, '');
          if (width(line) > WRAP_COLUMNS && !/^( {4}|\t)|^\s*\||^-{3,}\s*$/.test(line)) expect(content.replace(/⟦[^⟧\n]*⟧/g, 'M').includes(' ')).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
