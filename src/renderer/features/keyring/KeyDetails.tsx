// One key in full: every user ID, the primary key and each subkey with its usage and state,
// dates, revocation and its reason, the warnings in words, and what a message to it would be
// encrypted to. Trust changes only through the compare screen (verify) or an explicit withdrawal.
import { useState, type ReactElement, type ReactNode } from 'react';
import type { KeyInfo, SubkeyInfo } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { formatRelative } from '../../lib/time.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { TimePair } from '../../components/TimePair.tsx';
import { Drawer } from './Drawer.tsx';
import { USAGE_LABELS, dateOnly, groupFingerprint, isBlocking, shortFingerprint, sortWarnings, splitUserId, subkeyState } from './key-format.ts';
import { OwnKeyBadge, VerifiedBadge } from './KeyBadges.tsx';
import { useAction } from './use-action.ts';
import { RevokeKey } from './RevokeKey.tsx';

interface KeyDetailsProps {
  keyInfo: KeyInfo | null;
  onClose(): void;
  onVerify(key: KeyInfo): void;
  onExport(key: KeyInfo): void;
}

export function KeyDetails({ keyInfo, onClose, onVerify, onExport }: KeyDetailsProps): ReactElement {
  const who = splitUserId(keyInfo?.primaryUserId ?? null);
  return (
    <Drawer
      open={keyInfo !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={keyInfo ? who.name : 'Key'}
      description={keyInfo ? <span className="mono">{groupFingerprint(keyInfo.fingerprint)}</span> : null}
    >
      {keyInfo ? <KeyDetailsBody key={keyInfo.fingerprint} keyInfo={keyInfo} onVerify={onVerify} onExport={onExport} onRemoved={onClose} /> : null}
    </Drawer>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }): ReactElement {
  return (
    <section className="drawer-section" aria-label={title}>
      <h3 className="drawer-section__title">{title}</h3>
      {children}
    </section>
  );
}

function KeyDetailsBody({
  keyInfo,
  onVerify,
  onExport,
  onRemoved,
}: {
  keyInfo: KeyInfo;
  onVerify(key: KeyInfo): void;
  onExport(key: KeyInfo): void;
  onRemoved(): void;
}): ReactElement {
  const action = useAction();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [confirmSecret, setConfirmSecret] = useState(false);
  const warnings = sortWarnings(keyInfo.warnings);
  const encryptTo = keyInfo.subkeys.find((subkey) => subkey.fingerprint === keyInfo.encryptionKeyFingerprint) ?? null;

  async function remove(): Promise<void> {
    const done = await action.run(() => call('keyring.remove', { fingerprint: keyInfo.fingerprint, confirmSecret: keyInfo.secret && confirmSecret }));
    if (done) onRemoved();
  }

  return (
    <div className="key-details">
      <div className="badges">
        {keyInfo.own ? <OwnKeyBadge /> : null}
        <VerifiedBadge verified={keyInfo.verified} />
        {keyInfo.secret ? <span className="badge badge--neutral">Secret key in vault</span> : null}
        {keyInfo.revoked ? <span className="badge badge--danger">Revoked</span> : null}
        {keyInfo.expired ? <span className="badge badge--danger">Expired</span> : null}
      </div>

      <div className="key-details__actions">
        {!keyInfo.verified ? (
          <button type="button" className="button button--primary" onClick={() => onVerify(keyInfo)}>
            <Icon name="shield" /> Verify fingerprint…
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => onExport(keyInfo)}>
          Export public key
        </button>
        {keyInfo.secret && !keyInfo.own ? (
          <button type="button" className="button" disabled={action.busy} onClick={() => void action.run(() => call('keyring.setOwn', { fingerprint: keyInfo.fingerprint }))}>
            Use as my signing key
          </button>
        ) : null}
        {keyInfo.verified && !keyInfo.own ? (
          <button
            type="button"
            className="button button--ghost"
            disabled={action.busy}
            onClick={() => void action.run(() => call('keyring.unverify', { fingerprint: keyInfo.fingerprint }))}
          >
            Withdraw verification
          </button>
        ) : null}
      </div>
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}

      {warnings.length > 0 ? (
        <Section title="Warnings">
          <ul className="warning-list">
            {warnings.map((warning) => (
              <li key={warning.code} className={isBlocking(warning.code) ? 'warning-list__item is-blocking' : 'warning-list__item'}>
                <Icon name="alert" /> {warning.message}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title="Trust">
        <p>
          {keyInfo.verified ? (
            <>
              Fingerprint compared with its owner{keyInfo.verifiedAt ? <> on {dateOnly(keyInfo.verifiedAt)}</> : null}
              {keyInfo.source === 'generated' ? ' (generated in this vault).' : '.'}
            </>
          ) : (
            'Not verified: nothing is encrypted to this key until you compare its fingerprint with its owner.'
          )}
        </p>
        <p className="field__hint">
          {keyInfo.canEncrypt && encryptTo
            ? `Mail is encrypted to the ${encryptTo.algorithm.label} subkey ${shortFingerprint(encryptTo.fingerprint)}.`
            : keyInfo.weakness
              ? `Refused as a recipient: ${keyInfo.weakness}.`
              : 'No valid encryption key: mail cannot be encrypted to this key.'}
        </p>
      </Section>

      <Section title="User IDs">
        <ul className="uid-list">
          {keyInfo.userIds.map((userId) => (
            <li key={userId}>
              {userId}
              {userId === keyInfo.primaryUserId && keyInfo.userIds.length > 1 ? <span className="badge badge--neutral">primary</span> : null}
            </li>
          ))}
          {keyInfo.userIds.length === 0 ? <li className="not-set">No valid user ID</li> : null}
        </ul>
      </Section>

      <Section title="Primary key">
        <dl className="fact-list">
          <dt>Fingerprint</dt>
          <dd className="mono">{groupFingerprint(keyInfo.fingerprint)}</dd>
          <dt>Algorithm</dt>
          <dd className="mono">{keyInfo.algorithm.label}</dd>
          <dt>Created</dt>
          <dd>
            <TimePair iso={keyInfo.created} />
          </dd>
          <dt>Expires</dt>
          <dd>
            {keyInfo.expires ? (
              <>
                <TimePair iso={keyInfo.expires} />
                <span className="field__hint">{formatRelative(keyInfo.expires)}</span>
              </>
            ) : (
              'Never'
            )}
          </dd>
          {keyInfo.revoked ? (
            <>
              <dt>Revoked</dt>
              <dd className="tone-danger">{keyInfo.revocationReason ?? 'No reason given'}</dd>
            </>
          ) : null}
          <dt>Can sign</dt>
          <dd>{keyInfo.canSign ? 'Yes' : 'No'}</dd>
          <dt>Added</dt>
          <dd>
            {keyInfo.source === 'generated' ? 'Generated' : 'Imported'} {dateOnly(keyInfo.addedAt)}
            {dateOnly(keyInfo.updatedAt) !== dateOnly(keyInfo.addedAt) ? `, updated ${dateOnly(keyInfo.updatedAt)}` : ''}
          </dd>
        </dl>
      </Section>

      <Section title={`Subkeys (${keyInfo.subkeys.length})`}>
        {keyInfo.subkeys.length === 0 ? (
          <p className="not-set">No subkeys</p>
        ) : (
          <table className="table table--compact" aria-label="Subkeys">
            <thead>
              <tr>
                <th scope="col">Key ID</th>
                <th scope="col">Algorithm</th>
                <th scope="col">Usage</th>
                <th scope="col">Expires</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {keyInfo.subkeys.map((subkey) => (
                <SubkeyRow key={subkey.fingerprint} subkey={subkey} encryptsTo={subkey.fingerprint === keyInfo.encryptionKeyFingerprint} />
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title="Revoke">
        <RevokeKey keyInfo={keyInfo} />
      </Section>

      <Section title="Remove">
        {!confirmRemove ? (
          <button type="button" className="button button--destroy-outline" onClick={() => setConfirmRemove(true)}>
            Remove from keyring…
          </button>
        ) : (
          <div className="confirm-box">
            <p>
              Remove <strong>{splitUserId(keyInfo.primaryUserId).name}</strong> ({shortFingerprint(keyInfo.fingerprint)}) from the keyring? People and
              distributors that name this fingerprint will show it as missing.
            </p>
            {keyInfo.secret ? (
              <label className="checkbox">
                <input type="checkbox" checked={confirmSecret} onChange={(event) => setConfirmSecret(event.target.checked)} />
                <span>
                  This also deletes the <strong>secret key</strong> from the vault. Without a backup, mail encrypted to it can never be read again.
                </span>
              </label>
            ) : null}
            <div className="form__actions">
              <button type="button" className="button" onClick={() => setConfirmRemove(false)} disabled={action.busy}>
                Cancel
              </button>
              <button type="button" className="button button--destroy" onClick={() => void remove()} disabled={action.busy || (keyInfo.secret && !confirmSecret)}>
                Remove key
              </button>
            </div>
          </div>
        )}
      </Section>
    </div>
  );
}

function SubkeyRow({ subkey, encryptsTo }: { subkey: SubkeyInfo; encryptsTo: boolean }): ReactElement {
  const state = subkeyState(subkey);
  return (
    <tr>
      <td className="cell-mono" title={subkey.fingerprint}>
        {shortFingerprint(subkey.fingerprint)}
      </td>
      <td className="cell-mono">{subkey.algorithm.label}</td>
      <td>
        {subkey.usage.map((usage) => USAGE_LABELS[usage]).join(', ') || '—'}
        {encryptsTo ? (
          <span className="badge badge--own subkey-mail" title="Mail to this key is encrypted to this subkey">
            mail
          </span>
        ) : null}
      </td>
      <td className="cell-mono">{dateOnly(subkey.expires)}</td>
      <td>
        <span className={`state state--${state}`}>{state}</span>
      </td>
    </tr>
  );
}
