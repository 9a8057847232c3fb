// FIRST's published examples and the rounding cases the specifications and FIRST's reference
// calculator discuss. Each expected value comes from the specification documents, not from
// running our code.
import { describe, expect, it } from 'vitest';
import { scoreVector, roundUp30, roundUp31, type ScoredV3 } from '../../../src/core/cvss/index.ts';
import { aeV4 } from './independent.ts';

function v3(vector: string): ScoredV3 {
  const scored = scoreVector(vector);
  if (scored.version === '4.0') throw new Error('expected a v3 vector');
  return scored;
}

describe('CVSS v3.1 specification examples (FIRST "CVSS v3.1: Examples")', () => {
  // [CVE, vector, base score]
  const examples: [string, string, number][] = [
    ['CVE-2013-1937 phpMyAdmin reflected XSS', 'AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVE-2013-0375 MySQL stored SQL injection', 'AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4],
    ['CVE-2014-3566 SSLv3 POODLE', 'AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1],
    ['CVE-2012-1516 VMware guest to host escape', 'AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
    ['CVE-2009-0783 Apache Tomcat XML parser', 'AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L', 4.2],
    ['CVE-2012-0384 Cisco IOS command injection', 'AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8],
    ['CVE-2015-1098 Apple iWork denial of service', 'AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8],
    ['CVE-2014-0160 OpenSSL Heartbleed', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5],
    ['CVE-2014-6271 GNU Bash Shellshock', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVE-2008-1447 DNS Kaminsky bug', 'AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N', 6.8],
    ['CVE-2014-2005 Sophos Disk Encryption', 'AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 6.8],
    ['CVE-2010-0467 Joomla directory traversal', 'AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N', 5.8],
    ['CVE-2012-1342 Cisco ASR 9000 ACL bypass', 'AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N', 5.8],
    ['CVE-2014-9253 DokuWiki reflected XSS', 'AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N', 5.4],
    ['CVE-2009-3555 TLS renegotiation', 'AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N', 3.7],
    ['CVE-2012-5376 Chrome IPC sandbox escape', 'AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H', 9.6],
    ['CVE-2016-1645 Chrome PDFium', 'AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 8.8],
    ['CVE-2016-0128 / CVE-2016-2118 Badlock', 'AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N', 6.8],
  ];
  for (const [name, metrics, expected] of examples) {
    it(`${name}: ${expected}`, () => {
      const scored = v3(`CVSS:3.1/${metrics}`);
      expect(scored.baseScore).toBe(expected);
      // No temporal or environmental metric: the call is the base score.
      expect(scored.score).toBe(expected);
    });
  }

  it('rates severity on the specification scale (section 5)', () => {
    expect(v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N').severity).toBe('None');
    expect(v3('CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N').severity).toBe('Low'); // 3.1
    expect(v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N').severity).toBe('Medium'); // 6.1
    expect(v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N').severity).toBe('High'); // 7.5
    expect(v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H').severity).toBe('Critical'); // 9.8
  });

  it('reports the most specific score as the call: environmental, else temporal, else base', () => {
    const temporal = v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C');
    expect([temporal.baseScore, temporal.temporalScore, temporal.score]).toEqual([9.8, 8.5, 8.5]);
    const environmental = v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C/MAV:L');
    expect(environmental.score).toBe(environmental.environmentalScore);
    // 6.42 × 0.914816 + 8.22 × 0.55 × 0.77 × 0.85 × 0.85 = 8.388 → 8.4; 8.4 × 0.91 × 0.95 = 7.2618 → 7.3
    expect(environmental.environmentalScore).toBe(7.3);
    // "X" everywhere defines nothing: the call stays the base score.
    expect(v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/CR:X').score).toBe(9.8);
  });
});

describe('Roundup: CVSS v3.1 Appendix A, and v3.0 as FIRST computed it', () => {
  it('v3.1 Roundup is immune to binary floating-point noise (Appendix A)', () => {
    expect(roundUp31(4.000000000000001)).toBe(4.0);
    expect(roundUp31(4.02)).toBe(4.1);
    expect(roundUp31(4.0)).toBe(4.0);
    expect(roundUp31(9.200000000000001)).toBe(9.2);
  });

  it('v3.0 keeps its original ceil(x × 10) / 10, noise included', () => {
    expect(roundUp30(4.02)).toBe(4.1);
    expect(roundUp30(4.0)).toBe(4.0);
    expect(roundUp30(9.200000000000001)).toBe(9.3);
  });

  it('the same metrics score 9.3 under v3.0 and 9.2 under v3.1 (10 × 0.92 = 9.200000000000001)', () => {
    // The v3.0 specification defines Round up as "the smallest number, specified to one decimal
    // place, that is equal to or higher than its input"; FIRST's v3.0 calculator computed it as
    // Math.ceil(x * 10) / 10, so 10 × 0.92 (RC:U) = 9.200000000000001 became 9.3, and that is the
    // temporal score published for such v3.0 vectors. CVSS v3.1 added Appendix A precisely to
    // stop this, so the 3.1 vector scores 9.2. A 3.0 vector keeps the score it was published
    // with (ae-cvss-calculator agrees on both; see independent.test.ts).
    const metrics = 'AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U';
    expect(v3(`CVSS:3.0/${metrics}`).temporalScore).toBe(9.3);
    expect(v3(`CVSS:3.1/${metrics}`).temporalScore).toBe(9.2);
  });

  it('v3.1 changed the environmental equation for a changed scope (MISS × 0.9731, power 13)', () => {
    // With S:C and no environmental metric, 3.0's environmental score equals the base score,
    // while 3.1's modified impact equation differs from its base impact equation.
    const metrics = 'AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:L/A:L';
    const v30 = v3(`CVSS:3.0/${metrics}`);
    const v31 = v3(`CVSS:3.1/${metrics}`);
    expect(v30.environmentalScore).toBe(v30.baseScore);
    expect(v31.baseScore).toBe(8.3);
    expect(v31.environmentalScore).toBe(v31.baseScore);
    const changed = v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/CR:H/IR:H/AR:H');
    expect(changed.baseScore).toBe(10);
    expect(changed.environmentalScore).toBe(10);
  });
});

describe('CVSS v4.0 examples and FIRST rounding cases', () => {
  const examples: [string, string, number][] = [
    ['all high, no subsequent impact', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['all high including subsequent systems', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10],
    ['Heartbleed-like confidentiality only', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N', 8.7],
    ['local, low privileges', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.5],
    // Red Hat cvss-v4-calculator issue 66 / FIRST's rounding fix: 8.55 computed as 8.549999… in
    // floating point; the fix (and exact arithmetic) rounds the tie up.
    ['x.x5 tie from issue 66', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H', 8.6],
    // Issue 48: 0.35 and 8.95 before rounding; the second changes the severity (9.0 is Critical).
    ['0.35 tie from issue 48', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U', 0.4],
    ['8.95 tie from issue 48', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:H/SA:H/E:P', 9.0],
    // Issue 53: a calculator regression gave 5.9; the algorithm gives 6.0625 → 6.1.
    ['issue 53', 'CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N', 6.1],
    // Red Hat cvss issue 60: 8.45 must round to 8.5.
    [
      'issue 60, every group set',
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/E:P/CR:L/IR:L/AR:L/MAV:N/MAC:L/MAT:N/MPR:L/MUI:A/MVC:H/MVI:H/MVA:H/MSC:H/MSI:S/MSA:S/S:P/AU:Y/R:I/V:C/RE:H/U:Red',
      8.5,
    ],
    // Red Hat cvss issue 63 (8.55 → 8.6), put in the specification's metric order.
    [
      'issue 63, reordered',
      'CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:H/E:A/CR:H/IR:M/AR:H/MAV:A/MAC:L/MAT:N/MPR:N/MUI:N/MVC:H/MVI:N/MVA:H/MSC:H/MSI:H/MSA:H/S:N/AU:N/R:I/V:C/RE:M/U:Green',
      8.6,
    ],
  ];
  for (const [name, vector, expected] of examples) {
    it(`${name}: ${expected}`, () => {
      expect(scoreVector(vector).score).toBe(expected);
      expect(aeV4(vector)).toBe(expected);
    });
  }

  it('names the nomenclature from the groups the vector defines', () => {
    const base = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
    const nomenclature = (vector: string) => {
      const scored = scoreVector(vector);
      return scored.version === '4.0' ? scored.nomenclature : null;
    };
    expect(nomenclature(base)).toBe('CVSS-B');
    expect(nomenclature(`${base}/E:P`)).toBe('CVSS-BT');
    expect(nomenclature(`${base}/CR:L`)).toBe('CVSS-BE');
    expect(nomenclature(`${base}/E:P/MAV:L`)).toBe('CVSS-BTE');
    // Supplemental metrics are recorded, not scored.
    expect(nomenclature(`${base}/S:P/AU:Y/U:Red`)).toBe('CVSS-B');
    expect(scoreVector(`${base}/S:P/AU:Y/U:Red`).score).toBe(scoreVector(base).score);
  });

  it('scores 0 when no system loses anything', () => {
    const scored = scoreVector('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N');
    expect([scored.score, scored.severity]).toEqual([0, 'None']);
  });
});
