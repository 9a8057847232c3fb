// The draft's recipients with their key health as the core sees it now (every view asks
// again): for each, its addresses, its keys and whether encrypted mail reaches it; for the
// distributors list, every current member. Who cannot receive is shown before anything is
// sent, and an encrypted export is refused until they are removed or their keys fixed.
import { useState, type ReactElement } from 'react';
import type { DraftRecipient, DraftView, RecipientHealth } from '../../../shared/contract/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ReceiveStatus, ShortFingerprint } from '../keyring/KeyBadges.tsx';
import { AddRecipientDialog } from './AddRecipientDialog.tsx';
import { plural, recipientKey, withoutRecipient, withRecipient } from './mail-model.ts';

export interface RecipientChange {
  to: DraftRecipient[];
  cc: DraftRecipient[];
}

interface RecipientsPanelProps {
  view: DraftView;
  busy: boolean;
  onSave(change: RecipientChange): Promise<string | null>;
}

/** The recipients an encrypted export cannot reach, with why. */
export function unreachable(view: Pick<DraftView, 'recipients'>): RecipientHealth[] {
  return view.recipients.filter((recipient) => !recipient.canReceive);
}

export function RecipientsPanel({ view, busy, onSave }: RecipientsPanelProps): ReactElement {
  const [adding, setAdding] = useState(false);
  const lists = { to: view.to, cc: view.cc };
  const encrypted = view.mode === 'encrypted';
  const blocked = encrypted ? unreachable(view) : [];
  const hasDistributors = [...view.to, ...view.cc].some((recipient) => recipient.kind === 'list' && recipient.list === 'distributors');

  function remove(recipient: DraftRecipient): void {
    void onSave(withoutRecipient(lists, recipient));
  }

  function splitList(health: RecipientHealth): void {
    // The list's address reaches every member at once; addressed one by one, a member that cannot receive can be left out.
    const members: DraftRecipient[] = (health.members ?? []).map((member) => ({ kind: 'distributor', memberId: member.memberId }));
    let next = withoutRecipient(lists, health.recipient);
    for (const member of members) next = withRecipient(next, health.field, member);
    void onSave(next);
  }

  return (
    <section className="panel composer-recipients" aria-labelledby="composer-recipients-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="composer-recipients-heading">
          Recipients
        </h2>
        <div className="page__actions">
          {!hasDistributors ? (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => void onSave(withRecipient(lists, 'to', { kind: 'list', list: 'distributors' }))}
              title="Every current member of the private distributors list, encrypted to each one’s keys"
            >
              <Icon name="plus" /> Distributors list
            </button>
          ) : null}
          <button type="button" className="button button--small" disabled={busy} onClick={() => setAdding(true)}>
            <Icon name="plus" /> Add recipients…
          </button>
        </div>
      </div>
      {view.recipients.length === 0 ? (
        <p className="panel__body muted">Nobody yet. Add the people, members or lists this email goes to.</p>
      ) : (
        <table className="table table--compact composer-recipients__table" aria-label="Recipients and key health">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Recipient</th>
              <th scope="col">{encrypted ? 'Key health' : 'Keys (not used: sent in clear)'}</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.recipients.map((health) => (
              <tr key={`${health.field} ${recipientKey(health.recipient)}`} data-can-receive={health.canReceive}>
                <td className="composer-recipients__field">{health.field === 'to' ? 'To' : 'Cc'}</td>
                <td>
                  <span className="composer-recipients__label">{health.label}</span>
                  {health.addresses.length > 0 && !health.label.includes(health.addresses[0]!) ? (
                    <span className="table__secondary mono">{health.addresses.join(', ')}</span>
                  ) : null}
                </td>
                <td>
                  <Health health={health} encrypted={encrypted} onSplit={() => splitList(health)} busy={busy} />
                </td>
                <td className="composer-recipients__actions">
                  <button type="button" className="button button--ghost button--small" onClick={() => remove(health.recipient)} disabled={busy} aria-label={`Remove ${health.label}`}>
                    <Icon name="close" />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {blocked.length > 0 || view.unresolved.length > 0 ? (
        <div className="panel__body composer-recipients__notes">
          {blocked.length > 0 ? (
            <Notice tone="error">
              <strong>{plural(blocked.length, 'recipient cannot', 'recipients cannot')} receive encrypted mail</strong>: {blocked.map((r) => r.label).join(', ')}. The
              encrypted export is refused until {blocked.length === 1 ? 'it is' : 'they are'} removed here or {blocked.length === 1 ? 'its keys are' : 'their keys are'}{' '}
              fixed on the Keyring, People or Distributors page.
            </Notice>
          ) : null}
          {view.unresolved.length > 0 ? (
            <Notice tone="warning">
              The template also names {view.unresolved.join(', ')}: {view.unresolved.length === 1 ? 'a name' : 'names'} on the case without an address. Add{' '}
              {view.unresolved.length === 1 ? 'them' : 'them'} on the People page, then here.
            </Notice>
          ) : null}
        </div>
      ) : null}
      {adding ? <AddRecipientDialog view={view} onClose={() => setAdding(false)} onAdd={onSave} /> : null}
    </section>
  );
}

function Health({ health, encrypted, onSplit, busy }: { health: RecipientHealth; encrypted: boolean; onSplit(): void; busy: boolean }): ReactElement {
  if (health.members) {
    const bad = health.members.filter((member) => !member.ok);
    return (
      <div className="composer-health">
        {health.members.length === 0 ? (
          <ReceiveStatus ok={false} reason="The list has no members" />
        ) : bad.length === 0 ? (
          <ReceiveStatus ok reason={null} />
        ) : (
          <ReceiveStatus ok={false} reason={`${plural(bad.length, 'member')} of ${health.members.length} cannot receive`} />
        )}
        <ul className="composer-health__members" aria-label={`Members of ${health.label}`}>
          {health.members.map((member) => (
            <li key={member.memberId} className={member.ok ? 'is-ok' : 'is-bad'} title={member.ok ? `${member.recipients.length} usable key(s)` : member.problems.join('; ')}>
              <Icon name={member.ok ? 'check' : 'alert'} /> {member.organisation}
              {member.ok ? null : <span className="composer-health__why">{member.problems.join('; ')}</span>}
            </li>
          ))}
        </ul>
        {encrypted && bad.length > 0 ? (
          <button type="button" className="mail-link" onClick={onSplit} disabled={busy}>
            Address the members one by one (then remove who cannot receive)
          </button>
        ) : null}
      </div>
    );
  }
  if (!encrypted) {
    return <span className="faint">{health.keys.length > 0 ? plural(health.keys.length, 'key') : 'No key'}</span>;
  }
  return (
    <div className="composer-health">
      {health.keys.map((key) => (
        <div key={key.fingerprint} className="composer-health__key">
          <ShortFingerprint fingerprint={key.fingerprint} /> <ReceiveStatus ok={key.ok} reason={key.reason} />
        </div>
      ))}
      {health.keys.length === 0 || !health.canReceive ? (
        <ul className="composer-health__problems">
          {health.problems
            .filter((problem) => !problem.startsWith('key '))
            .map((problem) => (
              <li key={problem}>
                <Icon name="alert" /> {problem}
              </li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}
