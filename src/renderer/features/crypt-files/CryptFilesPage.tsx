// `embargo encrypt|decrypt|sign|verify` in the window: file to file, through the crypt.* contract
// methods. Only paths cross to the core, which streams the files itself; the page never holds a
// file's content. One tab per operation, each a small form with a readable result.
import * as Tabs from '@radix-ui/react-tabs';
import { useState, type ReactElement } from 'react';
import { PageHeading } from '../../components/PageHeading.tsx';
import { EncryptFilePanel } from './EncryptFilePanel.tsx';
import { DecryptFilePanel, SignFilePanel, VerifyFilePanel } from './FilePanels.tsx';
import '../vault-care/vault-care.css';

const TABS = [
  { id: 'encrypt', label: 'Encrypt', render: () => <EncryptFilePanel /> },
  { id: 'decrypt', label: 'Decrypt', render: () => <DecryptFilePanel /> },
  { id: 'sign', label: 'Sign', render: () => <SignFilePanel /> },
  { id: 'verify', label: 'Verify', render: () => <VerifyFilePanel /> },
] as const;

export function CryptFilesPage(): ReactElement {
  const [active, setActive] = useState<string>('encrypt');
  return (
    <div className="page page-stack crypto-tools">
      <div className="page__header">
        <div>
          <PageHeading>Encrypt &amp; sign</PageHeading>
          <p className="page__subtitle">Encrypt, decrypt, sign and check files with the keys in the vault; GnuPG reads what is written here.</p>
        </div>
      </div>
      <Tabs.Root value={active} onValueChange={setActive}>
        <Tabs.List className="tabs__list" aria-label="File operations">
          {TABS.map((tab) => (
            <Tabs.Trigger key={tab.id} value={tab.id} className="tabs__trigger">
              {tab.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Content key={tab.id} value={tab.id}>
            {tab.render()}
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </div>
  );
}
