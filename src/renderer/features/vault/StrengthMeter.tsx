import { useEffect, useState, type ReactElement } from 'react';
import { estimateStrength, type Strength } from '../../lib/passphrase-strength.ts';

/** Four segments and a sentence: how guessable the passphrase is, and why. */
export function StrengthMeter({ passphrase, id, onStrength }: { passphrase: string; id: string; onStrength(s: Strength | null): void }): ReactElement {
  const [strength, setStrength] = useState<Strength | null>(null);

  useEffect(() => {
    let current = true;
    if (passphrase === '') {
      setStrength(null);
      onStrength(null);
      return;
    }
    void estimateStrength(passphrase).then((result) => {
      if (!current) return;
      setStrength(result);
      onStrength(result);
    });
    return () => {
      current = false;
    };
  }, [passphrase, onStrength]);

  return (
    <div className="strength" id={id} data-score={strength?.score ?? 'none'} aria-live="polite">
      <div className="strength__bar" aria-hidden="true">
        <span className="strength__segment" />
        <span className="strength__segment" />
        <span className="strength__segment" />
        <span className="strength__segment" />
      </div>
      <p className="strength__label">
        {strength ? (
          <>
            <strong>{strength.label}.</strong> {strength.warning ?? ''} Guessing it offline would take {strength.crackTime}.
            {strength.suggestions[0] ? ` ${strength.suggestions[0]}` : ''}
          </>
        ) : (
          'Use four or more unrelated words, or a long random passphrase from your password manager.'
        )}
      </p>
    </div>
  );
}
