// The private distributors list: keyring health first (can every member receive encrypted
// mail?), then the members with their contacts, keys, health and leak counts, then membership
// requests with their review against the nine criteria.
import { useState, type ReactElement } from 'react';
import type { MemberView, MembershipRequest } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatUtc } from '../../lib/time.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useUi } from '../../app/store.ts';
import { ReceiveStatus, ShortFingerprint } from '../keyring/KeyBadges.tsx';
import { HealthPanel } from './HealthPanel.tsx';
import { MemberDialog, RemoveMemberDialog } from './MemberDialog.tsx';
import { RequestDialog } from './RequestDialog.tsx';
import { RequestReview, requestProgress } from './RequestReview.tsx';
import '../keyring/keyring.css';
import '../people/people.css';
import './distributors.css';

type OpenDialog = { kind: 'add' } | { kind: 'edit'; member: MemberView } | { kind: 'remove'; member: MemberView } | { kind: 'request' } | null;

export function DistributorsPage(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const [includeRemoved, setIncludeRemoved] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const health = useQuery('distributors.health', {}, revision);
  const members = useQuery('distributors.list', { includeRemoved }, revision);
  const everyMember = useQuery('distributors.list', { includeRemoved: true }, revision);
  const requests = useQuery('distributors.requests', {}, revision);
  const people = useQuery('people.list', { includeRemoved: true }, revision);
  const error = health.error ?? members.error ?? requests.error ?? people.error;
  const reviewed = requests.value?.find((request) => request.id === reviewing) ?? null;

  return (
    <div className="page page-stack">
      <div className="page__header">
        <div>
          <PageHeading>Distributors</PageHeading>
          <p className="page__subtitle">The private distributors list: who receives patches early under embargo, encrypted to their keys.</p>
        </div>
        <div className="page__actions">
          <button type="button" className="button" onClick={() => setDialog({ kind: 'request' })}>
            Record membership request
          </button>
          <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'add' })}>
            <Icon name="plus" /> Add founding member
          </button>
        </div>
      </div>

      {error ? <Notice tone="error">{error.message}</Notice> : null}
      {health.value ? <HealthPanel health={health.value} /> : null}

      <section className="panel" aria-labelledby="members-heading">
        <div className="panel__header">
          <h2 className="panel__title" id="members-heading">
            Members <span className="faint">{members.value?.filter((m) => m.status === 'member').length ?? ''}</span>
          </h2>
          <label className="checkbox">
            <input type="checkbox" checked={includeRemoved} onChange={(event) => setIncludeRemoved(event.target.checked)} />
            <span>Show removed members</span>
          </label>
        </div>
        {members.value && members.value.length > 0 ? (
          <MembersTable members={members.value} onEdit={(member) => setDialog({ kind: 'edit', member })} onRemove={(member) => setDialog({ kind: 'remove', member })} />
        ) : null}
        {members.value && members.value.length === 0 ? (
          <EmptyState icon="shield" title="No members">
            <p>Add the founding members of the list; every later member is checked against the nine membership criteria.</p>
          </EmptyState>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="requests-heading">
        <div className="panel__header">
          <h2 className="panel__title" id="requests-heading">
            Membership requests
          </h2>
        </div>
        {requests.value && requests.value.length > 0 ? (
          <RequestsTable requests={requests.value} nameOf={(id) => people.value?.find((p) => p.id === id)?.name ?? id} onOpen={setReviewing} />
        ) : (
          <p className="keyring-table__none">No requests recorded.</p>
        )}
      </section>

      {dialog?.kind === 'add' ? <MemberDialog member={null} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <MemberDialog member={dialog.member} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'remove' ? <RemoveMemberDialog member={dialog.member} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'request' ? (
        <RequestDialog
          onClose={() => setDialog(null)}
          onOpened={(request: MembershipRequest) => {
            setDialog(null);
            setReviewing(request.id);
          }}
        />
      ) : null}
      <RequestReview request={reviewed} people={people.value ?? []} members={everyMember.value ?? []} onClose={() => setReviewing(null)} />
    </div>
  );
}

