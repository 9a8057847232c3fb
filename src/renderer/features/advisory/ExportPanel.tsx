// Every export format's state for the saved case: valid (and against what), or the core's
// problems in words; a preview of the chosen format's document; and its export.
import { useState, type ReactElement } from 'react';
import type { AdvisoryFormat, CaseRecord } from '../../../shared/contract/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { FORMATS, type ExportChecks, type FormatCheck } from './use-export-checks.ts';

interface PanelProps {
  caseRecord: CaseRecord;
  checks: ExportChecks;
  prs: number[];
  onPrsChange(prs: number[]): void;
  /** The form has unsaved changes: the checks describe the saved case. */
  dirty: boolean;
}

function statusText(check: FormatCheck | undefined): string {
  if (!check) return 'Checking…';
  if (check.state === 'valid') return 'Valid';
  if (check.state === 'invalid') return check.problems.length === 1 ? '1 problem' : `${check.problems.length} problems`;
  return 'Could not check';
}

function joinNames(names: readonly string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

export function ExportPanel({ caseRecord, checks, prs, onPrsChange, dirty }: PanelProps): ReactElement {
  const [selected, setSelected] = useState<AdvisoryFormat>('cve');
  const [exporting, setExporting] = useState<AdvisoryFormat | null>(null);
  const selectedCheck = checks.byFormat[selected];
  const selectedName = FORMATS.find((f) => f.format === selected)?.name ?? selected;

  return (
    <section className="panel advisory-exports" aria-labelledby="advisory-exports-title" aria-busy={checks.checking}>
      <div className="advisory-exports__header">
        <h3 className="advisory-section__title" id="advisory-exports-title">
          Exports
        </h3>
        <span className="advisory-exports__state" role="status">
          {checks.checking ? 'Checking…' : dirty ? 'Checked: the saved case' : 'Checked'}
        </span>
      </div>
      {dirty ? <p className="advisory-exports__dirty">Save your changes to check them: these results are for the case as saved.</p> : null}

      <ul className="advisory-formats" aria-label="Export formats">
        {FORMATS.map(({ format, name }) => {
          const check = checks.byFormat[format];
          const state = check?.state ?? 'checking';
          return (
            <li key={format} className="advisory-format" data-state={state} data-selected={format === selected || undefined} aria-label={name}>
              <div className="advisory-format__head">
                <span className="advisory-format__icon" aria-hidden="true">
                  <Icon name={state === 'valid' ? 'check' : state === 'checking' ? 'clock' : 'alert'} />
                </span>
                <span className="advisory-format__name">{name}</span>
                <span className="advisory-format__status">{statusText(check)}</span>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-pressed={format === selected}
                  aria-label={`Preview ${name}`}
                  onClick={() => setSelected(format)}
                >
                  Preview
                </button>
              </div>
              {check?.state === 'valid' ? (
                <p className="advisory-format__detail">Valid against {joinNames(check.document.validation.checkedAgainst)}.</p>
              ) : null}
              {check?.state === 'invalid' ? (
                <ul className="advisory-format__problems" aria-label={`Problems of the ${name}`}>
                  {check.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              ) : null}
              {check?.state === 'failed' ? <p className="advisory-format__detail">{check.message}</p> : null}
              {format === 'release-notes' ? <PrNumbers prs={prs} onChange={onPrsChange} /> : null}
            </li>
          );
        })}
      </ul>

      <div className="advisory-preview">
        <div className="advisory-preview__head">
          <h4 className="advisory-subheading">Preview: {selectedName}</h4>
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => setExporting(selected)}
            disabled={selectedCheck?.state !== 'valid' || dirty}
            title={dirty ? 'Save your changes first' : undefined}
          >
            Export…
          </button>
        </div>
        {selectedCheck?.state === 'valid' ? (
          <>
            {selectedCheck.document.warnings.length > 0 ? (
              <ul className="advisory-preview__warnings" aria-label="Export warnings">
                {selectedCheck.document.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            ) : null}
            <pre className="advisory-preview__text" tabIndex={0} aria-label={`${selectedName} document`}>
              {selectedCheck.document.text}
            </pre>
          </>
        ) : (
          <p className="advisory-preview__empty">{selectedCheck ? 'No document: fix the problems listed above.' : 'Checking…'}</p>
        )}
      </div>

      {exporting ? (
        <ExportDialog
          caseRecord={caseRecord}
          format={exporting}
          formatName={FORMATS.find((f) => f.format === exporting)?.short ?? exporting}
          prs={prs}
          onClose={() => setExporting(null)}
        />
      ) : null}
    </section>
  );
}

/** The cherry-pick PRs of the release-notes map, typed as numbers separated by spaces or commas. */
function PrNumbers({ prs, onChange }: { prs: number[]; onChange(prs: number[]): void }): ReactElement {
  const [text, setText] = useState(prs.join(', '));
  const words = text.split(/[\s,]+/).filter((word) => word !== '');
  const bad = words.filter((word) => !/^#?[1-9]\d{0,9}$/.test(word));
  return (
    <div className="advisory-prs">
      <label className="field__label" htmlFor="advisory-prs">
        Cherry-pick PRs
      </label>
      <input
        id="advisory-prs"
        className="input input--mono advisory-input--small"
        value={text}
        placeholder="131338, 131339"
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const parts = next.split(/[\s,]+/).filter((word) => word !== '');
          if (parts.every((word) => /^#?[1-9]\d{0,9}$/.test(word))) onChange(parts.map((word) => Number(word.replace('#', ''))));
        }}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={bad.length > 0 || undefined}
        aria-describedby="advisory-prs-message"
      />
      {bad.length > 0 ? (
        <p className="field__error" id="advisory-prs-message">
          Not a PR number: {bad.join(', ')}.
        </p>
      ) : (
        <p className="field__hint" id="advisory-prs-message">
          One YAML document per PR. Not saved on the case.
        </p>
      )}
    </div>
  );
}
