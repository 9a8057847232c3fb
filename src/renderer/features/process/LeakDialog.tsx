// An embargo break, in two steps as the text has it: record what leaked (what, to whom, when,
// who reported it, which distributor), then — once the damage is assessed — the Fix Lead's
// call: release earlier or continue. "When in doubt push forward and go public ASAP."
import { useState, type FormEvent, type ReactElement } from 'react';
import type { LeakRecord } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatUtc, fromLocalInputValue, localZone, toLocalInputValue } from '../../lib/time.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { useAction } from './use-action.ts';

const DEFAULT_GUIDANCE =
  'What if a vendor breaks embargo? The PST will assess the damage. The Fix Lead will make the call to release earlier or continue with the plan. When in doubt push forward and go public ASAP.';

interface LeakDialogProps {
  caseId: string;
  /** Decide on this recorded leak; without it the dialog starts by recording a new one. */
  leak?: LeakRecord;
  /** The profile's words for an embargo break. */
  guidance: string;
  onClose(): void;
}

export function LeakDialog({ caseId, leak, guidance, onClose }: LeakDialogProps): ReactElement {
  const [recorded, setRecorded] = useState<LeakRecord | null>(leak ?? null);
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={recorded ? `Decide on embargo break ${recorded.id}` : 'Record an embargo break'}
      description={
        recorded
          ? 'Assess the damage, then make the call: release earlier, or continue with the plan.'
          : 'Write down what leaked as it was reported. The decision comes next; a retrospective item is added.'
      }
    >
      {recorded ? (
        <DecideForm caseId={caseId} leak={recorded} guidance={guidance || DEFAULT_GUIDANCE} onDone={onClose} />
      ) : (
        <RecordForm caseId={caseId} onRecorded={setRecorded} onCancel={onClose} />
      )}
    </Dialog>
  );
}

