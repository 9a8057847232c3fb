// Vault care, for a Fix Lead who never opens a terminal: what the vault holds, a check of every
// file and hash chain with a readable report, a backup to a chosen file, the passphrase change,
// the secure removal of a closed case and the vault's own timeline. The restore of a backup is
// on the first-run screen (it goes into an empty vault directory: RestorePanel.tsx).
import type { ReactElement } from 'react';
import { useQuery } from '../../lib/use-query.ts';
import { Notice } from '../../components/Notice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useUi } from '../../app/store.ts';
import { VerifyPanel } from './VerifyPanel.tsx';
import { BackupPanel } from './BackupPanel.tsx';
import { ChangePassphrasePanel } from './ChangePassphrasePanel.tsx';
import { RemoveCasePanel } from './RemoveCasePanel.tsx';
import { VaultTimelinePanel } from './VaultTimelinePanel.tsx';
import './vault-care.css';

export function VaultPage(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const status = useQuery('vault.status', {}, revision);
  const value = status.value;
  return (
    <div className="page page-stack vault-care">
      <div className="page__header">
        <div>
          <PageHeading>Vault</PageHeading>
          <p className="page__subtitle">Check, back up and look after the encrypted vault on this machine.</p>
        </div>
      </div>
      {status.status === 'error' ? <Notice tone="error">{status.error.message}</Notice> : null}
      {value ? (
        <section className="panel" aria-labelledby="vault-status-heading">
          <div className="panel__header">
            <h2 className="panel__title" id="vault-status-heading">
              This vault
            </h2>
          </div>
          <dl className="panel__body vault-facts">
            <Fact label="Location" value={value.vault} mono />
            <Fact label="Cases" value={String(value.cases)} />
            <Fact label="Events" value={String(value.events)} />
            <Fact label="Keys" value={String(value.keys)} />
            <Fact label="Created" value={value.createdAt.slice(0, 10)} />
            <Fact label="Format" value={`${value.formatVersion} (schema ${value.schemaVersion})`} />
            <Fact label="Key derivation" value={`${value.kdf.algorithm}, ${Math.round(value.kdf.memoryKiB / 1024)} MiB, ${value.kdf.iterations} passes`} />
            <Fact label="Locks after" value={`${value.idleLockMinutes} min idle`} />
          </dl>
        </section>
      ) : null}
      <div className="vault-care__grid">
        <VerifyPanel />
        <BackupPanel />
      </div>
      <div className="vault-care__grid">
        <ChangePassphrasePanel />
        <RemoveCasePanel />
      </div>
      <VaultTimelinePanel />
    </div>
  );
}

function Fact({ label, value, mono = false }: { label: string; value: string; mono?: boolean }): ReactElement {
  return (
    <div className="vault-facts__item">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined} title={value}>
        {value}
      </dd>
    </div>
  );
}
