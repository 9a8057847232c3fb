// A case without a Fix Lead takes one from the rotation: the proposal is preselected, and the
// turn is recorded on the roster and on the case's timeline.
import { useState, type FormEvent, type ReactElement } from 'react';
import { call } from '../../lib/api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useAction } from '../process/use-action.ts';
import { FixLeadPicker, NO_LEAD } from './FixLeadPicker.tsx';

export function TakeLeadDialog({ caseId, onClose }: { caseId: string; onClose(): void }): ReactElement {
  const [memberId, setMemberId] = useState(NO_LEAD);
  const action = useAction();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (memberId === NO_LEAD) {
      action.setError('Choose who takes the Fix Lead turn.');
      return;
    }
    const result = await action.run(() => call('roster.takeFixLead', { caseId, memberId }));
    if (result) onClose();
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Take the Fix Lead turn"
      description="The Fix Lead role rotates round-robin across the Product Security Team."
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <FixLeadPicker id="take-lead" value={memberId} onChange={setMemberId} disabled={action.busy} autoFocusMark />
        {action.error ? <Notice tone="error">{action.error}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={action.busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Recording…' : 'Take the turn'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
