// Pick a member's contacts from the people list; distributor contacts first. Each shows
// whether mail to them can be encrypted now.
import type { ReactElement } from 'react';
import { useQuery } from '../../lib/use-query.ts';
import { useUi } from '../../app/store.ts';
import { ReceiveStatus } from '../keyring/KeyBadges.tsx';

export function ContactPicker({ selected, onChange, disabled }: { selected: string[]; onChange(ids: string[]): void; disabled?: boolean }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const people = useQuery('people.list', {}, revision);
  const sorted = [...(people.value ?? [])].sort(
    (a, b) => Number(b.roles.includes('distributor-contact')) - Number(a.roles.includes('distributor-contact')) || a.name.localeCompare(b.name),
  );
  return (
    <ul className="key-picker__list" aria-label="People">
      {sorted.map((person) => {
        const checked = selected.includes(person.id);
        return (
          <li key={person.id}>
            <label className="key-picker__item" data-checked={checked || undefined}>
              <input
                type="checkbox"
                checked={checked}
                onChange={(event) => onChange(event.target.checked ? [...selected, person.id] : selected.filter((id) => id !== person.id))}
                disabled={disabled}
              />
              <span className="key-picker__who">
                <span className="key-picker__name">{person.name}</span>
                <span className="key-picker__meta">{[person.organisation, ...person.emails].filter(Boolean).join(' · ')}</span>
              </span>
              <ReceiveStatus ok={person.canReceiveEncrypted} reason={person.keys.length === 0 ? 'No key' : 'No usable key'} />
            </label>
          </li>
        );
      })}
      {sorted.length === 0 ? <li className="key-picker__empty">No people yet: add the member's contacts on the People page first.</li> : null}
    </ul>
  );
}
