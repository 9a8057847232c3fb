// Setting the Release Date: typed in UTC, as the announcement states it, with its reading in
// every zone shown and a warning, while typing, for a Friday or a weekend in any of them.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CaseRecord } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { formatUtc } from '../../lib/time.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useAction } from './use-action.ts';
import { fromUtcInputValue, toUtcInputValue } from './utc-input.ts';
import { formatZoned, readInZone } from './zones.ts';

interface ReleaseDateDialogProps {
  caseRecord: CaseRecord;
  zones: readonly string[];
  /** The profile's rule in its own words (16:00 UTC on a weekday that is not a Friday, …). */
  rule: string;
  onClose(): void;
}

const WEEKEND = new Set(['Sat', 'Sun']);

export function ReleaseDateDialog({ caseRecord, zones, rule, onClose }: ReleaseDateDialogProps): ReactElement {
  const [value, setValue] = useState(() => (caseRecord.releaseDate ? toUtcInputValue(caseRecord.releaseDate) : ''));
  const [submitted, setSubmitted] = useState(false);
  const action = useAction();
  const releaseDate = fromUtcInputValue(value);
  const readings = releaseDate ? zones.map((zone) => readInZone(releaseDate, zone)) : [];
  const badDays = readings.filter((time) => time.weekday === 'Fri' || WEEKEND.has(time.weekday));

  async function save(next: string | null): Promise<void> {
    const result = await action.run(() => call('case.update', { id: caseRecord.id, edits: { releaseDate: next } }));
    if (result) onClose();
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    if (!releaseDate) return;
    await save(releaseDate);
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={caseRecord.releaseDate ? 'Change the Release Date' : 'Set the Release Date'}
      description="The time the fix and the announcement go public. Every step counted from it moves with it."
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="release-date">
            Release Date <span className="muted">(UTC)</span>
          </label>
          <input
            id="release-date"
            className="input"
            type="datetime-local"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            data-autofocus
            aria-invalid={(submitted && !releaseDate) || undefined}
            aria-describedby="release-date-hint"
            disabled={action.busy}
          />
          <div className="field__hint" id="release-date-hint">
            {releaseDate ? (
              <>
                The announcement will say <strong>{formatUtc(releaseDate)}</strong>.
                <ul className="zone-readings">
                  {readings.map((time) => (
                    <li key={time.zone}>{formatZoned(time)}</li>
                  ))}
                </ul>
              </>
            ) : submitted ? (
              <span className="field__error">Give the date and the hour, in UTC.</span>
            ) : (
              'Type the date and the hour in UTC: the process states the Release Date as YYYY-MM-DD HH:MM UTC.'
            )}
            {rule ? <p className="release-rule">Process rule: {rule}</p> : null}
          </div>
        </div>
        {badDays.length > 0 ? (
          <Notice tone="warning">
            {badDays.map((time) => `${time.weekday === 'Fri' ? 'a Friday' : 'a weekend day'} in ${time.zone}`).join(', ')}: people may
            not be there to apply the fix, and problems surface when nobody is on call.
          </Notice>
        ) : null}
        {action.error ? <Notice tone="error">{action.error}</Notice> : null}
        <div className="form__actions">
          {caseRecord.releaseDate ? (
            <button type="button" className="button button--ghost form__left" onClick={() => void save(null)} disabled={action.busy}>
              Clear the Release Date
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose} disabled={action.busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Saving…' : 'Save Release Date'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
