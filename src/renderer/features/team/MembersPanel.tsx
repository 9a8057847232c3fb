// The members: who they are, the health of their key as this keyring sees it (verified,
// expired, revoked, expiring), and how far this vault has seen each one's published state.
// Adding a member takes a verified key from the keyring (a signed membership change that
// everyone sees on their next sync).
import { useState, type FormEvent, type ReactElement } from 'react';
import type { KeyInfo, TeamInfo } from '../../../shared/contract/index.ts';
import { useUi } from '../../app/store.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { KeyWarningIcons, OwnKeyBadge, ShortFingerprint, VerifiedBadge } from '../keyring/KeyBadges.tsx';
import { dateOnly, splitUserId } from '../keyring/key-format.ts';
import { useAction } from '../keyring/use-action.ts';
import { TeamError } from './TeamError.tsx';
import { VerifiedKeySelect } from './VerifiedKeySelect.tsx';
import { RemoveMemberDialog } from './RemoveMemberDialog.tsx';
import { sameFingerprint } from './team-format.ts';

export function MembersPanel({ team }: { team: TeamInfo }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const keys = useQuery('keyring.list', {}, revision);
  const keyOf = (fingerprint: string): KeyInfo | undefined => keys.value?.find((key) => sameFingerprint(key.fingerprint, fingerprint));
  const [removing, setRemoving] = useState<TeamInfo['members'][number] | null>(null);
  return (
    <section className="panel" aria-labelledby="team-members-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="team-members-heading">
          Members <span className="faint">({team.members.length})</span>
        </h2>
        <span className="muted">Membership version {team.membershipVersion}</span>
      </div>
      <div className="table-scroll">
        <table className="table" aria-label="Team members">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Key</th>
              <th scope="col">Key health</th>
              <th scope="col">Sync</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((member) => (
              <tr key={member.memberId}>
                <td>
                  <div className="team-member__name">{member.name}</div>
                  <div className="faint">{member.email}</div>
                </td>
                <td>
                  <ShortFingerprint fingerprint={member.fingerprint} />
                </td>
                <td>
                  <KeyHealth info={keyOf(member.fingerprint)} me={member.me} />
                </td>
                <td>{member.me ? <span>Your state #{member.lastSeenCounter}</span> : <MemberSync counter={member.lastSeenCounter} ours={team.counter} />}</td>
                <td>
                  {member.me ? null : (
                    <button type="button" className="button button--ghost" onClick={() => setRemoving(member)}>
                      Remove…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AddMemberForm team={team} keys={keys.value ?? []} />
      <RemoveMemberDialog team={team} member={removing} onClose={() => setRemoving(null)} />
    </section>
  );
}

function KeyHealth({ info, me }: { info: KeyInfo | undefined; me: boolean }): ReactElement {
  if (!info) return <span className="key-warning key-warning--blocking">Not in your keyring</span>;
  return (
    <div className="team-key-health">
      {me ? <OwnKeyBadge /> : <VerifiedBadge verified={info.verified} />}
      <KeyWarningIcons warnings={info.warnings} />
      <span className="faint">{info.revoked ? 'revoked' : info.expired ? `expired ${dateOnly(info.expires)}` : `expires ${dateOnly(info.expires)}`}</span>
    </div>
  );
}

/** What this vault has verified of a member: nothing yet (behind), or their state number. */
function MemberSync({ counter, ours }: { counter: number; ours: number }): ReactElement {
  if (counter === 0) return <span className="team-behind">Not seen yet: has not synced since joining</span>;
  return (
    <span>
      State #{counter} seen here{ours === 0 ? '; has not seen yours (you have not synced)' : ''}
    </span>
  );
}

function AddMemberForm({ team, keys }: { team: TeamInfo; keys: KeyInfo[] }): ReactElement {
  const action = useAction();
  const [fingerprint, setFingerprint] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const candidates = keys.filter((key) => key.verified && !key.own && !team.members.some((member) => sameFingerprint(member.fingerprint, key.fingerprint)));
  function choose(value: string): void {
    setFingerprint(value);
    const key = keys.find((candidate) => candidate.fingerprint === value);
    const user = splitUserId(key?.primaryUserId ?? null);
    setName(key ? user.name : '');
    setEmail(key ? (user.email ?? key.emails[0] ?? '') : '');
  }
  async function add(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (fingerprint === '') {
      action.setError({ code: 'InvalidInput', message: 'Choose the verified key of the member to add.' });
      return;
    }
    const value = await action.run(() => call('team.addMember', { fingerprint, name: name.trim(), email: email.trim() }));
    if (value) choose('');
  }
  return (
    <form className="panel__body form team-add-member" onSubmit={(event) => void add(event)} noValidate aria-labelledby="team-add-heading">
      <h3 id="team-add-heading">Add a member</h3>
      <div className="team-add-member__fields">
        <div className="field">
          <label className="field__label" htmlFor="team-add-key">
            Verified key
          </label>
          <VerifiedKeySelect
            id="team-add-key"
            keys={candidates}
            value={fingerprint}
            onChange={choose}
            disabled={action.busy}
            placeholder={candidates.length === 0 ? 'No verified key left to add' : 'Choose a key…'}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="team-add-name">
            Name
          </label>
          <input id="team-add-name" className="input" value={name} onChange={(event) => setName(event.target.value)} disabled={action.busy} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="team-add-email">
            Email
          </label>
          <input id="team-add-email" className="input" type="email" value={email} onChange={(event) => setEmail(event.target.value)} disabled={action.busy} />
        </div>
      </div>
      <p className="field__hint">Only keys you verified (fingerprint compared with their owner) can join. The change is signed by your key; the others see it at their next sync.</p>
      {action.error ? <TeamError error={action.error} /> : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={action.busy}>
          {action.busy ? 'Adding…' : 'Add member'}
        </button>
      </div>
    </form>
  );
}
