// Setting the Release Date: typed in UTC, as the announcement states it, with its reading in
// every zone shown and a warning, while typing, for a Friday or a weekend in any of them.
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { CaseRecord } from '../../../shared/contract/index.ts';
import type { DateCheck } from '../../../shared/contract/calendar.ts';
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
  // The date against every constraint of the parties (calendar.check), re-run as it is typed.
  const [check, setCheck] = useState<DateCheck | null>(null);
  const [rejected, setRejected] = useState<{ releaseDate: string; reasons: string[] }[] | null>(null);
  const [proposeNote, setProposeNote] = useState<string | null>(null);
  useEffect(() => {
    if (!releaseDate) {
      setCheck(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void call('calendar.check', { id: caseRecord.id, releaseDate, linuxDistros: false }).then((result) => {
        if (current) setCheck(result.ok ? result.value : null);
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [caseRecord.id, releaseDate]);

  async function proposeFirst(): Promise<void> {
    const result = await call('calendar.propose', { id: caseRecord.id, linuxDistros: false, maxDays: 60 });
    if (!result.ok) return setProposeNote(result.error.message);
    setRejected(result.value.rejected);
    if (result.value.proposed) {
      setValue(toUtcInputValue(result.value.proposed.releaseDate));
      setProposeNote(null);
    } else setProposeNote('No date within 60 days meets every constraint.');
  }

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
        <div className="field">
          <button type="button" className="button" onClick={() => void proposeFirst()} disabled={action.busy}>
            Propose the first valid date
          </button>
          {proposeNote ? <Notice tone="warning">{proposeNote}</Notice> : null}
        </div>
        {check ? (
          <section aria-label="Constraints" className="release-constraints">
            <p>
              <strong>{check.ok ? 'This date meets every constraint.' : 'This date is refused.'}</strong>
            </p>
            <ul>
              {check.results.map((result) => (
                <li key={result.constraint} data-ok={result.ok} data-strength={result.strength}>
                  {result.ok ? '✓' : result.strength === 'hard' ? '✗' : '!'} <span className="muted">{result.constraint}</span> {result.message}
                </li>
              ))}
            </ul>
            <table aria-label="In each participant's zone">
              <thead>
                <tr>
                  <th>Who</th>
                  <th>Zone</th>
                  <th>Date</th>
                </tr>
              </thead>
              <tbody>
                {check.inZones.map(({ who, at }) => (
                  <tr key={`${who} ${at.zone}`}>
                    <td>{who}</td>
                    <td>{at.zone}</td>
                    <td>
                      {at.weekday} {at.date} {at.time} ({at.offset})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {rejected && rejected.length > 0 ? (
          <details className="release-rejected">
            <summary>Why {rejected.length} earlier date{rejected.length === 1 ? ' was' : 's were'} refused</summary>
            <ul aria-label="Refused dates">
              {rejected.map((candidate) => (
                <li key={candidate.releaseDate}>
                  {formatUtc(candidate.releaseDate)}: {candidate.reasons.join(' ')}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
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
