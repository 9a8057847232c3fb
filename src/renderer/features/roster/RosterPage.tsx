// The roster: the Product Security Team in the order the round-robin rotation would offer the
// next Fix Lead turn (with why anyone is passed over), and the Release Managers of each
// supported minor release, added and removed as minors are created and deprecated.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { FixLeadProposal, MinorRelease, Roster, RosterMember } from '../../../shared/contract/index.ts';
import type { Result } from '../../../shared/errors.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatRelative, formatUtc } from '../../lib/time.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useUi } from '../../app/store.ts';
import { useAction } from '../process/use-action.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import '../process/process.css';
import './roster.css';

interface Confirmation {
  title: string;
  description: string;
  confirm: string;
  noteLabel?: string;
  run(note: string): Promise<Result<unknown>>;
}

export function RosterPage(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const roster = useQuery('roster.show', {}, revision);
  const proposal = useQuery('roster.proposeFixLead', {}, revision);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <PageHeading>Roster</PageHeading>
          <p className="page__subtitle">The Product Security Team, the Fix Lead rotation, and the Release Managers of each supported minor release.</p>
        </div>
      </div>
      {roster.status === 'error' ? <Notice tone="error">{roster.error.message}</Notice> : null}
      {proposal.status === 'error' ? <Notice tone="error">{proposal.error.message}</Notice> : null}
      {roster.value && proposal.value ? (
        <div className="roster">
          <MembersPanel roster={roster.value} proposal={proposal.value} confirm={setConfirmation} />
          <MinorsPanel roster={roster.value} confirm={setConfirmation} />
        </div>
      ) : roster.status === 'loading' ? (
        <p className="muted" aria-busy="true">
          Reading the roster…
        </p>
      ) : null}
      {confirmation ? <ConfirmDialog {...confirmation} onClose={() => setConfirmation(null)} /> : null}
    </div>
  );
}

type Confirm = (confirmation: Confirmation) => void;

