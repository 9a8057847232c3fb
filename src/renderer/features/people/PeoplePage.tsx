// The people the Fix Lead works with, filtered by role: PST members, Release Managers, the Fix
// Team, reporters and distributor contacts, with their emails and keys, and per key whether
// mail to them can be encrypted now (and why not).
import { useState, type ReactElement } from 'react';
import type { PersonRole, PersonView } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/use-query.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useUi } from '../../app/store.ts';
import { ReceiveStatus, ShortFingerprint } from '../keyring/KeyBadges.tsx';
import { useDebounced } from '../keyring/use-debounced.ts';
import { PersonDialog } from './PersonDialog.tsx';
import { ROLES, roleLabel } from './roles.ts';
import '../keyring/keyring.css';
import './people.css';

type Editing = { kind: 'new' } | { kind: 'edit'; person: PersonView } | null;

export function PeoplePage(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const [role, setRole] = useState<PersonRole | 'all'>('all');
  const [query, setQuery] = useState('');
  const [includeRemoved, setIncludeRemoved] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const settled = useDebounced(query.trim(), 150);
  const people = useQuery(
    'people.list',
    { ...(role === 'all' ? {} : { role }), ...(settled === '' ? {} : { query: settled }), includeRemoved },
    revision,
  );
  const everyone = useQuery('people.list', { includeRemoved: false }, revision);
  const cannotReceive = everyone.value?.filter((person) => !person.canReceiveEncrypted).length ?? 0;

  return (
    <div className="page page-stack">
      <div className="page__header">
        <div>
          <PageHeading>People</PageHeading>
          <p className="page__subtitle">Who you work with on security releases, their addresses and the keys their mail is encrypted to.</p>
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'new' })}>
            <Icon name="plus" /> Add person
          </button>
        </div>
      </div>

      {everyone.value && everyone.value.length > 0 && cannotReceive > 0 ? (
        <Notice tone="warning">
          {cannotReceive === 1 ? '1 person' : `${cannotReceive} people`} cannot receive encrypted mail yet: import and verify their keys.
        </Notice>
      ) : null}

      <section className="panel" aria-labelledby="people-heading">
        <div className="panel__header keyring-table__toolbar">
          <h2 className="panel__title visually-hidden" id="people-heading">
            People
          </h2>
          <div className="segmented" role="group" aria-label="Role">
            <button type="button" className="segmented__option" aria-pressed={role === 'all'} onClick={() => setRole('all')}>
              Everyone
            </button>
            {ROLES.map((entry) => (
              <button key={entry.role} type="button" className="segmented__option" aria-pressed={role === entry.role} onClick={() => setRole(entry.role)}>
                {entry.plural}
              </button>
            ))}
          </div>
          <div className="toolbar">
            <label className="checkbox">
              <input type="checkbox" checked={includeRemoved} onChange={(event) => setIncludeRemoved(event.target.checked)} />
              <span>Show inactive</span>
            </label>
            <input
              className="input search-input"
              type="search"
              aria-label="Search people"
              placeholder="Name, email, organisation"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
          </div>
        </div>
        {people.status === 'error' ? <Notice tone="error">{people.error.message}</Notice> : null}
        {people.value && people.value.length > 0 ? <PeopleTable people={people.value} onEdit={(person) => setEditing({ kind: 'edit', person })} /> : null}
        {people.value && people.value.length === 0 ? (
          everyone.value?.length === 0 ? (
            <EmptyState icon="list" title="No people yet">
              <p>Add the Product Security Team, the Release Managers, the Fix Team and the reporters you work with, with their keys.</p>
            </EmptyState>
          ) : (
            <p className="keyring-table__none">Nobody matches{role === 'all' ? '' : ` in ${roleLabel(role)}`}.</p>
          )
        ) : null}
      </section>

      {editing ? <PersonDialog person={editing.kind === 'edit' ? editing.person : null} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

function PeopleTable({ people, onEdit }: { people: PersonView[]; onEdit(person: PersonView): void }): ReactElement {
  return (
    <div className="table-scroll">
      <table className="table" aria-label="People">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Roles</th>
            <th scope="col">Email</th>
            <th scope="col">Keys</th>
            <th scope="col">Encrypted mail</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id} className={person.removedAt ? 'is-inactive' : undefined}>
              <td className="cell-name">
                <button type="button" className="table__primary" onClick={() => onEdit(person)}>
                  {person.name}
                </button>
                <span className="table__secondary">
                  {person.organisation}
                  {person.removedAt ? ' · inactive' : ''}
                </span>
              </td>
              <td>
                <div className="badges">
                  {person.roles.map((role) => (
                    <span key={role} className="badge badge--role">
                      {roleLabel(role)}
                    </span>
                  ))}
                  {person.roles.length === 0 ? <span className="not-set">None</span> : null}
                </div>
              </td>
              <td>
<div className="people-emails">
                {person.emails.map((email) => (
                  <span key={email}>{email}</span>
                ))}
                {person.emails.length === 0 ? <span className="not-set">None</span> : null}
              </div>
</td>
              <td>
                <ul className="person-keys">
                  {person.keys.map((key) => (
                    <li key={key.fingerprint} className={key.canReceive ? 'person-key--ok' : 'person-key--no'} title={key.problem ?? 'Can receive encrypted mail'}>
                      <Icon name={key.canReceive ? 'check' : 'alert'} label={key.canReceive ? 'usable' : 'not usable'} />
                      <ShortFingerprint fingerprint={key.fingerprint} />
                      {key.problem ? <span className="person-key__problem">{key.problem}</span> : null}
                    </li>
                  ))}
                  {person.keys.length === 0 ? <li className="not-set">No key</li> : null}
                </ul>
              </td>
              <td>
                <ReceiveStatus ok={person.canReceiveEncrypted} reason={person.keys.length === 0 ? 'No key' : 'No usable key'} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
