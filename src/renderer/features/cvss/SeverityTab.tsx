// The case's Severity tab: a CVSS v4.0 / v3.1 calculator (segmented metric buttons, live score
// from the core, paste and copy of the vector) beside the Fix Lead's recorded call. Recording
// saves the vector through case.update, which scores it again in the core and puts the call on
// the timeline; the calculator itself changes nothing until then.
import * as RadioGroup from '@radix-ui/react-radio-group';
import { useState, type ReactElement } from 'react';
import type { CaseRecord } from '../../../shared/contract/index.ts';
import type { CvssVersion } from '../../../shared/cvss-metrics.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import type { CaseTabProps } from '../cases/case-tabs.tsx';
import { MetricGroups } from './MetricGroups.tsx';
import { RecordedCall, latestCallEvent } from './RecordedCall.tsx';
import { ScoreSummary } from './ScoreSummary.tsx';
import { scoreOnce, useCvssScore } from './use-cvss-score.ts';
import { CALCULATOR_VERSIONS, buildVector, convertSelection, emptySelection, selectionFromMetrics, splitAcceptedVector, type Selection } from './vector-model.ts';
import { PasteVector, VectorLine } from './VectorBar.tsx';
import './cvss.css';

interface CalculatorState {
  version: CvssVersion;
  selection: Selection;
  /** Bumped when a whole vector is loaded, so folded groups reopen for what it sets. */
  loadKey: number;
}

/** The recorded call when there is one, else an empty v4.0 calculator (the current version). */
function initialState(recorded: CaseRecord['cvss']): CalculatorState {
  const split = recorded ? splitAcceptedVector(recorded.vector) : null;
  if (split) return { version: split.version, selection: selectionFromMetrics(split.version, split.metrics), loadKey: 0 };
  return { version: '4.0', selection: emptySelection('4.0'), loadKey: 0 };
}

export function SeverityTab({ caseRecord }: CaseTabProps): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const dataChanged = useUi((ui) => ui.dataChanged);
  const timeline = useQuery('case.timeline', { id: caseRecord.id }, revision);
  const [state, setState] = useState(() => initialState(caseRecord.cvss));
  const [recording, setRecording] = useState(false);
  const [recordError, setRecordError] = useState<string | null>(null);

  const built = buildVector(state.version, state.selection);
  const score = useCvssScore(built.vector);
  const recorded = caseRecord.cvss;
  const valid = built.vector !== null && !score.pending && score.result?.ok === true;
  const alreadyRecorded = recorded !== null && built.vector === recorded.vector;
  const versions: readonly CvssVersion[] = state.version === '3.0' ? [...CALCULATOR_VERSIONS, '3.0'] : CALCULATOR_VERSIONS;

  function choose(metric: string, value: string): void {
    setState((current) => ({ ...current, selection: { ...current.selection, [metric]: value } }));
    setRecordError(null);
  }

  function switchVersion(version: CvssVersion): void {
    setState((current) => ({ version, selection: convertSelection(current.selection, version), loadKey: current.loadKey + 1 }));
  }

  async function loadVector(vector: string): Promise<string | null> {
    const result = await scoreOnce(vector);
    if (!result.ok) return result.error.message;
    setState((current) => ({ version: result.version, selection: selectionFromMetrics(result.version, result.metrics), loadKey: current.loadKey + 1 }));
    setRecordError(null);
    return null;
  }

  function loadRecorded(): void {
    setState((current) => ({ ...initialState(recorded), loadKey: current.loadKey + 1 }));
  }

  async function record(): Promise<void> {
    if (!valid || built.vector === null) return;
    setRecording(true);
    setRecordError(null);
    const result = await call('case.update', { id: caseRecord.id, edits: { cvssVector: built.vector } });
    setRecording(false);
    if (!result.ok) {
      setRecordError(result.error.message);
      return;
    }
    dataChanged();
  }

  return (
    <div className="cvss-tab">
      <div className="cvss-top">
        <section className="panel cvss-panel" aria-label="Calculator input">
          <div className="cvss-version">
            <span className="field__label" id="cvss-version-label">
              CVSS version
            </span>
            <RadioGroup.Root
              className="cvss-segments cvss-segments--version"
              value={state.version}
              onValueChange={(value) => switchVersion(value as CvssVersion)}
              orientation="horizontal"
              loop
              aria-labelledby="cvss-version-label"
            >
              {versions.map((version) => (
                <RadioGroup.Item key={version} className="cvss-segment" value={version}>
                  v{version}
                </RadioGroup.Item>
              ))}
            </RadioGroup.Root>
            <button
              type="button"
              className="button button--ghost button--small cvss-version__clear"
              onClick={() => setState((current) => ({ ...current, selection: emptySelection(current.version), loadKey: current.loadKey + 1 }))}
            >
              Clear all
            </button>
          </div>
          <PasteVector onLoad={loadVector} />
        </section>
        <section className="panel cvss-panel">
          <RecordedCall call={recorded} event={latestCallEvent(timeline.value)} />
          {recorded && !alreadyRecorded ? (
            <button type="button" className="button button--small cvss-recorded__load" onClick={loadRecorded}>
              Load the recorded call into the calculator
            </button>
          ) : null}
        </section>
      </div>

      <div className="cvss-live">
        <ScoreSummary result={score.result} pending={score.pending} missing={built.missing} error={score.error} />
        <div className="cvss-live__record">
          <button type="button" className="button button--primary" onClick={() => void record()} disabled={!valid || alreadyRecorded || recording}>
            {recording ? 'Recording…' : "Record as the Fix Lead's final call"}
          </button>
          <span className="cvss-live__hint">{alreadyRecorded ? 'This vector is the recorded call.' : 'Saved on the case and its timeline.'}</span>
        </div>
        <VectorLine vector={built.vector} />
        {recordError ? <Notice tone="error">{recordError}</Notice> : null}
      </div>

      <MetricGroups version={state.version} selection={state.selection} onChoose={choose} loadKey={state.loadKey} />
    </div>
  );
}
