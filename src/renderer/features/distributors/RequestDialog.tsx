// Record a membership request as it arrived: the organisation, its distribution, who asks on its
// behalf, and the evidence given for each of the nine criteria. Assessing comes next, criterion
// by criterion, in the review.
import { useState, type FormEvent, type ReactElement } from 'react';
import { MEMBERSHIP_CRITERIA, type MembershipRequest } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useUi } from '../../app/store.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useAction } from '../keyring/use-action.ts';

export function RequestDialog({ onClose, onOpened }: { onClose(): void; onOpened(request: MembershipRequest): void }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const people = useQuery('people.list', {}, revision);
  const [organisation, setOrganisation] = useState('');
  const [distribution, setDistribution] = useState('');
  const [requester, setRequester] = useState('');
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const action = useAction();
  const missing = organisation.trim() === '' || distribution.trim() === '' || requester === '';

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    if (missing) return;
    const given = Object.fromEntries(Object.entries(evidence).filter(([, text]) => text.trim() !== ''));
    const request = await action.run(() =>
      call('distributors.openRequest', { organisation: organisation.trim(), distribution: distribution.trim(), requester, evidence: given, note }),
    );
    if (request) onOpened(request);
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Record a membership request"
      description="As it was sent to the PST: who asks, for which distribution, and what they wrote for each criterion."
    >
      <form className="form dialog-body dialog-body--xwide" onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid form-grid--3">
          <div className="field">
            <label className="field__label" htmlFor="request-org">
              Organisation
            </label>
            <input id="request-org" className="input" value={organisation} onChange={(e) => setOrganisation(e.target.value)} maxLength={200} data-autofocus disabled={action.busy} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="request-dist">
              Distribution
            </label>
            <input id="request-dist" className="input" value={distribution} onChange={(e) => setDistribution(e.target.value)} maxLength={200} disabled={action.busy} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="request-requester">
              Requester
            </label>
            <select id="request-requester" className="input" value={requester} onChange={(e) => setRequester(e.target.value)} disabled={action.busy}>
              <option value="">Choose a person…</option>
              {(people.value ?? []).map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                  {person.organisation ? ` (${person.organisation})` : ''}
                </option>
              ))}
            </select>
          </div>
        </div>
        {submitted && missing ? <p className="field__error">Give the organisation, the distribution and the requester (add them on the People page first).</p> : null}
        <fieldset className="criteria-form">
          <legend className="field__label">Evidence given, per criterion</legend>
          {MEMBERSHIP_CRITERIA.map((criterion, index) => (
            <div className="criteria-form__row" key={criterion.id}>
              <label className="criteria-form__text" htmlFor={`evidence-${criterion.id}`}>
                <span className="criterion__number">{index + 1}</span> {criterion.text}
              </label>
              <textarea
                id={`evidence-${criterion.id}`}
                className="textarea textarea--small"
                rows={1}
                value={evidence[criterion.id] ?? ''}
                onChange={(e) => setEvidence({ ...evidence, [criterion.id]: e.target.value })}
                placeholder={criterion.id === 'vouched' ? 'Recorded in the review, from a contact of a current member' : 'Links, explanations…'}
                disabled={action.busy}
              />
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor="request-note">
            Note
          </label>
          <textarea id="request-note" className="textarea textarea--small" rows={1} value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} disabled={action.busy} />
        </div>
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={action.busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Recording…' : 'Record request'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
