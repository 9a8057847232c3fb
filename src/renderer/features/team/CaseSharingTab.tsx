// Share settings of one case: who it is shared with, and sharing it with members (need to
// know). Its data key is wrapped to each chosen member's key at the next sync; a member left
// out gets no key for what comes after. You are always among the readers.
import { useEffect, useState, type ReactElement } from 'react';
import type { CaseRecord } from '../../../shared/contract/index.ts';
import { useUi } from '../../app/store.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useAction } from '../keyring/use-action.ts';
import { TeamError } from './TeamError.tsx';
import './team.css';

export function CaseSharingTab({ caseRecord }: { caseRecord: CaseRecord }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const pageOpened = useUi((ui) => ui.pageOpened);
  const team = useQuery('team.show', {}, revision);
  const action = useAction();
  const shared = team.value?.cases.find((teamCase) => teamCase.caseId === caseRecord.id) ?? null;
  const [everyone, setEveryone] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const sharedKey = shared ? shared.sharedWith.join(' ') : '';
  const members = team.value?.members ?? [];
  const allIds = members.map((member) => member.memberId).sort().join(' ');
  useEffect(() => {
    const ids = sharedKey === '' ? [] : sharedKey.split(' ');
    setChosen(ids);
    setEveryone(ids.length === 0 || ids.slice().sort().join(' ') === allIds);
  }, [sharedKey, allIds]);

  if (team.status === 'error') {
    if (team.error.code !== 'NoTeam') return <TeamError error={team.error} />;
    return (
      <EmptyState icon="lock" title="This vault is not in a team">
        <p className="muted">Create or join a team on the Team page; then this case can be shared with its members.</p>
        <button type="button" className="button" onClick={() => pageOpened('team')}>
          Open the Team page
        </button>
      </EmptyState>
    );
  }
  if (!team.value) return <p className="muted">Loading…</p>;
  const teamInfo = team.value;

  async function share(): Promise<void> {
    setSaved(false);
    const others = members.filter((member) => !member.me && chosen.includes(member.memberId)).map((member) => member.fingerprint);
    const value = await action.run(() => call('team.share', everyone ? { id: caseRecord.id } : { id: caseRecord.id, with: others }));
    if (value) setSaved(true);
  }
  function toggle(memberId: string, on: boolean): void {
    setChosen((current) => (on ? [...current, memberId] : current.filter((id) => id !== memberId)));
  }

  return (
    <section className="panel" aria-labelledby="case-sharing-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="case-sharing-heading">
          Sharing
        </h2>
        <span className="muted">{shared ? `Shared with ${shared.sharedWith.length} of ${members.length} members` : 'Not shared: only this vault has it'}</span>
      </div>
      <div className="panel__body form">
        <fieldset className="choices">
          <legend className="field__label">Who can read {caseRecord.id}</legend>
          <label className="choice">
            <input type="radio" name="case-sharing-scope" checked={everyone} onChange={() => setEveryone(true)} />
            <span>
              <span className="choice__title">The whole team</span>
              <span className="choice__text">Every member now, and members added later.</span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="case-sharing-scope" checked={!everyone} onChange={() => setEveryone(false)} />
            <span>
              <span className="choice__title">Chosen members (need to know)</span>
              <span className="choice__text">Members left out cannot read it, nor what is added after.</span>
            </span>
          </label>
        </fieldset>
        {!everyone ? (
          <fieldset className="team-share-members">
            <legend className="field__label">Members</legend>
            {members.map((member) => (
              <label key={member.memberId} className="checkbox">
                <input
                  type="checkbox"
                  checked={member.me || chosen.includes(member.memberId)}
                  disabled={member.me || action.busy}
                  onChange={(event) => toggle(member.memberId, event.target.checked)}
                />
                <span>
                  {member.name} <span className="faint">{member.me ? '(you, always)' : member.email}</span>
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {shared && !everyone && shared.sharedWith.some((id) => id !== teamInfo.me && !chosen.includes(id)) ? (
          <Notice tone="warning">Members you leave out keep what they could already read; the case gets a new key for what comes next.</Notice>
        ) : null}
        {action.error ? <TeamError error={action.error} /> : null}
        {saved ? <Notice tone="info">Sharing saved. It reaches the members at the next sync (Team page, Sync now).</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={() => void share()} disabled={action.busy}>
            {action.busy ? 'Sharing…' : shared ? 'Save sharing' : 'Share with the team'}
          </button>
        </div>
      </div>
    </section>
  );
}
