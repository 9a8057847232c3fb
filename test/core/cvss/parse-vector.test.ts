// The strict parser: what FIRST's specifications and JSON schema patterns accept, it accepts;
// everything else is an InvalidVector error naming the wrong part, never a crash.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseVector, scoreVector, scoreCvssCall } from '../../../src/core/cvss/index.ts';
import { EmbargoError } from '../../../src/shared/errors.ts';
import { CVSS_DEFINITIONS, type CvssVersion } from '../../../src/shared/cvss-metrics.ts';

const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';

function rejection(vector: unknown): EmbargoError {
  try {
    parseVector(vector);
  } catch (error) {
    if (error instanceof EmbargoError) return error;
    throw error;
  }
  throw new Error(`accepted ${String(vector)}`);
}

describe('invalid vectors are rejected with the wrong part named', () => {
  const cases: [string, string, RegExp][] = [
    ['lowercase metric name', 'CVSS:3.1/av:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /"av" must be written "AV"/],
    ['lowercase value', 'CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /"n" is not a value of AV/],
    ['lowercase prefix', 'cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /"cvss:3\.1" must be written "CVSS:3\.1"/],
    ['missing mandatory metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', /mandatory base metric A is missing/],
    ['several missing metrics', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H', /metrics SC, SI, SA are missing/],
    ['duplicate metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L', /AV appears more than once/],
    ['duplicate with the same value', `${V40}/E:A/E:A`, /E appears more than once/],
    ['unknown value', 'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /"Q" is not a value of AV \(Attack Vector\); expected N, A, L or P/],
    ['v3.0 schema oddity PR:U', 'CVSS:3.0/AV:N/AC:L/PR:U/UI:N/S:U/C:H/I:H/A:H', /"U" is not a value of PR/],
    ['unknown metric', `${V31}/XX:Y`, /"XX" is not a CVSS 3\.1 metric/],
    ['v4 metric in a v3 vector', `${V31}/AT:N`, /"AT" is not a CVSS 3\.1 metric/],
    ['v3 metric in a v4 vector', `${V40}/S:U/RL:O`, /"U" is not a value of S|"RL" is not a CVSS 4\.0 metric/],
    ['wrong prefix', 'CVSS3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /must start with CVSS:3\.0\/, CVSS:3\.1\/ or CVSS:4\.0\//],
    ['unsupported version', 'CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P', /version "2\.0" is not supported/],
    ['v2 vector without prefix', 'AV:N/AC:L/Au:N/C:P/I:P/A:P', /must start with/],
    ['no prefix at all', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /must start with/],
    ['trailing slash', `${V31}/`, /metric 9 is empty/],
    ['doubled slash', 'CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /metric 2 is empty/],
    ['no metrics', 'CVSS:3.1/', /no metrics after the prefix/],
    ['prefix only', 'CVSS:4.0', /no metrics after the prefix/],
    ['not a pair', `${V31}/E`, /"E" is not a METRIC:VALUE pair/],
    ['two colons', `${V31}/E:P:X`, /"E:P:X" is not a METRIC:VALUE pair/],
    ['surrounding spaces', ` ${V31}`, /must start with/],
    ['trailing space', `${V31} `, /"H " is not a value of A/],
    ['v4 metrics out of order', 'CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', /AV must come before AC/],
    ['v4 supplemental before environmental', `${V40}/S:N/MAV:L`, /MAV must come before S/],
    ['Safety on a base metric', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N', /"S" is not a value of SI/],
    ['Safety on MSC', `${V40}/MSC:S`, /"S" is not a value of MSC/],
    ['lowercase urgency', `${V40}/U:red`, /"red" is not a value of U/],
    ['empty', '', /it is empty/],
  ];
  for (const [name, vector, message] of cases) {
    it(name, () => {
      const error = rejection(vector);
      expect(error.code).toBe('InvalidVector');
      expect(error.message).toMatch(message);
      expect(error.data.vector).toBe(vector);
    });
  }

  it('rejects what is not a string', () => {
    for (const value of [null, undefined, 3.1, {}, ['CVSS:3.1']]) expect(rejection(value).code).toBe('InvalidVector');
  });

  it('scoreCvssCall throws InvalidVector for the case engine', () => {
    expect(() => scoreCvssCall('CVSS:3.1/AV:N')).toThrowError(EmbargoError);
    expect(scoreCvssCall(V31)).toEqual({ version: '3.1', vector: V31, score: 9.8, severity: 'Critical' });
  });
});

describe('valid vectors', () => {
  it('accepts v3.x metrics in any order, as the v3.x specifications allow', () => {
    expect(scoreVector('CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N').score).toBe(9.8);
    expect(scoreVector('CVSS:3.1/MAV:L/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P').version).toBe('3.1');
  });

  it('accepts a v4.0 vector with every metric, in order', () => {
    const all = `${V40}/E:A/CR:H/IR:M/AR:L/MAV:N/MAC:L/MAT:N/MPR:N/MUI:N/MVC:H/MVI:H/MVA:H/MSC:H/MSI:S/MSA:S/S:P/AU:Y/R:I/V:C/RE:H/U:Amber`;
    expect(parseVector(all).metrics).toMatchObject({ MSI: 'S', U: 'Amber', AU: 'Y' });
  });
});

/** FIRST's own JSON-schema patterns for the vector strings (shared/schemas/cvss). */
function schemaPattern(version: CvssVersion): RegExp {
  const file = new URL(`../../../resources/schemas/cvss/cvss-v${version}.json`, import.meta.url);
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties: { vectorString: { pattern: string } } };
  return new RegExp(schema.properties.vectorString.pattern);
}

function validVector(version: CvssVersion): fc.Arbitrary<string> {
  const metrics = CVSS_DEFINITIONS[version].metrics;
  return fc
    .tuple(...metrics.map((m) => fc.tuple(m.mandatory ? fc.constant(true) : fc.boolean(), fc.constantFrom(...m.values.map((v) => v.code)))))
    .chain((picks) => {
      const parts = picks.flatMap(([include, code], i) => (include ? [`${(metrics[i] as { key: string }).key}:${code}`] : []));
      // v3.x allows any order: shuffle it.
      const ordered = CVSS_DEFINITIONS[version].fixedOrder ? fc.constant(parts) : fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length });
      return ordered.map((list) => `${CVSS_DEFINITIONS[version].prefix}/${list.join('/')}`);
    });
}

describe('properties', () => {
  it('any string gives a score or an InvalidVector error, never a crash', () => {
    const fragments = fc.constantFrom('CVSS:3.1/', 'CVSS:3.0/', 'CVSS:4.0/', 'AV:N', 'av:n', '/', ':', 'MSI:S', 'E:X', 'U:Red', 'S:C', 'PR:H', 'X', '');
    const candidates = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.array(fragments, { maxLength: 40 }).map((list) => list.join('')), validVector('4.0').map((v) => v.slice(0, -1)));
    fc.assert(
      fc.property(candidates, (text) => {
        try {
          const scored = scoreVector(text);
          expect(scored.score).toBeGreaterThanOrEqual(0);
          expect(scored.score).toBeLessThanOrEqual(10);
          expect(Math.round(scored.score * 10)).toBeCloseTo(scored.score * 10, 9);
        } catch (error) {
          expect(error).toBeInstanceOf(EmbargoError);
          expect((error as EmbargoError).code).toBe('InvalidVector');
        }
      }),
      { numRuns: 3000 },
    );
  });

  for (const version of ['3.0', '3.1', '4.0'] as const) {
    it(`accepts every generated valid CVSS ${version} vector, and each matches FIRST's schema pattern`, () => {
      const pattern = schemaPattern(version);
      fc.assert(
        fc.property(validVector(version), (vector) => {
          expect(parseVector(vector).vector).toBe(vector);
          expect(pattern.test(vector)).toBe(true);
        }),
        { numRuns: 2000 },
      );
    });

    it(`rejects CVSS ${version} vectors with one metric removed, duplicated, renamed or mis-valued`, () => {
      const mutated = validVector(version).chain((vector) => {
        const [prefix, ...parts] = vector.split('/');
        return fc.nat({ max: parts.length - 1 }).chain((index) =>
          fc.constantFrom('drop-mandatory', 'duplicate', 'lowercase', 'bad-value').map((how) => {
            const list = [...parts];
            const [key, value] = (list[index] as string).split(':') as [string, string];
            if (how === 'drop-mandatory') list.splice(index, 1);
            if (how === 'duplicate') list.push(list[index] as string);
            if (how === 'lowercase') list[index] = `${key.toLowerCase()}:${value}`;
            if (how === 'bad-value') list[index] = `${key}:Q`;
            return { how, key, vector: [prefix, ...list].join('/') };
          }),
        );
      });
      const mandatory = new Set(CVSS_DEFINITIONS[version].metrics.filter((m) => m.mandatory).map((m) => m.key));
      fc.assert(
        fc.property(mutated, ({ how, key, vector }) => {
          // Removing an optional metric leaves a valid vector.
          if (how === 'drop-mandatory' && !mandatory.has(key)) return;
          expect(rejection(vector).code).toBe('InvalidVector');
        }),
        { numRuns: 2000 },
      );
    });
  }
});
