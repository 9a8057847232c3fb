// No team yet: create one (this vault's own key becomes its first member) or join one that a
// member already added this key to, through the team's remote or a bundle they handed over.
// Joining names the member who added you by a verified key: their signature is what we trust.
import { useState, type FormEvent, type ReactElement } from 'react';
import { useUi } from '../../app/store.ts';
import { PathField } from '../../components/PathField.tsx';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useAction } from '../keyring/use-action.ts';
import { TeamError } from './TeamError.tsx';
import { VerifiedKeySelect } from './VerifiedKeySelect.tsx';

export function TeamSetup(): ReactElement {
  return (
    <div className="vault-care__grid">
      <CreateTeamPanel />
      <JoinTeamPanel />
    </div>
  );
}

function CreateTeamPanel(): ReactElement {
  const action = useAction();
  const [remote, setRemote] = useState('');
  async function create(event: FormEvent): Promise<void> {
    event.preventDefault();
    await action.run(() => call('team.init', remote.trim() === '' ? {} : { remote: remote.trim() }));
  }
  return (
    <section className="panel" aria-labelledby="team-create-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="team-create-heading">
          Create a team
        </h2>
      </div>
      <form className="panel__body form" onSubmit={(event) => void create(event)}>
        <p className="muted">Your own key becomes the first member. Then add the others by their verified keys and share cases with them.</p>
        <div className="field">
          <label className="field__label" htmlFor="team-create-remote">
            Team remote
          </label>
          <PathField
            id="team-create-remote"
            value={remote}
            onChange={setRemote}
            pick={{ title: 'Choose the team’s bare git repository', kind: 'folder' }}
            placeholder="/srv/pst.git or ssh://host/pst.git"
            describedBy="team-create-remote-help"
            disabled={action.busy}
          />
          <p className="field__hint" id="team-create-remote-help">
            A bare git repository the team already has (made with <code>git init --bare</code>). Leave it empty to sync with bundle files only.
          </p>
        </div>
        {action.error ? <TeamError error={action.error} /> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Creating…' : 'Create team'}
          </button>
        </div>
      </form>
    </section>
  );
}

function JoinTeamPanel(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const keys = useQuery('keyring.list', {}, revision);
  const action = useAction();
  const [via, setVia] = useState('');
  const [source, setSource] = useState<'remote' | 'bundle'>('remote');
  const [path, setPath] = useState('');
  const candidates = (keys.value ?? []).filter((key) => key.verified && !key.own);
  async function join(event: FormEvent): Promise<void> {
    event.preventDefault();
    const where = path.trim();
    if (via === '' || where === '') {
      action.setError({ code: 'InvalidInput', message: via === '' ? 'Choose the member who added you.' : 'Give the team remote or the bundle file.' });
      return;
    }
    await action.run(() => call('team.join', source === 'remote' ? { via, remote: where } : { via, importFile: where }));
  }
  return (
    <section className="panel" aria-labelledby="team-join-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="team-join-heading">
          Join a team
        </h2>
      </div>
      <form className="panel__body form" onSubmit={(event) => void join(event)} noValidate>
        <p className="muted">A member has added your key and synced. Their key must be verified in your keyring.</p>
        <div className="field">
          <label className="field__label" htmlFor="team-join-via">
            Added by
          </label>
          <VerifiedKeySelect
            id="team-join-via"
            keys={candidates}
            value={via}
            onChange={setVia}
            disabled={action.busy}
            placeholder={candidates.length === 0 ? 'No verified key in the keyring yet' : 'Choose a verified key…'}
          />
        </div>
        <fieldset className="choices team-choices">
          <legend className="field__label">Join through</legend>
          <label className="choice">
            <input type="radio" name="team-join-source" checked={source === 'remote'} onChange={() => setSource('remote')} />
            <span className="choice__title">The team remote</span>
          </label>
          <label className="choice">
            <input type="radio" name="team-join-source" checked={source === 'bundle'} onChange={() => setSource('bundle')} />
            <span className="choice__title">A bundle file</span>
          </label>
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor="team-join-path">
            {source === 'remote' ? 'Team remote' : 'Bundle file'}
          </label>
          <PathField
            id="team-join-path"
            value={path}
            onChange={setPath}
            pick={source === 'remote' ? { title: 'Choose the team’s bare git repository', kind: 'folder' } : { title: 'Choose the bundle', kind: 'file' }}
            placeholder={source === 'remote' ? '/srv/pst.git' : 'pst.bundle'}
            disabled={action.busy}
          />
        </div>
        {action.error ? <TeamError error={action.error} /> : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={action.busy}>
            {action.busy ? 'Joining… (verifying the team’s states)' : 'Join team'}
          </button>
        </div>
      </form>
    </section>
  );
}
