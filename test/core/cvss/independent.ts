// Two independent CVSS implementations from npm, used only to check ours:
// - ae-cvss-calculator ({metæffekt}, Apache-2.0): v3.0, v3.1 and v4.0, with FIRST's v4.0
//   rounding fix (2024-11-01);
// - @pandatix/js-cvss (MIT, a port of go-cvss): v3.0, v3.1 and v4.0, WITHOUT that fix — its v4.0
//   scores land a tenth low on x.x5 ties computed as x.x4999… in floating point.
//   Its v3 Roundup (0.4.4) tests `Math.round(x * 100000) % 1000 == 0` where CVSS v3.1 Appendix A
//   says `% 10000`, so any value with three decimals (7.46) comes back unrounded, and the error
//   propagates into temporal and environmental scores. We replace that one function with
//   Appendix A as written (pandatixRoundupIsBroken shows why); its equations stay its own. It
//   also applies Appendix A to v3.0 vectors, where v3.0 rounds as ceil(x × 10) / 10.
// ae-cvss-calculator is a CommonJS bundle: its classes come from the default export under ESM.
import aeModule from 'ae-cvss-calculator';
import { CVSS30, CVSS31, CVSS40 } from '@pandatix/js-cvss';

type Roundup = (x: number) => number;
const pandatixV3Classes = [CVSS30, CVSS31] as unknown as { roundup: Roundup }[];
const originalPandatixRoundup = (pandatixV3Classes[1] as { roundup: Roundup }).roundup;

/** CVSS v3.1 Appendix A, written out here independently of src/core. */
function appendixARoundup(x: number): number {
  const intInput = Math.round(x * 100000);
  return intInput % 10000 === 0 ? intInput / 100000 : (Math.floor(intInput / 10000) + 1) / 10;
}
for (const cls of pandatixV3Classes) cls.roundup = appendixARoundup;

/** The unpatched @pandatix/js-cvss v3 roundup, to show the defect that the patch removes. */
export function pandatixOriginalRoundup(x: number): number {
  return originalPandatixRoundup(x);
}

interface AeScores {
  base?: number;
  temporal?: number;
  environmental?: number;
  overall?: number;
}
interface AeVector {
  calculateScores(normalize?: boolean): AeScores;
}
type AeConstructor = new (vector: string) => AeVector;
const ae = ((aeModule as unknown as { default?: unknown }).default ?? aeModule) as Record<'Cvss3P0' | 'Cvss3P1' | 'Cvss4P0', AeConstructor>;

export interface V3Reference {
  base: number;
  temporal: number;
  environmental: number;
}

export function aeV3(vector: string): V3Reference {
  const Constructor = vector.startsWith('CVSS:3.0/') ? ae.Cvss3P0 : ae.Cvss3P1;
  const scores = new Constructor(vector).calculateScores();
  const base = scores.base ?? Number.NaN;
  // ae-cvss-calculator leaves out the groups the vector does not define; they then equal the
  // base (temporal) score by definition, except the 3.1 environmental equation, which is only
  // compared when the vector defines environmental metrics.
  const temporal = scores.temporal ?? base;
  return { base, temporal, environmental: scores.environmental ?? temporal };
}

export function pandatixV3(vector: string): V3Reference {
  const cvss = vector.startsWith('CVSS:3.0/') ? new CVSS30(vector) : new CVSS31(vector);
  return { base: cvss.BaseScore(), temporal: cvss.TemporalScore(), environmental: cvss.EnvironmentalScore() };
}

export function aeV4(vector: string): number {
  const scores = new ae.Cvss4P0(vector).calculateScores();
  return scores.overall ?? Number.NaN;
}

export function pandatixV4(vector: string): number {
  return new CVSS40(vector).Score();
}
