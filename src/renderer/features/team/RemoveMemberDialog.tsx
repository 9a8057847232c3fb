// Removing a member, confirmed: before the signed membership change, the Fix Lead sees what the
// member can already read (the shared cases they are in), and that removal is not retroactive —
// those cases get new keys the member cannot unwrap, but what they synced they keep.
import { useEffect, type ReactElement } from 'react';
import type { TeamInfo } from '../../../shared/contract/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { call } from '../../lib/api.ts';
import { useAction } from '../keyring/use-action.ts';
import { TeamError } from './TeamError.tsx';

type Member = TeamInfo['members'][number];

interface RemoveMemberDialogProps {
  team: TeamInfo;
  member: Member | null;
  onClose(): void;
}

export function RemoveMemberDialog({ team, member, onClose }: RemoveMemberDialogProps): ReactElement {
  const action = useAction();
  const { setError } = action;
  useEffect(() => setError(null), [member, setError]);
  const readable = member ? team.cases.filter((c) => c.sharedWith.includes(member.memberId)) : [];
  async function remove(): Promise<void> {
    if (!member) return;
    const value = await action.run(() => call('team.removeMember', { fingerprint: member.fingerprint }));
    if (value) onClose();
  }
  return (
    <Dialog
      open={member !== null}
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={member ? `Remove ${member.name} from the team` : 'Remove a member'}
      description="Removal is not retroactive: the member keeps what they could already read. The cases below get new keys their key cannot unwrap, so nothing written after the removal reaches them."
    >
      {member ? (
        <div className="form">
          <h3 className="team-remove__heading">{readable.length === 0 ? `${member.name} can read no shared case.` : `What ${member.name} could already read (${readable.length})`}</h3>
          {readable.length > 0 ? (
            <ul className="team-list" aria-label={`Cases ${member.name} could read`}>
              {readable.map((c) => (
                <li key={c.tag}>{c.caseId ?? 'a case not in this vault'}, {c.events} events</li>
              ))}
            </ul>
          ) : null}
          {action.error ? <TeamError error={action.error} /> : null}
          <div className="form__actions">
            <button type="button" className="button button--ghost" onClick={onClose} data-autofocus>
              Cancel
            </button>
            <button type="button" className="button button--danger" disabled={action.busy} onClick={() => void remove()}>
              {action.busy ? 'Removing…' : `Remove ${member.name}`}
            </button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
