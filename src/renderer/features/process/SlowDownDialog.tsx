// The slow-down decision, offered only when the engine allows it (a recorded CVSS score under
// the profile's threshold). The text: "These decisions must be discussed on the
// kubernetes-security mailing list", so where it was discussed is part of the record.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CaseRecord } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useAction } from './use-action.ts';

interface SlowDownDialogProps {
  caseRecord: CaseRecord;
  threshold: number;
  discussedOn: string;
  onClose(): void;
}

export function SlowDownDialog({ caseRecord, threshold, discussedOn, onClose }: SlowDownDialogProps): ReactElement {
  const [days, setDays] = useState('7');
  const [reason, setReason] = useState('');
  const [where, setWhere] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const action = useAction();
  const extendDays = Number(days);
  const daysValid = Number.isInteger(extendDays) && extendDays >= 1 && extendDays <= 180;
  const list = discussedOn || 'the security list';

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    if (!daysValid || reason.trim() === '' || where.trim() === '') return;
    const result = await action.run(() =>
      call('process.slowDown', { id: caseRecord.id, extendDays, reason: reason.trim(), discussedOn: where.trim() }),
    );
    if (result) onClose();
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Slow the schedule down"
      description={`Allowed because the CVSS score ${caseRecord.cvss?.score.toFixed(1) ?? ''} is under ${threshold.toFixed(1)}. Every window counted from Disclosure moves later.`}
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <blockquote className="guidance">
          If the CVSS score is under {threshold.toFixed(1)} (a low severity score) the Fix Team can decide to slow the release process down in
          the face of holidays, developer bandwidth, etc. These decisions must be discussed on {list}.
        </blockquote>
        <div className="field">
          <label className="field__label" htmlFor="slow-days">
            Move the windows later by (days)
          </label>
          <input
            id="slow-days"
            className="input input--narrow"
            type="number"
            min={1}
            max={180}
            step={1}
            value={days}
            onChange={(event) => setDays(event.target.value)}
            data-autofocus
            aria-invalid={(submitted && !daysValid) || undefined}
            disabled={action.busy}
          />
          {submitted && !daysValid ? <p className="field__error">Give a whole number of days from 1 to 180.</p> : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="slow-reason">
            Reason
          </label>
          <textarea
            id="slow-reason"
            className="textarea textarea--short"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="Holidays, developer bandwidth, …"
            maxLength={5000}
            aria-invalid={(submitted && reason.trim() === '') || undefined}
            disabled={action.busy}
          />
          {submitted && reason.trim() === '' ? <p className="field__error">Give the reason: it goes on the timeline and into the retrospective.</p> : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="slow-where">
            Where it was discussed on {list}
          </label>
          <input
            id="slow-where"
            className="input"
            value={where}
            onChange={(event) => setWhere(event.target.value)}
            placeholder="A message link or its Message-ID"
            maxLength={2000}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={(submitted && where.trim() === '') || undefined}
            disabled={action.busy}
          />
          {submitted && where.trim() === '' ? <p className="field__error">Say where it was discussed: the process requires it.</p> : null}
        </div>
        {action.error ? <Notice tone="error">{action.error}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={action.busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Recording…' : 'Record the decision'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
