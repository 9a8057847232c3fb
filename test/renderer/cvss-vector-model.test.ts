// The calculator's model: the vector a set of button choices stands for, written the way FIRST's
// calculators write it, and always one the core's strict parser accepts with the same metrics;
// a pasted or recorded vector fills the same choices back.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreVectors } from '../../src/core/cvss/handlers.ts';
import { CVSS_DEFINITIONS, CVSS_VERSIONS, type CvssVersion } from '../../src/shared/cvss-metrics.ts';
import {
  NOT_DEFINED,
  buildVector,
  convertSelection,
  emptySelection,
  selectionFromMetrics,
  splitAcceptedVector,
  type Selection,
} from '../../src/renderer/features/cvss/vector-model.ts';

/** Any complete set of choices for a version: every base metric chosen, the others any value. */
function selectionOf(version: CvssVersion): fc.Arbitrary<Selection> {
  const metrics = CVSS_DEFINITIONS[version].metrics;
  return fc.tuple(...metrics.map((m) => fc.constantFrom(...m.values.map((v) => v.code)))).map((codes) => {
    const selection: Record<string, string> = {};
    metrics.forEach((m, i) => {
      selection[m.key] = codes[i] as string;
    });
    return selection;
  });
}

const anyVersion = fc.constantFrom(...CVSS_VERSIONS);

describe('the CVSS calculator model', () => {
  it('starts with no base metric chosen and every other metric Not Defined', () => {
    const selection = emptySelection('3.1');
    expect(Object.keys(selection).filter((k) => ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'].includes(k))).toEqual([]);
    expect(selection.E).toBe(NOT_DEFINED);
    expect(selection.MAV).toBe(NOT_DEFINED);
    const built = buildVector('3.1', selection);
    expect(built.vector).toBeNull();
    expect(built.missing.map((m) => m.key)).toEqual(['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A']);
  });

  it('names only the base metrics still missing, in specification order', () => {
    const built = buildVector('4.0', { ...emptySelection('4.0'), AV: 'N', AC: 'L', VC: 'H' });
    expect(built.vector).toBeNull();
    expect(built.missing.map((m) => m.key)).toEqual(['AT', 'PR', 'UI', 'VI', 'VA', 'SC', 'SI', 'SA']);
  });

  it('writes FIRST example vectors exactly, in specification order whatever order the clicks came in', () => {
    const v31 = selectionFromMetrics('3.1', { A: 'H', I: 'H', C: 'H', S: 'U', UI: 'N', PR: 'N', AC: 'L', AV: 'N' });
    expect(buildVector('3.1', v31).vector).toBe('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    const v40 = selectionFromMetrics('4.0', { SA: 'N', E: 'A', AV: 'N', AC: 'L', AT: 'N', PR: 'N', UI: 'N', VC: 'H', VI: 'H', VA: 'H', SC: 'N', SI: 'N', R: 'U' });
    expect(buildVector('4.0', v40).vector).toBe('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/R:U');
  });

  it('every complete set of choices is a vector the core accepts, with exactly the defined metrics', () => {
    fc.assert(
      fc.property(anyVersion.chain((version) => fc.tuple(fc.constant(version), selectionOf(version))), ([version, selection]) => {
        const { vector, missing } = buildVector(version, selection);
        expect(missing).toEqual([]);
        const [result] = scoreVectors([vector as string]);
        expect(result?.ok, result && !result.ok ? result.error.message : '').toBe(true);
        if (!result?.ok) return;
        expect(result.version).toBe(version);
        const defined = Object.fromEntries(Object.entries(selection).filter(([, value]) => value !== NOT_DEFINED));
        expect(result.metrics).toEqual(defined);
        // And the core's metrics fill the same choices back (what a paste does).
        expect(selectionFromMetrics(version, result.metrics)).toEqual(selection);
      }),
      { numRuns: 600 },
    );
  });

  it('a vector with explicit Not Defined values fills the same buttons, rebuilds without them, and scores the same', () => {
    const pasted = 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N/E:X/RL:O/RC:X/CR:H/MAV:X';
    const [original] = scoreVectors([pasted]);
    expect(original?.ok).toBe(true);
    if (!original?.ok) return;
    const rebuilt = buildVector('3.1', selectionFromMetrics('3.1', original.metrics)).vector;
    expect(rebuilt).toBe('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N/RL:O/CR:H');
    const [again] = scoreVectors([rebuilt as string]);
    expect(again?.ok && again.score).toBe(original.score);
  });

  it('reads a recorded vector back without the core, and leaves anything else to the strict parser', () => {
    fc.assert(
      fc.property(anyVersion.chain((version) => fc.tuple(fc.constant(version), selectionOf(version))), ([version, selection]) => {
        const vector = buildVector(version, selection).vector as string;
        const split = splitAcceptedVector(vector);
        expect(split?.version).toBe(version);
        expect(selectionFromMetrics(version, split?.metrics ?? {})).toEqual(selection);
      }),
      { numRuns: 200 },
    );
    for (const text of ['', 'CVSS:2.0/AV:N', 'cvss:3.1/AV:N', 'CVSS:3.1/AV', 'CVSS:3.1/AV:N:L', 'AV:N/AC:L']) {
      expect(splitAcceptedVector(text)).toBeNull();
    }
  });

  it('switching versions keeps the choices both versions share and drops the rest', () => {
    const v31 = selectionFromMetrics('3.1', { AV: 'A', AC: 'H', PR: 'L', UI: 'R', S: 'C', C: 'H', I: 'L', A: 'N', E: 'P', CR: 'H' });
    const v40 = convertSelection(v31, '4.0');
    expect(v40).toMatchObject({ AV: 'A', AC: 'H', PR: 'L', E: 'P', CR: 'H' });
    expect(v40.AT).toBeUndefined();
    // v3 "Required" is not a v4.0 User Interaction value: it is left to choose again.
    expect(v40.UI).toBeUndefined();
    expect(v40.C).toBeUndefined();
    expect(buildVector('4.0', v40).missing.map((m) => m.key)).toEqual(['AT', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA']);
  });

  it('never offers a value the strict parser refuses: every button of every metric, alone, scores', () => {
    for (const version of CVSS_VERSIONS) {
      const base = selectionFromMetrics(version, Object.fromEntries(CVSS_DEFINITIONS[version].metrics.filter((m) => m.mandatory).map((m) => [m.key, m.values[0]?.code ?? ''])));
      for (const metric of CVSS_DEFINITIONS[version].metrics) {
        for (const value of metric.values) {
          const vector = buildVector(version, { ...base, [metric.key]: value.code }).vector as string;
          const [result] = scoreVectors([vector]);
          expect(result?.ok, `${vector}: ${result && !result.ok ? result.error.message : ''}`).toBe(true);
        }
      }
    }
  });
});
