// The composer's own reasoning: ⟦missing⟧ markers and {{placeholders}} found and highlighted,
// a value written into a marker the way the core's renderer indents it, over-long lines,
// recipients never listed twice, which process step a template is for, the acknowledgement
// states ("no answer" is never an answer), export names, and the version diff.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DraftRecipient, ProcessProfile } from '../../src/shared/contract/index.ts';
import {
  ACK_STATES,
  ackCounts,
  ackInfo,
  exportFileName,
  fillMissing,
  joinPath,
  lineChanges,
  longLines,
  markerRange,
  missingMarker,
  missingNames,
  orderTemplates,
  placeOf,
  placeholderNames,
  segments,
  templateUses,
  withContext,
  withoutRecipient,
  withRecipient,
} from '../../src/renderer/features/mail/mail-model.ts';

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,20}$/);
/** Text without the marker or placeholder brackets, so the only marks are the ones a test puts in. */
const plain = fc.string({ maxLength: 60 }).map((text) => text.replace(/[⟦⟧{}]/g, ''));

describe('segments', () => {
  it('finds missing markers and placeholders among plain text', () => {
    expect(segments('Hi {{ fixLead }}, ⟦missing: cve⟧ is unset.')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'placeholder', text: '{{ fixLead }}', name: 'fixLead' },
      { kind: 'text', text: ', ' },
      { kind: 'missing', text: '⟦missing: cve⟧', name: 'cve' },
      { kind: 'text', text: ' is unset.' },
    ]);
  });

  it('gives the text back when joined, whatever it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(plain, name.map(missingMarker), name.map((n) => `{{${n}}}`)), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(segments(text).map((segment) => segment.text).join('')).toBe(text);
      }),
    );
  });

  it('lists missing names and placeholders once each, in order', () => {
    expect(missingNames('⟦missing: b⟧ ⟦missing: a⟧', 'x ⟦missing: b⟧')).toEqual(['b', 'a']);
    expect(placeholderNames('{{cve}}: {{summary}}', '{{cve}} {{ fixLead }}')).toEqual(['cve', 'summary', 'fixLead']);
    expect(missingNames('no markers, {{cve}} is a placeholder')).toEqual([]);
  });
});

describe('fillMissing', () => {
  it('replaces every marker of the name inside lines, other markers untouched', () => {
    const text = `[EMBARGOED] ${missingMarker('cve')}: x\nCVE: ${missingMarker('cve')}\nSeverity: ${missingMarker('severity')}`;
    expect(fillMissing(text, 'cve', 'CVE-2026-1')).toBe('[EMBARGOED] CVE-2026-1: x\nCVE: CVE-2026-1\nSeverity: ⟦missing: severity⟧');
  });

  it('indents a multi-line value like the core does for a marker alone on its line', () => {
    const text = `Fixed in:\n\n  ${missingMarker('fixedVersions')}\n> ${missingMarker('fixedVersions')}\nend`;
    expect(fillMissing(text, 'fixedVersions', '- a 1.0\n\n- b 2.0\n')).toBe('Fixed in:\n\n  - a 1.0\n\n  - b 2.0\n> - a 1.0\n>\n> - b 2.0\nend');
  });

  it('joins a multi-line value into one line inside a sentence', () => {
    expect(fillMissing(`See ${missingMarker('refs')} now.`, 'refs', 'one\ntwo')).toBe('See one two now.');
  });

  it('never replaces a marker with nothing', () => {
    const text = `x ${missingMarker('cve')} y`;
    expect(fillMissing(text, 'cve', '')).toBe(text);
    expect(fillMissing(text, 'cve', '  \n ')).toBe(text);
  });

  it('leaves no marker of the name and keeps everything else', () => {
    fc.assert(
      fc.property(plain, plain, name, plain.filter((value) => value.trim() !== ''), (before, after, variable, value) => {
        const text = `${before}${missingMarker(variable)}${after}\n${missingMarker('other')}`;
        const filled = fillMissing(text, variable, value);
        expect(missingNames(filled)).toEqual(variable === 'other' ? [] : ['other']);
        expect(filled.endsWith(variable === 'other' ? '' : missingMarker('other'))).toBe(true);
      }),
    );
  });

  it('finds where a marker is, to select it', () => {
    const text = `abc ${missingMarker('cve')} def`;
    const range = markerRange(text, 'cve')!;
    expect(text.slice(range.start, range.end)).toBe('⟦missing: cve⟧');
    expect(markerRange(text, 'summary')).toBeNull();
  });
});

describe('longLines', () => {
  it('counts columns as code points and ignores trailing blanks', () => {
    expect(longLines(`${'x'.repeat(72)}\n${'x'.repeat(73)}\n${'⟦'.repeat(72)}\n${'😀'.repeat(72)}\n${'y'.repeat(72)}   `)).toEqual([2]);
  });
});