function RecordForm({ caseId, onRecorded, onCancel }: { caseId: string; onRecorded(leak: LeakRecord): void; onCancel(): void }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const counts = useQuery('process.leakCounts', {}, revision);
  const [what, setWhat] = useState('');
  const [toWhom, setToWhom] = useState('');
  const [whenLocal, setWhenLocal] = useState(() => toLocalInputValue(new Date()));
  const [reportedBy, setReportedBy] = useState('');
  const [distributor, setDistributor] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const action = useAction();
  const when = fromLocalInputValue(whenLocal);
  const zone = localZone(when ? new Date(when) : new Date());
  const previous = counts.value?.find((entry) => entry.distributor.toLowerCase() === distributor.trim().toLowerCase());
  const missing = { what: what.trim() === '', toWhom: toWhom.trim() === '', reportedBy: reportedBy.trim() === '', when: !when };

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(missing).some(Boolean) || !when) return;
    const result = await action.run(() =>
      call('process.recordLeak', {
        id: caseId,
        what: what.trim(),
        toWhom: toWhom.trim(),
        when,
        reportedBy: reportedBy.trim(),
        distributor: distributor.trim() || null,
      }),
    );
    if (result) onRecorded(result.leak);
  }

  const error = (field: keyof typeof missing, text: string) =>
    submitted && missing[field] ? (
      <p className="field__error" id={`leak-${field}-error`}>
        {text}
      </p>
    ) : null;
  const invalid = (field: keyof typeof missing) => (submitted && missing[field]) || undefined;

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label className="field__label" htmlFor="leak-what">
          What leaked
        </label>
        <textarea
          id="leak-what"
          className="textarea textarea--short"
          value={what}
          onChange={(event) => setWhat(event.target.value)}
          placeholder="e.g. the patch for 1.32, the advisory draft, the CVE ID with a description"
          maxLength={5000}
          data-autofocus
          aria-invalid={invalid('what')}
          disabled={action.busy}
        />
        {error('what', 'Say what leaked.')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="leak-to-whom">
          To whom
        </label>
        <input
          id="leak-to-whom"
          className="input"
          value={toWhom}
          onChange={(event) => setToWhom(event.target.value)}
          placeholder="e.g. a public mailing list, a customer, a contractor's QA team"
          maxLength={1000}
          autoComplete="off"
          aria-invalid={invalid('toWhom')}
          disabled={action.busy}
        />
        {error('toWhom', 'Say who received it.')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="leak-when">
          When <span className="muted">(your local time, {zone.name}, UTC{zone.offset})</span>
        </label>
        <input
          id="leak-when"
          className="input"
          type="datetime-local"
          value={whenLocal}
          onChange={(event) => setWhenLocal(event.target.value)}
          aria-invalid={invalid('when')}
          aria-describedby="leak-when-hint"
          disabled={action.busy}
        />
        <p className="field__hint" id="leak-when-hint">
          {when ? <>Recorded as <strong>{formatUtc(when)}</strong>. When it reached them, as far as you know.</> : <span className="field__error">Give the date and time of the leak.</span>}
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="leak-reported-by">
          Reported by
        </label>
        <input
          id="leak-reported-by"
          className="input"
          value={reportedBy}
          onChange={(event) => setReportedBy(event.target.value)}
          maxLength={200}
          autoComplete="off"
          aria-invalid={invalid('reportedBy')}
          disabled={action.busy}
        />
        {error('reportedBy', 'Say who reported the leak.')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="leak-distributor">
          Distributor <span className="muted">(if a member of the distributors list leaked it)</span>
        </label>
        <input
          id="leak-distributor"
          className="input"
          list="leak-distributors"
          value={distributor}
          onChange={(event) => setDistributor(event.target.value)}
          maxLength={200}
          autoComplete="off"
          aria-describedby="leak-distributor-hint"
          disabled={action.busy}
        />
        <datalist id="leak-distributors">
          {(counts.value ?? []).map((entry) => (
            <option key={entry.distributor} value={entry.distributor} />
          ))}
        </datalist>
        <p className="field__hint" id="leak-distributor-hint">
          {previous ? (
            <span className="field__warning">
              {previous.distributor} leaked {previous.count === 1 ? 'once' : `${previous.count} times`} before ({previous.cases.join(', ')}). A member
              that leaks repeatedly is removed from the list.
            </span>
          ) : (
            'Leaks are counted per distributor across every case.'
          )}
        </p>
      </div>
      {action.error ? <Notice tone="error">{action.error}</Notice> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel} disabled={action.busy}>
          Cancel
        </button>
        <button type="submit" className="button button--danger" disabled={action.busy}>
          {action.busy ? 'Recording…' : 'Record the embargo break'}
        </button>
      </div>
    </form>
  );
}

function DecideForm({ caseId, leak, guidance, onDone }: { caseId: string; leak: LeakRecord; guidance: string; onDone(): void }): ReactElement {
  const [choice, setChoice] = useState<'release-earlier' | 'continue' | null>(null);
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const action = useAction();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    if (!choice || reason.trim() === '') return;
    const result = await action.run(() => call('process.decideLeak', { id: caseId, leak: leak.id, choice, reason: reason.trim() }));
    if (result) onDone();
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <dl className="leak-summary">
        <dt>What</dt>
        <dd>{leak.what}</dd>
        <dt>To whom</dt>
        <dd>{leak.toWhom}</dd>
        <dt>When</dt>
        <dd>{formatUtc(leak.when)}</dd>
        <dt>Reported by</dt>
        <dd>{leak.reportedBy}</dd>
        {leak.distributor ? (
          <>
            <dt>Distributor</dt>
            <dd>{leak.distributor}</dd>
          </>
        ) : null}
      </dl>
      <blockquote className="guidance">
        {guidance}
        <strong className="guidance__rule">When in doubt, go public as soon as possible.</strong>
      </blockquote>
      <fieldset className="choices" aria-invalid={(submitted && !choice) || undefined}>
        <legend className="field__label">The call</legend>
        <label className="choice">
          <input type="radio" name="leak-choice" checked={choice === 'release-earlier'} onChange={() => setChoice('release-earlier')} disabled={action.busy} data-autofocus />
          <span>
            <span className="choice__title">Release earlier</span>
            <br />
            <span className="choice__text">Every remaining window becomes “as soon as possible”. Plan the release now.</span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="leak-choice" checked={choice === 'continue'} onChange={() => setChoice('continue')} disabled={action.busy} />
          <span>
            <span className="choice__title">Continue with the plan</span>
            <br />
            <span className="choice__text">The Release Date stays. Say why the damage allows it.</span>
          </span>
        </label>
      </fieldset>
      {submitted && !choice ? <p className="field__error">Choose: release earlier, or continue with the plan.</p> : null}
      <div className="field">
        <label className="field__label" htmlFor="leak-reason">
          Reason
        </label>
        <textarea
          id="leak-reason"
          className="textarea textarea--short"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder="How far it spread, whether it can be contained, what the PST said"
          maxLength={5000}
          aria-invalid={(submitted && reason.trim() === '') || undefined}
          disabled={action.busy}
        />
        {submitted && reason.trim() === '' ? <p className="field__error">Give the reason: it goes into the retrospective.</p> : null}
      </div>
      {action.error ? <Notice tone="error">{action.error}</Notice> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onDone} disabled={action.busy}>
          Decide later
        </button>
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? 'Recording…' : 'Record the decision'}
        </button>
      </div>
    </form>
  );
}
