// Who leads a case: the rotation's proposal first, then everyone else on the PST in the order
// the rotation would offer the turn; unavailable members are listed with the reason and cannot
// be chosen. "No Fix Lead yet" leaves the turn untaken.
import { useEffect, type ReactElement } from 'react';
import type { FixLeadProposal } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useUi } from '../../app/store.ts';
import '../process/process.css';

export const NO_LEAD = '';

interface FixLeadPickerProps {
  id: string;
  value: string;
  onChange(memberId: string): void;
  disabled?: boolean;
  /** The dialog starts in this field. */
  autoFocusMark?: boolean;
}

export function useProposal(): FixLeadProposal | null {
  const revision = useUi((ui) => ui.revision);
  return useQuery('roster.proposeFixLead', {}, revision).value;
}

export function FixLeadPicker({ id, value, onChange, disabled, autoFocusMark }: FixLeadPickerProps): ReactElement {
  const proposal = useProposal();
  const proposedId = proposal?.proposed?.id ?? null;

  // Start on the proposal once it arrives; the user may pick someone else.
  useEffect(() => {
    if (proposedId && value === NO_LEAD) onChange(proposedId);
    // Only when the proposal arrives, not on every change of the choice.
  }, [proposedId]);

  const hintId = `${id}-hint`;
  if (proposal && proposal.order.length === 0) {
    return (
      <div className="field">
        <span className="field__label">Fix Lead</span>
        <p className="field__hint">Nobody is on the Product Security Team roster yet: add members on the Roster page and the rotation proposes the next Fix Lead.</p>
      </div>
    );
  }
  const chosen = proposal?.order.find((entry) => entry.member.id === value);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Fix Lead
      </label>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        aria-describedby={hintId}
        data-autofocus={autoFocusMark || undefined}
      >
        <option value={NO_LEAD}>No Fix Lead yet</option>
        {(proposal?.order ?? []).map((entry) => (
          <option key={entry.member.id} value={entry.member.id} disabled={entry.skipped !== null}>
            {entry.member.name}
            {entry.member.id === proposedId ? ' — next in the rotation' : entry.skipped ? ` — skipped: ${entry.skipped}` : ''}
          </option>
        ))}
      </select>
      <p className="field__hint" id={hintId}>
        {!proposal
          ? 'Asking the rotation…'
          : !proposal.proposed
            ? 'Everyone on the roster is unavailable: the rotation has nobody to propose.'
            : value === proposedId
              ? `Round-robin: ${proposal.proposed.name} has gone longest without leading a case.`
              : chosen
                ? `Out of turn: the rotation proposed ${proposal.proposed.name}; they keep their place for the next case.`
                : 'The turn stays untaken until someone takes it.'}
      </p>
    </div>
  );
}
