// The keyring: the Fix Lead's own key pair, then every public key as a table (search, trust,
// warnings), a details drawer per key, and the dialogs to import, verify, export and generate.
// Secret keys never reach this page: the contract returns public facts only, and the secret
// export is the CLI's, behind a confirmation.
import { useState, type ReactElement } from 'react';
import type { KeyInfo } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatRelative } from '../../lib/time.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useUi } from '../../app/store.ts';
import { applyKeyFilter, dateOnly, groupFingerprint, splitUserId, type KeyFilter } from './key-format.ts';
import { KeyWarningIcons, OwnKeyBadge, ShortFingerprint, VerifiedBadge } from './KeyBadges.tsx';
import { KeyDetails } from './KeyDetails.tsx';
import { ImportKeysDialog } from './ImportKeysDialog.tsx';
import { GenerateKeyDialog } from './GenerateKeyDialog.tsx';
import { VerifyFingerprintDialog } from './VerifyFingerprintDialog.tsx';
import { ExportKeyDialog } from './ExportKeyDialog.tsx';
import { useDebounced } from './use-debounced.ts';
import './keyring.css';

type OpenDialog = { kind: 'import' } | { kind: 'generate' } | { kind: 'verify'; key: KeyInfo } | { kind: 'export'; key: KeyInfo } | null;

const FILTERS: { id: KeyFilter; label: string }[] = [
  { id: 'all', label: 'All keys' },
  { id: 'unverified', label: 'Unverified' },
  { id: 'attention', label: 'Needs attention' },
];

