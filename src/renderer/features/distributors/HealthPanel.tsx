// Keyring health of the distributors list, shown first on the page and before anything is
// sent: either every current member can receive encrypted mail, or who cannot and why.
import type { ReactElement } from 'react';
import type { ListHealth } from '../../../shared/contract/index.ts';
import { Icon } from '../../components/Icon.tsx';

export function HealthPanel({ health }: { health: ListHealth }): ReactElement {
  const total = health.members.length;
  if (total === 0) {
    return (
      <section className="panel list-health list-health--empty" aria-label="Keyring health">
        <div className="list-health__icon">
          <Icon name="info" />
        </div>
        <div>
          <h2 className="list-health__title">The list has no members yet</h2>
          <p className="muted">Add the founding members, with their contacts and keys; later members come through a membership request.</p>
        </div>
      </section>
    );
  }
  if (health.ok) {
    return (
      <section className="panel list-health list-health--ok" aria-label="Keyring health">
        <div className="list-health__icon">
          <Icon name="check" />
        </div>
        <div>
          <h2 className="list-health__title">Every member can receive encrypted mail</h2>
          <p className="muted">
            A message to the list is encrypted to {health.recipients.length} verified {health.recipients.length === 1 ? 'key' : 'keys'} of {total}{' '}
            {total === 1 ? 'member' : 'members'}.
          </p>
        </div>
      </section>
    );
  }
  return (
    <section className="panel list-health list-health--bad" aria-label="Keyring health">
      <div className="list-health__icon">
        <Icon name="alert" />
      </div>
      <div className="list-health__body">
        <h2 className="list-health__title">
          {health.cannotReceive.length} of {total} {total === 1 ? 'member' : 'members'} cannot receive encrypted mail
        </h2>
        <p>Patches sent to the list now would not reach them. Import and verify their keys, or fix their contacts, before sending.</p>
        <ul className="list-health__list" aria-label="Who cannot receive">
          {health.cannotReceive.map((entry) => (
            <li key={entry.memberId}>
              <strong>{entry.organisation}</strong>
              <ul>
                {entry.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
