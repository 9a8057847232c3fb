// Who an export is encrypted to, and whether each can receive it, shown before anything is
// written: the distributors list (every usable key of every current member) and any other keys
// picked from the keyring, each checked by the keyring (in it, verified, valid, not weak).
import { useEffect, useState, type ReactElement } from 'react';
import type { ListHealth, OutputOf } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useUi } from '../../app/store.ts';
import { KeyPicker } from '../keyring/KeyPicker.tsx';
import { ReceiveStatus } from '../keyring/KeyBadges.tsx';
import { shortFingerprint, splitUserId } from '../keyring/key-format.ts';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export interface RecipientChoice {
  toList: boolean;
  keys: string[];
}

export interface RecipientState {
  /** Every fingerprint the export will be encrypted to. */
  recipients: string[];
  /** Something the Fix Lead must fix first (a key that cannot receive, a member without a key). */
  blocked: string | null;
  /** The key check has not answered yet for the current choice. */
  checking: boolean;
  health: ListHealth | null;
  checks: { fingerprint: string; ok: boolean; reason: string | null }[] | null;
}

export function useRecipients(choice: RecipientChoice): RecipientState {
  const revision = useUi((ui) => ui.revision);
  const health = useQuery('distributors.health', {}, revision);
  const listKeys = choice.toList ? (health.value?.recipients ?? []) : [];
  const recipients = [...new Set([...listKeys, ...choice.keys])];
  const key = recipients.join(' ');
  const [checks, setChecks] = useState<{ key: string; value: OutputOf<'keyring.checkRecipients'>; error: string | null } | null>(null);
  useEffect(() => {
    if (key === '') return;
    let current = true;
    void call('keyring.checkRecipients', { fingerprints: key.split(' ') }).then((result) => {
      if (current) setChecks({ key, value: result.ok ? result.value : [], error: result.ok ? null : result.error.message });
    });
    return () => {
      current = false;
    };
  }, [key, revision]);
  const checked = key !== '' && checks?.key === key ? checks.value : null;
  let blocked: string | null = null;
  if (choice.toList && health.value && !health.value.ok) blocked = 'Some members of the distributors list cannot receive encrypted mail.';
  if (choice.toList && health.value && health.value.members.length === 0) blocked = 'The distributors list has no members.';
  if (checked?.some((check) => !check.ok)) blocked = 'Some recipients cannot receive encrypted mail.';
  if (key !== '' && checks?.key === key && checks.error) blocked = checks.error;
  return { recipients, blocked, checking: key !== '' && checked === null, health: health.value ?? null, checks: checked };
}

export function RecipientPicker({
  choice,
  onChange,
  state,
  disabled,
}: {
  choice: RecipientChoice;
  onChange(choice: RecipientChoice): void;
  state: RecipientState;
  disabled?: boolean;
}): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const keys = useQuery('keyring.list', {}, revision);
  const nameOf = (fingerprint: string): string => {
    const key = keys.value?.find((k) => k.fingerprint === fingerprint);
    return key ? splitUserId(key.primaryUserId).name : 'Not in the keyring';
  };
  const health = state.health;
  return (
    <fieldset className="recipients" disabled={disabled}>
      <legend className="field__label">Encrypt to</legend>
      <label className="checkbox recipients__list">
        <input type="checkbox" checked={choice.toList} onChange={(event) => onChange({ ...choice, toList: event.target.checked })} />
        <span>
          <strong>The distributors list</strong>
          <span className="field__hint">
            {health
              ? health.members.length === 0
                ? ' — no members yet'
                : ` — ${plural(health.recipients.length, 'key')} of ${plural(health.members.length, 'member')}`
              : ''}
          </span>
        </span>
      </label>
      {choice.toList && health && !health.ok ? (
        <div className="recipients__problem" role="alert">
          <strong>Cannot receive:</strong>
          <ul>
            {health.cannotReceive.map((entry) => (
              <li key={entry.memberId}>
                {entry.organisation}: {entry.reasons.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <details className="recipients__more" open={choice.keys.length > 0 || undefined}>
        <summary>Other recipients from the keyring{choice.keys.length > 0 ? ` (${choice.keys.length})` : ''}</summary>
        <KeyPicker id="export-keys" selected={choice.keys} onChange={(fingerprints) => onChange({ ...choice, keys: fingerprints })} disabled={disabled} />
      </details>
      {state.checks && state.checks.length > 0 ? (
        <table className="table table--compact recipients__health" aria-label="Recipient key health">
          <thead>
            <tr>
              <th scope="col">Recipient</th>
              <th scope="col">Key ID</th>
              <th scope="col">Key health</th>
            </tr>
          </thead>
          <tbody>
            {state.checks.map((check) => (
              <tr key={check.fingerprint}>
                <td>{nameOf(check.fingerprint)}</td>
                <td className="cell-mono">{shortFingerprint(check.fingerprint)}</td>
                <td>
                  <ReceiveStatus ok={check.ok} reason={check.reason} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </fieldset>
  );
}