export function KeyringPage(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const [query, setQuery] = useState('');
  const settledQuery = useDebounced(query.trim(), 150);
  const [filter, setFilter] = useState<KeyFilter>('all');
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const everyKey = useQuery('keyring.list', {}, revision);
  const matching = useQuery('keyring.list', settledQuery === '' ? {} : { query: settledQuery }, revision);

  const own = everyKey.value?.find((key) => key.own) ?? null;
  const rows = matching.value ? applyKeyFilter(matching.value, filter) : null;
  const selectedKey = everyKey.value?.find((key) => key.fingerprint === selected) ?? null;
  const total = everyKey.value?.length ?? 0;
  const unverified = everyKey.value?.filter((key) => !key.verified).length ?? 0;

  return (
    <div className="page page-stack">
      <div className="page__header">
        <div>
          <PageHeading>Keyring</PageHeading>
          <p className="page__subtitle">
            OpenPGP keys of everyone you exchange embargoed mail with. A key is trusted only after you compare its fingerprint with its owner.
          </p>
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'import' })}>
            <Icon name="plus" /> Import keys
          </button>
        </div>
      </div>

      {everyKey.status === 'error' ? <Notice tone="error">{everyKey.error.message}</Notice> : null}
      {everyKey.value ? (
        <OwnKeyPanel own={own} onGenerate={() => setDialog({ kind: 'generate' })} onExport={(key) => setDialog({ kind: 'export', key })} onOpen={setSelected} />
      ) : null}

      <section className="panel keyring-table" aria-labelledby="keyring-keys-heading">
        <div className="panel__header keyring-table__toolbar">
          <h2 className="panel__title" id="keyring-keys-heading">
            Keys <span className="faint">{total}</span>
            {unverified > 0 ? <span className="keyring-table__pending">{unverified} unverified</span> : null}
          </h2>
          <div className="toolbar">
            <div className="segmented" role="group" aria-label="Show">
              {FILTERS.map((option) => (
                <button
                  key={option.id}
                  type="button"
                  className="segmented__option"
                  aria-pressed={filter === option.id}
                  onClick={() => setFilter(option.id)}
                >
                  {option.label}
                </button>
              ))}
            </div>
            <input
              className="input search-input"
              type="search"
              aria-label="Search keys"
              placeholder="Name, email or fingerprint"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
          </div>
        </div>
        {matching.status === 'error' ? <Notice tone="error">{matching.error.message}</Notice> : null}
        {rows && rows.length > 0 ? <KeyTable keys={rows} onOpen={setSelected} /> : null}
        {rows && rows.length === 0 ? (
          total === 0 ? (
            <EmptyState icon="key" title="No keys yet">
              <p>Import the public keys of the Product Security Team, the Release Managers, the Fix Team, reporters and the distributors list.</p>
              <button type="button" className="button" onClick={() => setDialog({ kind: 'import' })}>
                <Icon name="plus" /> Import keys
              </button>
            </EmptyState>
          ) : (
            <p className="keyring-table__none">No key matches.</p>
          )
        ) : null}
      </section>

      <KeyDetails
        keyInfo={selectedKey}
        onClose={() => setSelected(null)}
        onVerify={(key) => setDialog({ kind: 'verify', key })}
        onExport={(key) => setDialog({ kind: 'export', key })}
      />
      {dialog?.kind === 'import' ? (
        <ImportKeysDialog
          onClose={() => setDialog(null)}
          onVerify={(key) => setDialog({ kind: 'verify', key })}
        />
      ) : null}
      {dialog?.kind === 'generate' ? <GenerateKeyDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'verify' ? <VerifyFingerprintDialog keyInfo={dialog.key} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'export' ? <ExportKeyDialog keyInfo={dialog.key} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

function OwnKeyPanel({
  own,
  onGenerate,
  onExport,
  onOpen,
}: {
  own: KeyInfo | null;
  onGenerate(): void;
  onExport(key: KeyInfo): void;
  onOpen(fingerprint: string): void;
}): ReactElement {
  if (!own) {
    return (
      <section className="panel own-key own-key--missing" aria-labelledby="own-key-heading">
        <div className="own-key__icon">
          <Icon name="key" />
        </div>
        <div className="own-key__text">
          <h2 className="panel__title" id="own-key-heading">
            You have no key pair yet
          </h2>
          <p className="muted">
            As Fix Lead you sign what you send to the distributors list and read the reports sent to you encrypted. Generate an Ed25519 key with a
            Curve25519 encryption subkey; GnuPG 2.2 and later read it. Its secret part is created inside the vault and stays there.
          </p>
        </div>
        <button type="button" className="button button--primary" onClick={onGenerate}>
          <Icon name="key" /> Generate my key
        </button>
      </section>
    );
  }
  const who = splitUserId(own.primaryUserId);
  return (
    <section className="panel own-key" aria-labelledby="own-key-heading">
      <div className="own-key__icon">
        <Icon name="key" />
      </div>
      <div className="own-key__text">
        <h2 className="panel__title" id="own-key-heading">
          Your key pair · {who.name} {who.email ? <span className="muted">&lt;{who.email}&gt;</span> : null}
        </h2>
        <p className="own-key__fingerprint mono" aria-label="Your fingerprint">
          {groupFingerprint(own.fingerprint)}
        </p>
        <p className="field__hint">
          {own.algorithm.label} · created {dateOnly(own.created)} · {own.expires ? `expires ${dateOnly(own.expires)} (${formatRelative(own.expires)})` : 'never expires'}.
          The secret key never leaves the vault through the app: to back it up, run{' '}
          <code>embargo keyring export {own.fingerprint.slice(-16)} --secret</code>, which asks for confirmation and a new passphrase.
        </p>
        <KeyWarningIcons warnings={own.warnings} />
      </div>
      <div className="own-key__actions">
        <button type="button" className="button" onClick={() => onExport(own)}>
          Export public key
        </button>
        <button type="button" className="button button--ghost" onClick={() => onOpen(own.fingerprint)}>
          Details
        </button>
      </div>
    </section>
  );
}

function KeyTable({ keys, onOpen }: { keys: KeyInfo[]; onOpen(fingerprint: string): void }): ReactElement {
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Keys">
        <thead>
          <tr>
            <th scope="col">Owner</th>
            <th scope="col">Key ID</th>
            <th scope="col">Algorithm</th>
            <th scope="col">Expires</th>
            <th scope="col">Trust</th>
            <th scope="col">Warnings</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const who = splitUserId(key.primaryUserId);
            return (
              <tr key={key.fingerprint} data-fingerprint={key.fingerprint} className={key.revoked || key.expired ? 'is-dead' : undefined}>
                <td>
                  <button type="button" className="table__primary" onClick={() => onOpen(key.fingerprint)}>
                    {who.name}
                  </button>
                  <span className="table__secondary">
                    {who.email ?? ''}
                    {key.userIds.length > 1 ? ` · +${key.userIds.length - 1} more` : ''}
                  </span>
                </td>
                <td className="cell-mono">
                  <ShortFingerprint fingerprint={key.fingerprint} />
                </td>
                <td className="cell-mono">{key.algorithm.label}</td>
                <td>
                  <span className={key.expired ? 'tone-danger' : undefined}>{dateOnly(key.expires)}</span>
                  {key.expires ? <span className="table__secondary">{formatRelative(key.expires)}</span> : null}
                </td>
                <td>
                  <div className="badges">
                    {key.own ? <OwnKeyBadge /> : <VerifiedBadge verified={key.verified} />}
                  </div>
                </td>
                <td>
                  <KeyWarningIcons warnings={key.warnings} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
