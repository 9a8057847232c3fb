// The unlocked app: a sidebar (navigation, the cases, the vault's state), a top bar
// (where you are, what you can do) and the page.
import type { ReactElement } from 'react';
import type { CaseSummary } from '../../shared/contract/index.ts';
import { call } from '../lib/api.ts';
import { useQuery } from '../lib/use-query.ts';
import { Icon } from '../components/Icon.tsx';
import { Logo } from '../components/Logo.tsx';
import { CaseListPage } from '../features/cases/CaseListPage.tsx';
import { CasePage } from '../features/cases/CasePage.tsx';
import { NewCaseDialog } from '../features/cases/NewCaseDialog.tsx';
import { refreshAppState } from './app-state.ts';
import { useUi, type View } from './store.ts';

export function Shell(): ReactElement {
  const view = useUi((ui) => ui.view);
  const revision = useUi((ui) => ui.revision);
  const cases = useQuery('case.list', {}, revision);

  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <Sidebar view={view} cases={cases.value ?? []} />
      <Topbar view={view} cases={cases.value ?? []} />
      <main className="content" id="content" tabIndex={-1}>
        {view.page === 'case' ? <CasePage key={view.caseId} caseId={view.caseId} tab={view.tab} /> : <CaseListPage />}
      </main>
      <NewCaseDialog />
    </div>
  );
}

const RECENT_CASES = 12;

function Sidebar({ view, cases }: { view: View; cases: CaseSummary[] }): ReactElement {
  const vaultDir = useUi((ui) => ui.vaultDir);
  const idleLockMinutes = useUi((ui) => ui.idleLockMinutes);
  const openCases = useUi((ui) => ui.casesOpened);
  const openCase = useUi((ui) => ui.caseOpened);
  return (
    <aside className="sidebar" aria-label="Navigation">
      <div className="sidebar__brand">
        <Logo />
        <span>Embargo</span>
      </div>
      <nav className="sidebar__nav">
        <div className="sidebar__section">
          <button type="button" className="nav-item" aria-current={view.page === 'cases' ? 'page' : undefined} onClick={openCases}>
            <Icon name="folder" />
            <span className="nav-item__label">Cases</span>
            <span className="nav-item__count">{cases.length}</span>
          </button>
        </div>
        {cases.length > 0 ? (
          <div className="sidebar__section">
            <h2 className="sidebar__heading">Recent</h2>
            <ul>
              {cases.slice(0, RECENT_CASES).map((summary) => (
                <li key={summary.id}>
                  <button
                    type="button"
                    className="nav-item"
                    aria-current={view.page === 'case' && view.caseId === summary.id ? 'page' : undefined}
                    onClick={() => openCase(summary.id)}
                    title={`${summary.id} · ${summary.title}`}
                  >
                    <span className="nav-item__id">{summary.id}</span>
                    <span className="nav-item__label">{summary.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </nav>
      <div className="sidebar__footer">
        <div className="sidebar__status">
          <span className="status-dot" aria-hidden="true" />
          Vault unlocked
        </div>
        <div>Locks after {idleLockMinutes} min idle</div>
        <div className="sidebar__path" title={vaultDir}>
          {vaultDir}
        </div>
      </div>
    </aside>
  );
}

function Topbar({ view, cases }: { view: View; cases: CaseSummary[] }): ReactElement {
  const openCases = useUi((ui) => ui.casesOpened);
  const openNewCase = useUi((ui) => ui.newCaseDialogToggled);
  const current = view.page === 'case' ? cases.find((c) => c.id === view.caseId) : undefined;
  return (
    <header className="topbar">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        {view.page === 'case' ? (
          <>
            <button type="button" className="button button--ghost button--small" onClick={openCases}>
              Cases
            </button>
            <Icon name="chevronRight" />
            <span className="breadcrumbs__current" aria-current="page">
              <span className="mono">{view.caseId}</span> {current ? `· ${current.title}` : ''}
            </span>
          </>
        ) : (
          <span className="breadcrumbs__current" aria-current="page">
            Cases
          </span>
        )}
      </nav>
      <div className="topbar__actions">
        <button type="button" className="button button--primary" onClick={() => openNewCase(true)}>
          <Icon name="plus" /> New case
        </button>
        <LockButton />
      </div>
    </header>
  );
}

function LockButton(): ReactElement {
  const vaultLocked = useUi((ui) => ui.vaultLocked);
  async function lock(): Promise<void> {
    const result = await call('vault.lock', {});
    // Show the unlock screen only when the core says it is locked.
    if (result.ok) vaultLocked('user');
    else await refreshAppState();
  }
  return (
    <button type="button" className="button" onClick={() => void lock()} title="Lock the vault now">
      <Icon name="lock" /> Lock
    </button>
  );
}
