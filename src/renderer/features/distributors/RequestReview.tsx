// Review of one membership request: the nine criteria, each with the evidence given and the
// PST's yes/no; who vouched (criterion 9 is met only by a vouch from a contact of a current
// member); then the decision with its reason. Acceptance needs all nine met; either decision is
// final and recorded.
import { useState, type ReactElement } from 'react';
import type { CriterionAssessment, MemberView, MembershipRequest, PersonView } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { formatUtc } from '../../lib/time.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Drawer } from '../keyring/Drawer.tsx';
import { useAction } from '../keyring/use-action.ts';

interface RequestReviewProps {
  request: MembershipRequest | null;
  people: PersonView[];
  members: MemberView[];
  onClose(): void;
}

export function RequestReview({ request, people, members, onClose }: RequestReviewProps): ReactElement {
  const nameOf = (id: string): string => people.find((person) => person.id === id)?.name ?? id;
  return (
    <Drawer
      open={request !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={request ? `${request.organisation} · ${request.distribution}` : 'Membership request'}
      description={request ? `Requested by ${nameOf(request.requester)} · received ${formatUtc(request.receivedAt)}` : null}
    >
      {request ? <ReviewBody key={request.id} request={request} people={people} members={members} nameOf={nameOf} /> : null}
    </Drawer>
  );
}

export function requestProgress(request: MembershipRequest): { met: number; notMet: number; open: number } {
  const met = request.criteria.filter((c) => c.met === true).length;
  const notMet = request.criteria.filter((c) => c.met === false).length;
  return { met, notMet, open: request.criteria.length - met - notMet };
}

function ReviewBody({
  request,
  people,
  members,
  nameOf,
}: {
  request: MembershipRequest;
  people: PersonView[];
  members: MemberView[];
  nameOf(id: string): string;
}): ReactElement {
  const progress = requestProgress(request);
  const decided = request.decision !== null;
  return (
    <div className="review">
      <div className="review__summary">
        <span className="review__count review__count--met">{progress.met} met</span>
        <span className="review__count review__count--not">{progress.notMet} not met</span>
        <span className="review__count">{progress.open} to assess</span>
      </div>
      {request.note ? <p className="prose muted">{request.note}</p> : null}
      <ol className="criteria" aria-label="Criteria">
        {request.criteria.map((criterion) => (
          <CriterionRow key={`${criterion.criterion} ${criterion.assessedAt ?? ""}`} requestId={request.id} criterion={criterion} decided={decided} />
        ))}
      </ol>
      <VouchSection request={request} people={people} members={members} nameOf={nameOf} />
      <DecisionSection request={request} progress={progress} />
    </div>
  );
}

function CriterionRow({ requestId, criterion, decided }: { requestId: string; criterion: CriterionAssessment; decided: boolean }): ReactElement {
  const [evidence, setEvidence] = useState(criterion.evidence);
  const action = useAction();
  const state = criterion.met === null ? 'open' : criterion.met ? 'met' : 'not';
  const isVouch = criterion.criterion === 'vouched';

  function assess(met: boolean): void {
    void action.run(() =>
      call('distributors.assess', {
        requestId,
        criterion: criterion.criterion,
        met,
        ...(evidence !== criterion.evidence ? { evidence } : {}),
      }),
    );
  }

  return (
    <li className={`criterion criterion--${state}`} data-criterion={criterion.criterion}>
      <div className="criterion__head">
        <span className="criterion__number">{criterion.number}</span>
        <p className="criterion__text">{criterion.text}</p>
        <span className={`criterion__state criterion__state--${state}`}>{state === 'open' ? 'Not assessed' : state === 'met' ? 'Met' : 'Not met'}</span>
      </div>
      <label className="visually-hidden" htmlFor={`review-evidence-${criterion.criterion}`}>
        Evidence for criterion {criterion.number}
      </label>
      <textarea
        id={`review-evidence-${criterion.criterion}`}
        className="textarea textarea--small"
        rows={2}
        value={evidence}
        onChange={(event) => setEvidence(event.target.value)}
        placeholder="No evidence given"
        readOnly={decided}
        disabled={action.busy}
      />
      {!decided ? (
        <div className="criterion__actions" role="group" aria-label={`Criterion ${criterion.number}`}>
          <button
            type="button"
            className="button button--small"
            aria-pressed={criterion.met === true}
            onClick={() => assess(true)}
            disabled={action.busy || (isVouch && criterion.met !== true)}
            title={isVouch ? 'Met only by a recorded vouch' : undefined}
          >
            <Icon name="check" /> Yes
          </button>
          <button type="button" className="button button--small" aria-pressed={criterion.met === false} onClick={() => assess(false)} disabled={action.busy}>
            <Icon name="close" /> No
          </button>
          {criterion.assessedAt ? <span className="field__hint">assessed {formatUtc(criterion.assessedAt)}</span> : null}
        </div>
      ) : null}
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
    </li>
  );
}

function VouchSection({
  request,
  people,
  members,
  nameOf,
}: {
  request: MembershipRequest;
  people: PersonView[];
  members: MemberView[];
  nameOf(id: string): string;
}): ReactElement {
  const [voucher, setVoucher] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  // Only a contact of a current member can vouch; the requester cannot vouch for themselves.
  const candidates = people.filter((person) => person.id !== request.requester && members.some((member) => member.status === 'member' && member.contacts.includes(person.id)));
  const memberOf = (personId: string): string => members.find((member) => member.contacts.includes(personId))?.organisation ?? '';

  return (
    <section className="drawer-section" aria-label="Vouch">
      <h3 className="drawer-section__title">Who vouched</h3>
      {request.vouch ? (
        <p>
          <Icon name="check" /> <strong>{nameOf(request.vouch.personId)}</strong> of {members.find((m) => m.id === request.vouch?.memberId)?.organisation ?? request.vouch.memberId},{' '}
          {formatUtc(request.vouch.at)}
          {request.vouch.note ? `: ${request.vouch.note}` : ''}
        </p>
      ) : request.decision ? (
        <p className="not-set">Nobody vouched.</p>
      ) : (
        <div className="vouch-form">
          <select className="input" aria-label="Voucher" value={voucher} onChange={(event) => setVoucher(event.target.value)} disabled={action.busy}>
            <option value="">{candidates.length === 0 ? 'No contact of a current member yet' : 'A contact of a current member…'}</option>
            {candidates.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} ({memberOf(person.id)})
              </option>
            ))}
          </select>
          <input className="input" aria-label="Vouch note" placeholder="What they said" value={note} onChange={(event) => setNote(event.target.value)} maxLength={5000} disabled={action.busy} />
          <button
            type="button"
            className="button"
            disabled={action.busy || voucher === ''}
            onClick={() => void action.run(() => call('distributors.vouch', { requestId: request.id, voucher, note }))}
          >
            Record vouch
          </button>
        </div>
      )}
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
    </section>
  );
}

