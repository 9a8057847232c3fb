// A strength hint for a new vault passphrase, from zxcvbn-ts (common passwords, names, words,
// keyboard patterns, dates, l33t). Its dictionaries are large, so they load on first use and
// only on the screens that choose a passphrase.

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  score: StrengthScore;
  label: string;
  /** Why it is weak, when it is (e.g. "This is a top-100 common password."). */
  warning: string | null;
  suggestions: string[];
  /** How long an offline attacker with fast hardware would need, in words. */
  crackTime: string;
}

const LABELS: Record<StrengthScore, string> = {
  0: 'Very weak',
  1: 'Weak',
  2: 'Fair',
  3: 'Strong',
  4: 'Very strong',
};

type Checker = (passphrase: string) => Strength;
let checker: Promise<Checker> | null = null;

async function loadChecker(): Promise<Checker> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, userInputs: ['embargo', 'vault', 'security', 'passphrase'] },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return (passphrase) => {
    const result = zxcvbn.check(passphrase);
    const score = result.score as StrengthScore;
    return {
      score,
      label: LABELS[score],
      warning: result.feedback.warning || null,
      suggestions: result.feedback.suggestions,
      crackTime: String(result.crackTimes.offlineSlowHashingXPerSecond.display),
    };
  };
}

export async function estimateStrength(passphrase: string): Promise<Strength> {
  checker ??= loadChecker();
  return (await checker)(passphrase);
}

/** Below this score the first-run screen asks for an explicit "use it anyway". */
export const WEAK_BELOW: StrengthScore = 3;
