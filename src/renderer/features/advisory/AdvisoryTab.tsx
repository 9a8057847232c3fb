// The case's Advisory tab: the fields the exports need, edited as a draft and saved together
// (each changed field is one timeline event), beside every export format's live state for the
// saved case, a preview, and the export itself.
import { useState, type KeyboardEvent, type ReactElement } from 'react';
import { call } from '../../lib/api.ts';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import type { CaseTabProps } from '../cases/case-tabs.tsx';
import { FIELD_NAMES, changedFields, checkDraft, draftFromCase, editsFromDraft, type AdvisoryDraft } from './advisory-draft.ts';
import { AdvisoryForm } from './AdvisoryForm.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { useExportChecks } from './use-export-checks.ts';
import { CvePanel } from '../cna/CvePanel.tsx';
import './advisory.css';

/** The UI exports with the core's default publisher, the Kubernetes CNA. */
const VENDOR = 'Kubernetes';

export function AdvisoryTab({ caseRecord }: CaseTabProps): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const dataChanged = useUi((ui) => ui.dataChanged);
  const [draft, setDraft] = useState<AdvisoryDraft>(() => draftFromCase(caseRecord));
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [prs, setPrs] = useState<number[]>([]);
  const checks = useExportChecks(caseRecord.id, revision, prs);

  const check = checkDraft(draft, submitted);
  const changed = changedFields(caseRecord, draft);
  const errorCount = Object.keys(check.errors).length;

  function change<K extends keyof AdvisoryDraft>(field: K, value: AdvisoryDraft[K]): void {
    setDraft((current) => ({ ...current, [field]: value }));
    setSaveError(null);
  }

  async function save(): Promise<void> {
    setSubmitted(true);
    if (changed.length === 0 || saving) return;
    if (Object.keys(checkDraft(draft, true).errors).length > 0) return;
    setSaving(true);
    setSaveError(null);
    const result = await call('case.update', { id: caseRecord.id, edits: editsFromDraft(caseRecord, draft) });
    setSaving(false);
    if (!result.ok) {
      setSaveError(result.error.message);
      return;
    }
    setSubmitted(false);
    dataChanged();
  }

  function discard(): void {
    setDraft(draftFromCase(caseRecord));
    setSubmitted(false);
    setSaveError(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  }

  return (
    <div className="advisory-layout">
      <div className="advisory-main" onKeyDown={onKeyDown}>
        <AdvisoryForm draft={draft} onChange={change} check={check} vendor={VENDOR} />
        {submitted && errorCount > 0 ? (
          <Notice tone="error">
            Nothing was saved: {errorCount === 1 ? 'one field needs' : `${errorCount} fields need`} attention (marked above).
          </Notice>
        ) : null}
        {saveError ? <Notice tone="error">{saveError}</Notice> : null}
        <div className="advisory-savebar" data-dirty={changed.length > 0 || undefined}>
          <div className="advisory-savebar__text" role="status">
            {changed.length > 0 ? (
              <>
                <strong>{changed.length === 1 ? '1 unsaved change' : `${changed.length} unsaved changes`}</strong>
                <span className="advisory-savebar__fields" title={changed.map((field) => FIELD_NAMES[field]).join(', ')}>
                  {changed.map((field) => FIELD_NAMES[field]).join(', ')}
                </span>
              </>
            ) : (
              <span className="muted">All changes saved. Each saved field is a timeline event.</span>
            )}
          </div>
          <button type="button" className="button" onClick={discard} disabled={changed.length === 0 || saving}>
            Discard
          </button>
          <button type="button" className="button button--primary" onClick={() => void save()} disabled={changed.length === 0 || saving}>
            {saving ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </div>
      <aside className="advisory-side" aria-label="Exports">
        <ExportPanel caseRecord={caseRecord} checks={checks} prs={prs} onPrsChange={setPrs} dirty={changed.length > 0} />
        <CvePanel caseRecord={caseRecord} />
      </aside>
    </div>
  );
}
