// The live score of the vector on screen, as the core computed it: the number and its rating in
// words (the colour only repeats what the words say). v3.x shows its three group scores; v4.0
// names what the score covers (CVSS-B, -BT, -BE, -BTE), as the specification asks.
import type { ReactElement } from 'react';
import type { CvssResult } from '../../../shared/contract/index.ts';
import type { CvssMetric, CvssSeverity } from '../../../shared/cvss-metrics.ts';

const NOMENCLATURE: Record<string, string> = {
  'CVSS-B': 'Base metrics only',
  'CVSS-BT': 'Base and Threat metrics',
  'CVSS-BE': 'Base and Environmental metrics',
  'CVSS-BTE': 'Base, Threat and Environmental metrics',
};

export function SeverityBadge({ severity, score, size = 'md' }: { severity: CvssSeverity; score?: number; size?: 'md' | 'lg' }): ReactElement {
  return (
    <span className={`cvss-badge cvss-badge--${size}`} data-severity={severity.toLowerCase()}>
      {score !== undefined ? <span className="cvss-badge__score">{score.toFixed(1)}</span> : null}{' '}
      <span className="cvss-badge__label">{severity}</span>
    </span>
  );
}

interface SummaryProps {
  result: CvssResult | null;
  pending: boolean;
  missing: readonly CvssMetric[];
  error: string | null;
}

type Scored = Extract<CvssResult, { ok: true }>;

export function ScoreSummary({ result, pending, missing, error }: SummaryProps): ReactElement {
  if (missing.length > 0 || error || !result || !result.ok) {
    const text =
      missing.length > 0
        ? `Choose ${missing.length === 1 ? 'the last base metric' : `the ${missing.length} remaining base metrics`}: ${missing.map((m) => m.name).join(', ')}.`
        : (error ?? (result && !result.ok ? result.error.message : 'Scoring…'));
    return (
      <div className="cvss-score cvss-score--empty" role="status" aria-label="Live score" aria-busy={pending}>
        <span className="cvss-score__placeholder">No score yet</span>
        <span className="cvss-score__hint">{text}</span>
      </div>
    );
  }
  return (
    <div className="cvss-score" role="status" aria-label="Live score" aria-busy={pending} data-pending={pending || undefined}>
      <SeverityBadge severity={result.severity} score={result.score} size="lg" />
      <div className="cvss-score__caption">
        {result.version === '4.0' ? (
          <>
            <strong className="mono">{result.nomenclature}</strong>
            <span>{NOMENCLATURE[result.nomenclature ?? ''] ?? ''}</span>
            {result.macroVector ? (
              <span className="cvss-score__macro">
                MacroVector <span className="mono">{result.macroVector}</span>
              </span>
            ) : null}
          </>
        ) : (
          <>
            <strong>CVSS v{result.version}</strong>
            <span>{scoreKind(result)}</span>
          </>
        )}
      </div>
      {result.version !== '4.0' ? (
        <dl className="cvss-score__groups">
          <GroupScore label="Base" score={result.baseScore} severity={result.baseSeverity} />
          <GroupScore label="Temporal" score={result.temporalScore} severity={result.temporalSeverity} />
          <GroupScore label="Environmental" score={result.environmentalScore} severity={result.environmentalSeverity} />
        </dl>
      ) : null}
    </div>
  );
}

const TEMPORAL = new Set(['E', 'RL', 'RC']);
const REQUIREMENTS = new Set(['CR', 'IR', 'AR']);

/** Which v3 score the call is: the most specific group the vector defines. */
function scoreKind(result: Scored): string {
  const defined = Object.entries(result.metrics).filter(([, value]) => value !== 'X');
  if (defined.some(([key]) => REQUIREMENTS.has(key) || /^M/.test(key))) return 'Environmental score';
  if (defined.some(([key]) => TEMPORAL.has(key))) return 'Temporal score';
  return 'Base score';
}

function GroupScore({ label, score, severity }: { label: string; score: number | undefined; severity: CvssSeverity | undefined }): ReactElement {
  return (
    <div className="cvss-score__group">
      <dt>{label}</dt>
      <dd>{score !== undefined && severity ? <SeverityBadge severity={severity} score={score} /> : <span className="faint">—</span>}</dd>
    </div>
  );
}
