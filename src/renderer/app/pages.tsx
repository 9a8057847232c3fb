// The pages of the unlocked app, in sidebar order. A feature adds its page (Keyring, Roster,
// Distributors, Settings, …) with one entry here; the sidebar, the top bar and the content area
// follow. A case page is not listed: it opens from the Cases page (see features/cases/case-tabs.tsx).
import type { ReactElement } from 'react';
import type { CaseSummary } from '../../shared/contract/index.ts';
import type { IconName } from '../components/Icon.tsx';
import { CaseListPage } from '../features/cases/CaseListPage.tsx';
import { KeyringPage } from '../features/keyring/KeyringPage.tsx';
import { PeoplePage } from '../features/people/PeoplePage.tsx';
import { DistributorsPage } from '../features/distributors/DistributorsPage.tsx';
import { RosterPage } from '../features/roster/RosterPage.tsx';
import { TemplatesPage } from '../features/mail/TemplatesPage.tsx';
import { VaultPage } from '../features/vault-care/VaultPage.tsx';
import { CryptFilesPage } from '../features/crypt-files/CryptFilesPage.tsx';
import { TeamPage } from '../features/team/TeamPage.tsx';

/** What the shell knows that a page may show in its sidebar entry. */
export interface ShellContext {
  cases: CaseSummary[];
}

export interface AppPage {
  id: string;
  label: string;
  icon: IconName;
  /** A number beside the label (cases, keys waiting for verification), or null. */
  count?(context: ShellContext): number | null;
  render(): ReactElement;
}

export const PAGES: AppPage[] = [
  { id: 'cases', label: 'Cases', icon: 'folder', count: ({ cases }) => cases.length, render: () => <CaseListPage /> },
  { id: 'keyring', label: 'Keyring', icon: 'key', render: () => <KeyringPage /> },
  { id: 'people', label: 'People', icon: 'list', render: () => <PeoplePage /> },
  { id: 'distributors', label: 'Distributors', icon: 'lock', render: () => <DistributorsPage /> },
  { id: 'team', label: 'Team', icon: 'users', render: () => <TeamPage /> },
  { id: 'roster', label: 'Roster', icon: 'shield', render: () => <RosterPage /> },
  { id: 'mail-templates', label: 'Mail templates', icon: 'note', render: () => <TemplatesPage /> },
  { id: 'crypt-files', label: 'Encrypt & sign', icon: 'lock', render: () => <CryptFilesPage /> },
  { id: 'vault', label: 'Vault', icon: 'shield', render: () => <VaultPage /> },
];

/** The page shown after unlocking, and the parent of every case page. */
export const HOME_PAGE = 'cases';

export function findPage(id: string): AppPage {
  return PAGES.find((page) => page.id === id) ?? (PAGES[0] as AppPage);
}
