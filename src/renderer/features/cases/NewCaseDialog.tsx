// Open a case: a title, the disclosure time typed as local time with the zone shown (and its
// UTC reading under it), the disclosure kind, and the Fix Lead the rotation proposes (whoever
// is chosen takes the turn once the case exists).
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CaseKind } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { formatUtc, fromLocalInputValue, localZone, toLocalInputValue } from '../../lib/time.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { FixLeadPicker, NO_LEAD } from '../roster/FixLeadPicker.tsx';
import { CASE_KINDS } from './kinds.ts';

export function NewCaseDialog(): ReactElement {
  const open = useUi((ui) => ui.newCaseOpen);
  const toggle = useUi((ui) => ui.newCaseDialogToggled);
  return (
    <Dialog
      open={open}
      onOpenChange={toggle}
      title="New case"
      description="One case is one vulnerability. The disclosure time starts every window of the process."
    >
      {/* Mounted only while open, so every dialog starts from a clean form. */}
      {open ? <NewCaseForm onCancel={() => toggle(false)} /> : null}
    </Dialog>
  );
}

function NewCaseForm({ onCancel }: { onCancel(): void }): ReactElement {
  const caseOpened = useUi((ui) => ui.caseOpened);
  const dataChanged = useUi((ui) => ui.dataChanged);
  const [title, setTitle] = useState('');
  const [disclosedLocal, setDisclosedLocal] = useState(() => toLocalInputValue(new Date()));
  const [kind, setKind] = useState<CaseKind>('private');
  const [fixLead, setFixLead] = useState(NO_LEAD);
  /** The case, when it was opened but its Fix Lead could not be recorded. */
  const [created, setCreated] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const disclosedAt = fromLocalInputValue(disclosedLocal);
  const zone = localZone(disclosedAt ? new Date(disclosedAt) : new Date());
  const titleMissing = title.trim() === '';

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (created) {
      caseOpened(created);
      return;
    }
    if (titleMissing || !disclosedAt) return;
    setBusy(true);
    const result = await call('case.create', { title: title.trim(), disclosedAt, kind });
    if (!result.ok) {
      setBusy(false);
      setError(result.error.message);
      return;
    }
    const id = result.value.id;
    if (fixLead !== NO_LEAD) {
      const taken = await call('roster.takeFixLead', { caseId: id, memberId: fixLead });
      if (!taken.ok) {
        setBusy(false);
        dataChanged();
        setCreated(id);
        setError(`${id} was opened, but its Fix Lead could not be recorded: ${taken.error.message} Open the case and take the turn from its Timeline tab.`);
        return;
      }
    }
    setBusy(false);
    dataChanged();
    caseOpened(id);
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label className="field__label" htmlFor="case-title">
          Title
        </label>
        <input
          id="case-title"
          className="input"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder="e.g. Path traversal in kubelet volume mounts"
          maxLength={300}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          aria-invalid={(submitted && titleMissing) || undefined}
          aria-describedby={submitted && titleMissing ? 'case-title-error' : undefined}
          disabled={busy}
        />
        {submitted && titleMissing ? (
          <p className="field__error" id="case-title-error">
            Give the case a title.
          </p>
        ) : null}
      </div>

      <div className="field">
        <label className="field__label" htmlFor="case-disclosed">
          Disclosed at <span className="muted">(your local time, {zone.name}, UTC{zone.offset})</span>
        </label>
        <input
          id="case-disclosed"
          className="input"
          type="datetime-local"
          value={disclosedLocal}
          onChange={(event) => setDisclosedLocal(event.target.value)}
          aria-invalid={(submitted && !disclosedAt) || undefined}
          aria-describedby="case-disclosed-hint"
          disabled={busy}
          required
        />
        <p className="field__hint" id="case-disclosed-hint">
          {disclosedAt ? (
            <>
              Recorded as <strong>{formatUtc(disclosedAt)}</strong>. When the reporter first told the security team.
            </>
          ) : (
            <span className="field__error">
              {disclosedLocal === '' ? 'Give the date and time of the disclosure.' : 'That time does not exist in your time zone (a daylight-saving change).'}
            </span>
          )}
        </p>
      </div>

      <fieldset className="choices">
        <legend className="field__label">Disclosure kind</legend>
        {CASE_KINDS.map((option) => (
          <label className="choice" key={option.kind}>
            <input
              type="radio"
              name="case-kind"
              value={option.kind}
              checked={kind === option.kind}
              onChange={() => setKind(option.kind)}
              disabled={busy}
            />
            <span>
              <span className="choice__title">{option.label}</span>
              <br />
              <span className="choice__text">{option.description}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <FixLeadPicker id="case-fix-lead" value={fixLead} onChange={setFixLead} disabled={busy || created !== null} />

      {error ? <Notice tone="error">{error}</Notice> : null}

      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Opening…' : created ? `Open ${created}` : 'Open case'}
        </button>
      </div>
    </form>
  );
}