function MembersPanel({ roster, proposal, confirm }: { roster: Roster; proposal: FixLeadProposal; confirm: Confirm }): ReactElement {
  const former = roster.members.filter((member) => member.removedAt !== null);
  const available = useAction();
  let turn = 0;

  async function markAvailable(member: RosterMember): Promise<void> {
    await available.run(() => call('roster.updateMember', { memberId: member.id, available: true }));
  }

  return (
    <section className="panel" aria-labelledby="pst-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="pst-heading">
          Product Security Team and Fix Lead rotation
        </h2>
      </div>
      <div className="panel__body roster__body">
        <p className="rotation-next" role="status">
          {proposal.proposed ? (
            <>
              Next Fix Lead: <strong>{proposal.proposed.name}</strong>
              <span className="muted"> — round-robin: the member who has gone longest without leading a case, skipping the unavailable.</span>
            </>
          ) : proposal.order.length === 0 ? (
            'Add the members of the Product Security Team: the rotation proposes the next Fix Lead from them.'
          ) : (
            <span className="text-warning">Everyone is unavailable: the rotation has nobody to propose.</span>
          )}
        </p>
        {available.error ? <Notice tone="error">{available.error}</Notice> : null}
        {proposal.order.length > 0 ? (
          <div className="table-scroll">
            <table className="table" aria-label="Rotation order">
              <thead>
                <tr>
                  <th scope="col">Turn</th>
                  <th scope="col">Member</th>
                  <th scope="col">Availability</th>
                  <th scope="col">Fix Lead turns</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {proposal.order.map((entry) => {
                  const position = entry.skipped === null ? (turn += 1) : null;
                  const { member } = entry;
                  return (
                    <tr key={member.id} className={entry.skipped ? 'roster__skipped' : undefined}>
                      <td>{position !== null ? <span className={position === 1 ? 'turn turn--next' : 'turn'}>{position}</span> : <span className="faint">—</span>}</td>
                      <td>
                        <span className="roster__name">{member.name}</span>
                        <span className="table__secondary">{member.contact || 'No contact'}</span>
                        {member.fingerprint ? <span className="table__secondary mono">{member.fingerprint}</span> : null}
                      </td>
                      <td>
                        {member.available ? (
                          <span className="state-badge state-badge--done">Available</span>
                        ) : (
                          <>
                            <span className="state-badge state-badge--skipped">Unavailable</span>
                            <span className="table__secondary roster__reason">Skipped: {entry.skipped}</span>
                          </>
                        )}
                      </td>
                      <td>
                        {entry.lastLedAt ? (
                          <>
                            <span>
                              {entry.casesLed} {entry.casesLed === 1 ? 'case' : 'cases'} led
                            </span>
                            <span className="table__secondary">
                              Latest {formatUtc(entry.lastLedAt)} ({formatRelative(entry.lastLedAt)})
                            </span>
                          </>
                        ) : (
                          <span className="not-set">Never led a case</span>
                        )}
                      </td>
                      <td className="roster__actions">
                        {member.available ? (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={`Mark ${member.name} unavailable`}
                            onClick={() =>
                              confirm({
                                title: `Mark ${member.name} unavailable`,
                                description: 'The rotation passes over them until they are available again; they keep their place.',
                                confirm: 'Mark unavailable',
                                noteLabel: 'Why (shown in the rotation)',
                                run: (note) => call('roster.updateMember', { memberId: member.id, available: false, note }),
                              })
                            }
                          >
                            Unavailable…
                          </button>
                        ) : (
                          <button type="button" className="button button--small" onClick={() => void markAvailable(member)} aria-label={`Mark ${member.name} available`} disabled={available.busy}>
                            Available again
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button--small button--ghost"
                          aria-label={`Remove ${member.name} from the PST`}
                          onClick={() =>
                            confirm({
                              title: `Remove ${member.name} from the PST`,
                              description: 'They leave the rotation. Past cases keep naming them.',
                              confirm: 'Remove from the PST',
                              run: () => call('roster.removeMember', { memberId: member.id }),
                            })
                          }
                        >
                          Remove…
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        <AddMemberForm />
        {former.length > 0 ? (
          <details className="roster__former">
            <summary>Former members ({former.length})</summary>
            <ul>
              {former.map((member) => (
                <li key={member.id}>
                  {member.name} <span className="faint">left {formatUtc(member.removedAt ?? '')}</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </section>
  );
}

function AddMemberForm(): ReactElement {
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const action = useAction();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (name.trim() === '') {
      action.setError('Give the member’s name.');
      return;
    }
    const added = await action.run(() =>
      call('roster.addMember', { name: name.trim(), contact: contact.trim(), fingerprint: fingerprint.trim() ? fingerprint.trim() : null }),
    );
    if (added) {
      setName('');
      setContact('');
      setFingerprint('');
    }
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} aria-label="Add a PST member" noValidate>
      <div className="field">
        <label className="field__label" htmlFor="member-name">
          Name
        </label>
        <input id="member-name" className="input" value={name} onChange={(event) => setName(event.target.value)} maxLength={200} autoComplete="off" disabled={action.busy} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="member-contact">
          Contact
        </label>
        <input
          id="member-contact"
          className="input"
          value={contact}
          onChange={(event) => setContact(event.target.value)}
          placeholder="email"
          maxLength={500}
          autoComplete="off"
          disabled={action.busy}
        />
      </div>
      <div className="field inline-form__wide">
        <label className="field__label" htmlFor="member-fingerprint">
          Key fingerprint <span className="muted">(optional)</span>
        </label>
        <input
          id="member-fingerprint"
          className="input input--mono"
          value={fingerprint}
          onChange={(event) => setFingerprint(event.target.value)}
          placeholder="40 or 64 hex digits"
          autoComplete="off"
          spellCheck={false}
          disabled={action.busy}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={action.busy}>
        <Icon name="plus" /> {action.busy ? 'Adding…' : 'Add member'}
      </button>
      {action.error ? (
        <div className="inline-form__error">
          <Notice tone="error">{action.error}</Notice>
        </div>
      ) : null}
    </form>
  );
}

function compareMinors(a: MinorRelease, b: MinorRelease): number {
  const [aMajor = 0, aMinor = 0] = a.minor.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.minor.split('.').map(Number);
  return bMajor - aMajor || bMinor - aMinor;
}

function MinorsPanel({ roster, confirm }: { roster: Roster; confirm: Confirm }): ReactElement {
  const supported = roster.minors.filter((minor) => minor.deprecatedAt === null).sort(compareMinors);
  const deprecated = roster.minors.filter((minor) => minor.deprecatedAt !== null).sort(compareMinors);
  return (
    <section className="panel" aria-labelledby="minors-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="minors-heading">
          Release Managers per minor release
        </h2>
        <AddMinorForm />
      </div>
      <div className="panel__body roster__body">
        {supported.length === 0 ? (
          <EmptyState icon="list" title="No supported minor releases">
            <p>Add a minor release when it is created; its Release Managers build and publish the patch releases on the Release Date.</p>
          </EmptyState>
        ) : (
          <ul className="minors" aria-label="Supported minor releases">
            {supported.map((minor) => (
              <MinorCard key={minor.minor} minor={minor} confirm={confirm} />
            ))}
          </ul>
        )}
        {deprecated.length > 0 ? (
          <details className="roster__former">
            <summary>Deprecated minor releases ({deprecated.length})</summary>
            <ul>
              {deprecated.map((minor) => (
                <li key={minor.minor}>
                  <span className="mono">{minor.minor}</span> <span className="faint">deprecated {formatUtc(minor.deprecatedAt ?? '')}</span>
                  {minor.releaseManagers.length > 0 ? <span className="faint"> · was {minor.releaseManagers.map((m) => m.name).join(', ')}</span> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </section>
  );
}

function MinorCard({ minor, confirm }: { minor: MinorRelease; confirm: Confirm }): ReactElement {
  const active = minor.releaseManagers.filter((manager) => manager.removedAt === null);
  return (
    <li className="minor">
      <div className="minor__header">
        <h3 className="minor__title mono">{minor.minor}</h3>
        <button
          type="button"
          className="button button--small button--ghost"
          aria-label={`Deprecate ${minor.minor}`}
          onClick={() =>
            confirm({
              title: `Deprecate ${minor.minor}`,
              description: `Its Release Managers leave the active roster; the history of ${minor.minor} is kept.`,
              confirm: `Deprecate ${minor.minor}`,
              run: () => call('roster.deprecateMinor', { minor: minor.minor }),
            })
          }
        >
          Deprecate…
        </button>
      </div>
      {active.length === 0 ? <p className="text-warning minor__empty">No Release Manager yet.</p> : null}
      <ul className="minor__managers" aria-label={`Release Managers of ${minor.minor}`}>
        {active.map((manager) => (
          <li key={manager.id}>
            <span>
              <span className="roster__name">{manager.name}</span>
              {manager.contact ? <span className="table__secondary">{manager.contact}</span> : null}
            </span>
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={`Remove ${manager.name} from ${minor.minor}`}
              onClick={() =>
                confirm({
                  title: `Remove ${manager.name} from ${minor.minor}`,
                  description: 'They stop being a Release Manager of this minor release.',
                  confirm: 'Remove',
                  run: () => call('roster.removeReleaseManager', { minor: minor.minor, managerId: manager.id }),
                })
              }
            >
              <Icon name="close" />
            </button>
          </li>
        ))}
      </ul>
      <AddManagerForm minor={minor.minor} />
    </li>
  );
}

function AddManagerForm({ minor }: { minor: string }): ReactElement {
  const [name, setName] = useState('');
  const action = useAction();
  const id = `manager-${minor.replace('.', '-')}`;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (name.trim() === '') {
      action.setError('Give the Release Manager’s name.');
      return;
    }
    const added = await action.run(() => call('roster.addReleaseManager', { minor, name: name.trim() }));
    if (added) setName('');
  }

  return (
    <form className="minor__add" onSubmit={(event) => void submit(event)} noValidate>
      <label className="visually-hidden" htmlFor={id}>
        Add a Release Manager to {minor}
      </label>
      <input
        id={id}
        className="input input--small"
        value={name}
        onChange={(event) => setName(event.target.value)}
        placeholder="Release Manager’s name"
        maxLength={200}
        autoComplete="off"
        disabled={action.busy}
      />
      <button type="submit" className="button button--small" disabled={action.busy || name.trim() === ''} aria-label={`Add to ${minor}`}>
        <Icon name="plus" />
      </button>
      {action.error ? <p className="field__error minor__error">{action.error}</p> : null}
    </form>
  );
}

function AddMinorForm(): ReactElement {
  const [minor, setMinor] = useState('');
  const action = useAction();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!/^\d{1,4}\.\d{1,4}$/.test(minor.trim())) {
      action.setError('A minor release looks like 1.34.');
      return;
    }
    const added = await action.run(() => call('roster.addMinor', { minor: minor.trim() }));
    if (added) setMinor('');
  }

  return (
    <form className="minor-form" onSubmit={(event) => void submit(event)} noValidate>
      <label className="visually-hidden" htmlFor="new-minor">
        New minor release
      </label>
      <input
        id="new-minor"
        className="input input--small input--mono minor-form__input"
        value={minor}
        onChange={(event) => setMinor(event.target.value)}
        placeholder="1.34"
        autoComplete="off"
        aria-invalid={action.error ? true : undefined}
        aria-describedby={action.error ? 'new-minor-error' : undefined}
        disabled={action.busy}
      />
      <button type="submit" className="button button--small" disabled={action.busy}>
        <Icon name="plus" /> Add minor release
      </button>
      {action.error ? (
        <p className="field__error minor-form__error" id="new-minor-error" role="alert">
          {action.error}
        </p>
      ) : null}
    </form>
  );
}