describe('recipients', () => {
  const list: DraftRecipient = { kind: 'list', list: 'distributors' };
  const person: DraftRecipient = { kind: 'person', personId: 'person-0000aaaa' };
  const address: DraftRecipient = { kind: 'address', address: 'A@Example.org', name: '', fingerprints: [] };

  it('adds a recipient once, in To or Cc, whatever the case of an address', () => {
    let lists = withRecipient({ to: [], cc: [] }, 'to', list);
    lists = withRecipient(lists, 'cc', list);
    lists = withRecipient(lists, 'cc', person);
    lists = withRecipient(lists, 'to', address);
    lists = withRecipient(lists, 'cc', { ...address, address: 'a@example.org' });
    expect(lists).toEqual({ to: [list, address], cc: [person] });
    expect(withoutRecipient(lists, person)).toEqual({ to: [list, address], cc: [] });
  });
});

describe('templates and profiles', () => {
  const profile = (id: string, title: string, phases: [string, string[]][]): ProcessProfile =>
    ({
      id,
      title,
      phases: phases.map(([phase, items]) => ({ id: phase.toLowerCase().replace(/\W+/g, '-'), title: phase, items: items.map((item) => ({ id: item, title: `Step ${item}` })) })),
    }) as unknown as ProcessProfile;
  const old = profile('k-2017', 'Kubernetes (2017)', [
    ['Disclosure', ['announce', 'mitigating']],
    ['Distributors', ['email-distributors']],
  ]);
  const current = profile('k-current', 'Kubernetes (current)', [['Notice', ['distributor-notice']]]);

  it('says which step of which profile a template is the email for, once per phase', () => {
    expect(templateUses({ checklistItems: ['announce', 'mitigating'] }, [old, current])).toEqual([{ profile: 'Kubernetes (2017)', phase: 'Disclosure', item: 'Step announce' }]);
    expect(templateUses({ checklistItems: ['email-distributors', 'distributor-notice'] }, [old, current]).map((use) => use.profile)).toEqual(['Kubernetes (2017)', 'Kubernetes (current)']);
    expect(templateUses({ checklistItems: [] }, [old, current])).toEqual([]);
  });

  it('puts the case profile’s templates first, then those sent when needed, then other profiles’', () => {
    const templates = [
      { id: 'second', checklistItems: ['distributor-notice'] },
      { id: 'leak', checklistItems: [] },
      { id: 'notice', checklistItems: ['email-distributors'] },
    ] as const;
    expect(orderTemplates(templates as never, old).map((t: { id: string }) => t.id)).toEqual(['notice', 'leak', 'second']);
  });

  it('links a missing variable to the field that fills it, or says how', () => {
    expect(placeOf('mitigations')).toEqual({ tab: 'advisory', label: 'Advisory › Mitigations', focus: '#advisory-mitigations' });
    expect(placeOf('releaseDate')).toMatchObject({ tab: 'timeline' });
    expect(placeOf('somethingNew')).toEqual({ advice: 'Write it into the draft here.' });
  });
});

describe('acknowledgements', () => {
  it('never counts "no answer" as an answer, and never labels it like "not affected"', () => {
    const member = (state: (typeof ACK_STATES)[number]['state']) => ({ state });
    const counts = ackCounts({ members: [member('no-answer'), member('not-affected'), member('acknowledged'), member('no-answer')] as never });
    expect(counts).toMatchObject({ 'no-answer': 2, 'not-affected': 1, acknowledged: 1, answered: 2, total: 4 });
    expect(ackInfo('no-answer').label).toBe('No answer yet');
    expect(ackInfo('no-answer').tone).not.toBe(ackInfo('not-affected').tone);
    expect(new Set(ACK_STATES.map((entry) => entry.label)).size).toBe(ACK_STATES.length);
  });
});

describe('export files', () => {
  it('names the file after the case, the template, the version and the shape', () => {
    expect(exportFileName('CVE-2026-1234', 'distributors-notice', 3, 'single', false)).toBe('CVE-2026-1234-distributors-notice-v3.eml');
    expect(exportFileName('EMB-0001', 'security-advisory', 1, 'mbox', true)).toBe('EMB-0001-security-advisory-v1-clear.mbox');
  });

  it('joins a folder and a name with the folder’s separator', () => {
    expect(joinPath('/tmp/out', 'a.eml')).toBe('/tmp/out/a.eml');
    expect(joinPath('/tmp/out/', 'a.eml')).toBe('/tmp/out/a.eml');
    expect(joinPath('C:\\Users\\me', 'a.eml')).toBe('C:\\Users\\me\\a.eml');
  });
});

describe('version changes', () => {
  it('marks added and removed lines and folds long unchanged runs', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n');
    const after = ['a', 'b', 'c', 'd', 'e', 'f', 'G', 'h'].join('\n');
    expect(withContext(lineChanges(before, after), 1)).toEqual([
      { kind: 'skip', count: 5 },
      { kind: 'same', line: 'f' },
      { kind: 'removed', line: 'g' },
      { kind: 'added', line: 'G' },
      { kind: 'same', line: 'h' },
    ]);
  });

  it('rebuilds both texts from the changes', () => {
    const lines = fc.array(fc.constantFrom('alpha', 'beta', 'gamma', '', '- item'), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const changes = lineChanges(a.join('\n'), b.join('\n'));
        const keep = (kind: 'added' | 'removed') => changes.filter((change) => change.kind !== kind).map((change) => change.line);
        expect(keep('added').join('\n')).toBe(a.join('\n'));
        expect(keep('removed').join('\n')).toBe(b.join('\n'));
      }),
    );
  });
});