function DecisionSection({ request, progress }: { request: MembershipRequest; progress: { met: number; notMet: number; open: number } }): ReactElement {
  const [reason, setReason] = useState('');
  const action = useAction();
  if (request.decision) {
    return (
      <section className="drawer-section" aria-label="Decision">
        <h3 className="drawer-section__title">Decision</h3>
        <div className={`decision decision--${request.decision.outcome}`}>
          <strong>{request.decision.outcome === 'accepted' ? 'Accepted' : 'Rejected'}</strong> on {formatUtc(request.decision.at)}
          <p className="prose">{request.decision.reason}</p>
        </div>
      </section>
    );
  }
  const allMet = progress.met === 9;
  return (
    <section className="drawer-section" aria-label="Decision">
      <h3 className="drawer-section__title">Decision</h3>
      <label className="field__label" htmlFor="decision-reason">
        Reason
      </label>
      <textarea
        id="decision-reason"
        className="textarea textarea--small"
        rows={2}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        maxLength={5000}
        disabled={action.busy}
      />
      <p className="field__hint">
        {allMet ? 'All nine criteria are met.' : `Acceptance needs all nine criteria met: ${9 - progress.met} ${9 - progress.met === 1 ? 'is' : 'are'} not yet.`}
      </p>
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--destroy-outline"
          disabled={action.busy || reason.trim() === ''}
          onClick={() => void action.run(() => call('distributors.decide', { requestId: request.id, outcome: 'rejected', reason: reason.trim() }))}
        >
          Reject
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={action.busy || reason.trim() === '' || !allMet}
          onClick={() => void action.run(() => call('distributors.decide', { requestId: request.id, outcome: 'accepted', reason: reason.trim() }))}
        >
          Accept as member
        </button>
      </div>
    </section>
  );
}