function MembersTable({ members, onEdit, onRemove }: { members: MemberView[]; onEdit(member: MemberView): void; onRemove(member: MemberView): void }): ReactElement {
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Members">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Contacts</th>
            <th scope="col">Keys</th>
            <th scope="col">Encrypted mail</th>
            <th scope="col">Leaks</th>
            <th scope="col">Joined</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const removed = member.status === 'removed';
            return (
              <tr key={member.id} className={removed ? 'is-inactive' : undefined} data-member={member.organisation}>
                <td>
                  <span className="table__strong">{member.organisation}</span>
                  <span className="table__secondary">{member.distribution}</span>
                  {removed ? (
                    <span className="table__secondary tone-danger">
                      Removed {member.removedAt ? formatUtc(member.removedAt).slice(0, 10) : ''}: {member.removalReason}
                    </span>
                  ) : null}
                </td>
                <td>
<div className="people-emails">
                  {member.contactNames.map((name) => (
                    <span key={name}>{name}</span>
                  ))}
                  {member.contactNames.length === 0 ? <span className="not-set">None</span> : null}
                </div>
</td>
                <td>
                  <ul className="person-keys">
                    {member.health.recipients.map((fingerprint) => (
                      <li key={fingerprint} className="person-key--ok">
                        <Icon name="check" />
                        <ShortFingerprint fingerprint={fingerprint} />
                      </li>
                    ))}
                    {member.health.problems
                      .filter((problem) => problem.fingerprint)
                      .map((problem) => (
                        <li key={problem.fingerprint} className="person-key--no" title={problem.reason}>
                          <Icon name="alert" />
                          <ShortFingerprint fingerprint={problem.fingerprint ?? ''} />
                        </li>
                      ))}
                    {member.health.recipients.length === 0 && !member.health.problems.some((p) => p.fingerprint) ? <li className="not-set">No key</li> : null}
                  </ul>
                </td>
                <td className="member-health">
                  <ReceiveStatus ok={member.health.ok} reason={member.health.ok ? null : 'Cannot receive encrypted mail'} />
                  {member.health.problems.length > 0 ? (
                    <ul className="member-health__problems">
                      {member.health.problems.map((problem, index) => (
                        <li key={index}>{problem.reason}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>
                  <span className={member.leakCount > 0 ? 'leak-count leak-count--some' : 'leak-count'} title={member.leaks.map((leak) => `${leak.caseId}: ${leak.note}`).join('\n')}>
                    {member.leakCount}
                  </span>
                </td>
                <td>
                  <span className="nowrap">{formatUtc(member.joinedAt).slice(0, 10)}</span>
                  <span className="table__secondary">{member.via === 'founding' ? 'founding member' : 'by request'}</span>
                </td>
                <td>
                  {!removed ? (
                    <div className="row-actions">
                      <button type="button" className="button button--small" onClick={() => onEdit(member)} aria-label={`Edit ${member.organisation}`}>
                        Edit
                      </button>
                      <button type="button" className="button button--small button--ghost" onClick={() => onRemove(member)} aria-label={`Remove ${member.organisation}`}>
                        Remove…
                      </button>
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RequestsTable({ requests, nameOf, onOpen }: { requests: MembershipRequest[]; nameOf(id: string): string; onOpen(id: string): void }): ReactElement {
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Membership requests">
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Requester</th>
            <th scope="col">Received</th>
            <th scope="col">Criteria</th>
            <th scope="col">Vouched</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => {
            const progress = requestProgress(request);
            return (
              <tr key={request.id}>
                <td>
                  <button type="button" className="table__primary" onClick={() => onOpen(request.id)}>
                    {request.organisation}
                  </button>
                  <span className="table__secondary">{request.distribution}</span>
                </td>
                <td>{nameOf(request.requester)}</td>
                <td>{formatUtc(request.receivedAt).slice(0, 10)}</td>
                <td>
                  <div className="criteria-dots" aria-label={`${progress.met} of 9 met, ${progress.notMet} not met`}>
                    {request.criteria.map((criterion) => (
                      <span
                        key={criterion.criterion}
                        className={`criteria-dots__dot criteria-dots__dot--${criterion.met === null ? 'open' : criterion.met ? 'met' : 'not'}`}
                        title={`${criterion.number}. ${criterion.text}`}
                      />
                    ))}
                    <span className="criteria-dots__text">{progress.met}/9</span>
                  </div>
                </td>
                <td>{request.vouch ? nameOf(request.vouch.personId) : <span className="not-set">No</span>}</td>
                <td>
                  {request.decision ? (
                    <span className={`badge ${request.decision.outcome === 'accepted' ? 'badge--verified' : 'badge--danger'}`}>
                      {request.decision.outcome === 'accepted' ? 'Accepted' : 'Rejected'}
                    </span>
                  ) : (
                    <span className="badge badge--unverified">Open</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
