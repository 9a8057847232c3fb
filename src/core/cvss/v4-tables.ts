// The data of CVSS v4.0 scoring (specification section 8 and FIRST's reference calculator):
// the expert-ranked score of each of the 270 MacroVectors, the highest-severity vectors of each
// equivalence class, and the depth of each class. Scores are held in tenths (integers) so that
// the interpolation can be done in exact arithmetic.

/** MacroVector (EQ1..EQ6 levels) → score × 10. */
export const MACROVECTOR_SCORE_TENTHS: Readonly<Record<string, number>> = Object.fromEntries(
  (
    // Each row: the first five digits, then the six scores for EQ5=0..2 × EQ6=0..1 in the order
    // xx…x00 xx…x01 xx…x10 xx…x11 xx…x20 xx…x21 (an absent score is written "-").
    [
      ['0000', '100 99 98 95 95 92'],
      ['0001', '100 96 93 87 91 81'],
      ['0002', '93 90 89 80 81 68'],
      ['0010', '98 95 95 92 90 84'],
      ['0011', '93 92 89 81 81 65'],
      ['0012', '88 80 78 70 69 48'],
      ['0020', '- 92 - 82 - 72'],
      ['0021', '- 79 - 69 - 50'],
      ['0022', '- 69 - 55 - 27'],
      ['0100', '99 97 95 92 92 85'],
      ['0101', '95 91 90 83 84 71'],
      ['0102', '92 81 82 71 72 53'],
      ['0110', '95 93 92 85 85 73'],
      ['0111', '92 82 80 72 70 59'],
      ['0112', '84 70 71 52 50 30'],
      ['0120', '- 86 - 75 - 52'],
      ['0121', '- 71 - 52 - 29'],
      ['0122', '- 63 - 29 - 17'],
      ['1000', '98 95 94 87 91 81'],
      ['1001', '94 89 86 74 77 64'],
      ['1002', '87 75 74 63 63 49'],
      ['1010', '94 89 88 77 76 67'],
      ['1011', '86 76 74 58 59 50'],
      ['1012', '72 57 57 52 52 25'],
      ['1020', '- 83 - 70 - 54'],
      ['1021', '- 65 - 58 - 26'],
      ['1022', '- 53 - 21 - 13'],
      ['1100', '95 90 88 76 76 70'],
      ['1101', '90 77 75 62 61 53'],
      ['1102', '77 66 68 59 52 30'],
      ['1110', '89 78 76 67 62 58'],
      ['1111', '74 59 57 57 47 23'],
      ['1112', '61 52 57 29 24 16'],
      ['1120', '- 71 - 59 - 30'],
      ['1121', '- 58 - 26 - 15'],
      ['1122', '- 23 - 13 - 6'],
      ['2000', '93 87 86 72 75 58'],
      ['2001', '86 74 74 61 56 34'],
      ['2002', '70 54 52 40 40 22'],
      ['2010', '85 75 74 55 62 51'],
      ['2011', '72 57 55 41 46 19'],
      ['2012', '53 36 34 19 19 8'],
      ['2020', '- 64 - 51 - 20'],
      ['2021', '- 47 - 21 - 11'],
      ['2022', '- 24 - 9 - 4'],
      ['2100', '88 75 73 53 60 50'],
      ['2101', '73 55 59 40 41 20'],
      ['2102', '54 43 45 22 20 11'],
      ['2110', '75 55 58 45 40 21'],
      ['2111', '61 51 48 18 20 9'],
      ['2112', '46 18 17 7 8 2'],
      ['2120', '- 53 - 24 - 14'],
      ['2121', '- 24 - 12 - 5'],
      ['2122', '- 10 - 3 - 1'],
    ] as const
  ).flatMap(([first, scores]) =>
    scores
      .split(' ')
      .map((score, column) => [`${first}${Math.floor(column / 2)}${column % 2}`, score] as const)
      .filter(([, score]) => score !== '-')
      .map(([macro, score]) => [macro, Number(score)] as const),
  ),
);

/**
 * The severity level of each metric value in steps of 0.1 (held as integers): the distance of a
 * vector from the highest-severity vector of its MacroVector is measured in these.
 */
export const METRIC_LEVEL: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  AV: { N: 0, A: 1, L: 2, P: 3 },
  PR: { N: 0, L: 1, H: 2 },
  UI: { N: 0, P: 1, A: 2 },
  AC: { L: 0, H: 1 },
  AT: { N: 0, P: 1 },
  VC: { H: 0, L: 1, N: 2 },
  VI: { H: 0, L: 1, N: 2 },
  VA: { H: 0, L: 1, N: 2 },
  SC: { H: 1, L: 2, N: 3 },
  SI: { S: 0, H: 1, L: 2, N: 3 },
  SA: { S: 0, H: 1, L: 2, N: 3 },
  CR: { H: 0, M: 1, L: 2 },
  IR: { H: 0, M: 1, L: 2 },
  AR: { H: 0, M: 1, L: 2 },
  E: { A: 0, P: 1, U: 2 },
};

export type PartialVector = Readonly<Record<string, string>>;

function vectors(...written: string[]): PartialVector[] {
  return written.map((text) => Object.fromEntries(text.split('/').map((pair) => pair.split(':') as [string, string])));
}

/** The highest-severity vectors of each EQ level, in the order the reference searches them. */
export const MAX_VECTORS = {
  eq1: [vectors('AV:N/PR:N/UI:N'), vectors('AV:A/PR:N/UI:N', 'AV:N/PR:L/UI:N', 'AV:N/PR:N/UI:P'), vectors('AV:P/PR:N/UI:N', 'AV:A/PR:L/UI:P')],
  eq2: [vectors('AC:L/AT:N'), vectors('AC:H/AT:N', 'AC:L/AT:P')],
  /** EQ3 and EQ6 are joint: indexed by EQ3 then EQ6. */
  eq3eq6: [
    [vectors('VC:H/VI:H/VA:H/CR:H/IR:H/AR:H'), vectors('VC:H/VI:H/VA:L/CR:M/IR:M/AR:H', 'VC:H/VI:H/VA:H/CR:M/IR:M/AR:M')],
    [
      vectors('VC:L/VI:H/VA:H/CR:H/IR:H/AR:H', 'VC:H/VI:L/VA:H/CR:H/IR:H/AR:H'),
      vectors(
        'VC:L/VI:H/VA:L/CR:H/IR:M/AR:H',
        'VC:L/VI:H/VA:H/CR:H/IR:M/AR:M',
        'VC:H/VI:L/VA:H/CR:M/IR:H/AR:M',
        'VC:H/VI:L/VA:L/CR:M/IR:H/AR:H',
        'VC:L/VI:L/VA:H/CR:H/IR:H/AR:M',
      ),
    ],
    [[], vectors('VC:L/VI:L/VA:L/CR:H/IR:H/AR:H')],
  ],
  eq4: [vectors('SC:H/SI:S/SA:S'), vectors('SC:H/SI:H/SA:H'), vectors('SC:L/SI:L/SA:L')],
  eq5: [vectors('E:A'), vectors('E:P'), vectors('E:U')],
} as const satisfies Record<string, unknown>;

/** The depth of each EQ level in steps (the maximal severity distance inside it, plus one). */
export const MAX_SEVERITY_STEPS = {
  eq1: [1, 4, 5],
  eq2: [1, 2],
  eq3eq6: [
    [7, 6],
    [8, 8],
    [Number.NaN, 10],
  ],
  eq4: [6, 5, 4],
} as const;
