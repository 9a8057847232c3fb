// Choose keys from the keyring: a searchable list with each key's trust and warnings, keys
// whose email matches the person first. Fingerprints of keys not imported yet can be typed in
// whole (never a short key ID); they show as "not in the keyring" until imported.
import { useState, type ReactElement } from 'react';
import type { KeyInfo } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useUi } from '../../app/store.ts';
import { Icon } from '../../components/Icon.tsx';
import { shortFingerprint, splitUserId } from './key-format.ts';
import { KeyWarningIcons, OwnKeyBadge, VerifiedBadge } from './KeyBadges.tsx';

const FINGERPRINT = /^([0-9A-F]{40}|[0-9A-F]{64})$/;

interface KeyPickerProps {
  id: string;
  selected: string[];
  onChange(fingerprints: string[]): void;
  /** Emails of the person or member: their keys are listed first. */
  preferEmails?: string[];
  disabled?: boolean;
}

function rank(key: KeyInfo, emails: string[]): number {
  return key.emails.some((email) => emails.includes(email.toLowerCase())) ? 0 : 1;
}

export function KeyPicker({ id, selected, onChange, preferEmails = [], disabled }: KeyPickerProps): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const keys = useQuery('keyring.list', {}, revision);
  const [filter, setFilter] = useState('');
  const [typed, setTyped] = useState('');
  const emails = preferEmails.map((email) => email.trim().toLowerCase()).filter((email) => email !== '');
  const needle = filter.trim().toLowerCase();
  const compact = needle.replace(/\s+/g, '');
  const all = keys.value ?? [];
  const shown = all
    .filter((key) => needle === '' || key.userIds.some((uid) => uid.toLowerCase().includes(needle)) || key.fingerprint.toLowerCase().includes(compact))
    .sort((a, b) => Number(selected.includes(b.fingerprint)) - Number(selected.includes(a.fingerprint)) || rank(a, emails) - rank(b, emails));
  const missing = selected.filter((fingerprint) => !all.some((key) => key.fingerprint === fingerprint));
  const typedClean = typed.replace(/\s+/g, '').toUpperCase();
  const typedValid = FINGERPRINT.test(typedClean);

  function toggle(fingerprint: string, on: boolean): void {
    onChange(on ? [...selected.filter((f) => f !== fingerprint), fingerprint] : selected.filter((f) => f !== fingerprint));
  }

  return (
    <div className="key-picker" id={id}>
      {all.length > 6 ? (
        <input
          className="input key-picker__filter"
          type="search"
          aria-label="Filter keys"
          placeholder="Filter by name, email or fingerprint"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          disabled={disabled}
        />
      ) : null}
      <ul className="key-picker__list" aria-label="Keys in the keyring">
        {shown.map((key) => {
          const who = splitUserId(key.primaryUserId);
          const checked = selected.includes(key.fingerprint);
          return (
            <li key={key.fingerprint}>
              <label className="key-picker__item" data-checked={checked || undefined}>
                <input type="checkbox" checked={checked} onChange={(event) => toggle(key.fingerprint, event.target.checked)} disabled={disabled} />
                <span className="key-picker__who">
                  <span className="key-picker__name">{who.name}</span>
                  <span className="key-picker__meta">
                    {who.email ?? ''} · <span className="mono">{shortFingerprint(key.fingerprint)}</span> · {key.algorithm.label}
                  </span>
                </span>
                <span className="badges">
                  {key.own ? <OwnKeyBadge /> : <VerifiedBadge verified={key.verified} />}
                  <KeyWarningIcons warnings={key.warnings} />
                </span>
              </label>
            </li>
          );
        })}
        {missing.map((fingerprint) => (
          <li key={fingerprint}>
            <label className="key-picker__item" data-checked>
              <input type="checkbox" checked onChange={() => toggle(fingerprint, false)} disabled={disabled} />
              <span className="key-picker__who">
                <span className="key-picker__name mono">{shortFingerprint(fingerprint)}</span>
                <span className="key-picker__meta mono" title={fingerprint}>
                  {fingerprint}
                </span>
              </span>
              <span className="badge badge--danger">Not in the keyring</span>
            </label>
          </li>
        ))}
        {shown.length === 0 && missing.length === 0 ? <li className="key-picker__empty">{all.length === 0 ? 'The keyring is empty.' : 'No key matches.'}</li> : null}
      </ul>
      <div className="key-picker__add">
        <input
          className="input input--mono"
          aria-label="Fingerprint of a key not imported yet"
          placeholder="Or type a full fingerprint (40 hex digits)"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
        />
        <button
          type="button"
          className="button button--small"
          disabled={disabled || !typedValid || selected.includes(typedClean)}
          onClick={() => {
            toggle(typedClean, true);
            setTyped('');
          }}
        >
          <Icon name="plus" /> Add
        </button>
      </div>
      {typed.trim() !== '' && !typedValid ? <p className="field__error">A fingerprint is 40 hexadecimal digits (64 for v6 keys), not a short key ID.</p> : null}
    </div>
  );
}
