// The conflict dialog: the candidate values side by side, each with who set it, and one to
// keep. The choice is recorded as an event on the case (team.decide), which every member
// applies once they sync, so all of them end with the same value.
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { TeamInfo } from '../../../shared/contract/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { call } from '../../lib/api.ts';
import { useAction } from '../keyring/use-action.ts';
import type { OpenConflict } from './ConflictsPanel.tsx';
import { TeamError } from './TeamError.tsx';
import { fieldLabel, formatValue, memberName } from './team-format.ts';

interface ConflictDialogProps {
  team: TeamInfo;
  open: OpenConflict | null;
  onClose(): void;
}

export function ConflictDialog({ team, open, onClose }: ConflictDialogProps): ReactElement {
  const action = useAction();
  const [chosen, setChosen] = useState('');
  const { setError } = action;
  useEffect(() => {
    setChosen('');
    setError(null);
  }, [open, setError]);
  async function decide(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!open) return;
    if (chosen === '') {
      action.setError({ code: 'InvalidInput', message: 'Choose the value to keep.' });
      return;
    }
    const value = await action.run(() => call('team.decide', { id: open.caseId, field: open.conflict.field, eventId: chosen }));
    if (value) onClose();
  }
  const title = open ? `${fieldLabel(open.conflict.field)} of ${open.caseId}` : 'Conflict';
  return (
    <Dialog
      open={open !== null}
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={title}
      description="Two members set this without seeing each other’s change. Keep one value: the decision is recorded on the case and reaches everyone at the next sync."
    >
      {open ? (
        <form className="form" onSubmit={(event) => void decide(event)} noValidate>
          <fieldset className="choices team-candidates">
            <legend className="visually-hidden">Value to keep</legend>
            {open.conflict.candidates.map((candidate, index) => (
              <label key={candidate.eventId} className="choice team-candidate">
                <input
                  type="radio"
                  name="team-conflict-candidate"
                  value={candidate.eventId}
                  checked={chosen === candidate.eventId}
                  onChange={() => setChosen(candidate.eventId)}
                  data-autofocus={index === 0 ? true : undefined}
                />
                <span>
                  <span className="choice__title">Set by {memberName(team, candidate.author)}</span>
                  <span className="team-candidate__value">{formatValue(candidate.value)}</span>
                  <span className="choice__text mono" title={candidate.eventId}>
                    event {candidate.eventId.slice(0, 12)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {action.error ? <TeamError error={action.error} /> : null}
          <div className="form__actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={action.busy}>
              {action.busy ? 'Recording…' : 'Keep this value'}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
