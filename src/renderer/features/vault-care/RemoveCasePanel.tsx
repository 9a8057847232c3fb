// `embargo case remove CASE --yes` in the window. Removal is crypto-shredding: the case's key is
// dropped from the vault index, so its files can never be read again, then the files are
// deleted. It cannot be undone, so the case id must be typed to confirm; the core refuses a
// case that is not closed.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { OutputOf } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { useAction } from '../keyring/use-action.ts';

export function RemoveCasePanel(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const cases = useQuery('case.list', {}, revision);
  const action = useAction();
  const [id, setId] = useState('');
  const [typed, setTyped] = useState('');
  const [removed, setRemoved] = useState<OutputOf<'case.remove'> | null>(null);
  const chosen = cases.value?.find((summary) => summary.id === id) ?? null;
  const confirmed = chosen !== null && typed.trim() === chosen.id;

  async function remove(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!confirmed) return;
    const value = await action.run(() => call('case.remove', { id: chosen.id, confirm: true }));
    if (!value) return;
    setRemoved(value);
    setId('');
    setTyped('');
  }

  return (
    <section className="panel panel--danger" aria-labelledby="vault-remove-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="vault-remove-heading">
          Remove a closed case
        </h2>
      </div>
      <form className="panel__body form" onSubmit={(event) => void remove(event)}>
        <p className="muted">
          The case&rsquo;s key is destroyed, so nothing of it can be read again — not from this vault, not from a copy of its files — and its files are
          deleted. Backups made before still hold it. Only a case whose every required step is done or skipped can be removed.
        </p>
        <div className="field">
          <label className="field__label" htmlFor="vault-remove-case">
            Case
          </label>
          <select
            id="vault-remove-case"
            className="input"
            value={id}
            onChange={(event) => {
              setId(event.target.value);
              setTyped('');
              setRemoved(null);
              action.setError(null);
            }}
            disabled={action.busy}
          >
            <option value="">Choose a case…</option>
            {(cases.value ?? []).map((summary) => (
              <option key={summary.id} value={summary.id}>
                {summary.id} · {summary.title}
              </option>
            ))}
          </select>
        </div>
        {chosen ? (
          <div className="field">
            <label className="field__label" htmlFor="vault-remove-confirm">
              Type <span className="mono">{chosen.id}</span> to confirm
            </label>
            <input
              id="vault-remove-confirm"
              className="input input--mono"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              disabled={action.busy}
            />
          </div>
        ) : null}
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        {removed ? (
          <Notice tone="info">
            Removed {removed.id}: its key is destroyed and {removed.files} files deleted. The vault timeline records it (event {removed.event.seq}).
          </Notice>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--danger" disabled={action.busy || !confirmed}>
            {action.busy ? 'Removing…' : chosen ? `Destroy the key of ${chosen.id} and remove it` : 'Remove case'}
          </button>
        </div>
      </form>
    </section>
  );
}
