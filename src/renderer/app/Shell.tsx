// The unlocked app: a sidebar (the pages, recent cases, the vault's state), a top bar (where you
// are, what you can do) and the content. Pages come from app/pages.tsx.
import type { ReactElement } from 'react';
import type { CaseSummary } from '../../shared/contract/index.ts';
import { call } from '../lib/api.ts';
import { useQuery } from '../lib/use-query.ts';
import { Icon } from '../components/Icon.tsx';
import { Logo } from '../components/Logo.tsx';
import { CasePage } from '../features/cases/CasePage.tsx';
import { NewCaseDialog } from '../features/cases/NewCaseDialog.tsx';
import { refreshAppState } from './app-state.ts';
import { HOME_PAGE, PAGES, findPage, type ShellContext } from './pages.tsx';
import { useUi, type View } from './store.ts';

export function Shell(): ReactElement {
  const view = useUi((ui) => ui.view);
  const revision = useUi((ui) => ui.revision);
  const cases = useQuery('case.list', {}, revision);
  const context: ShellContext = { cases: cases.value ?? [] };

  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <Sidebar view={view} context={context} />
      <Topbar view={view} context={context} />
      <main className="content" id="content" tabIndex={-1}>
        {view.kind === 'case' ? <CasePage key={view.caseId} caseId={view.caseId} tab={view.tab} /> : findPage(view.page).render()}
      </main>
      <NewCaseDialog />
    </div>
  );
}

const RECENT_CASES = 12;

function Sidebar({ view, context }: { view: View; context: ShellContext }): ReactElement {
  const vaultDir = useUi((ui) => ui.vaultDir);
  const idleLockMinutes = useUi((ui) => ui.idleLockMinutes);
  const openPage = useUi((ui) => ui.pageOpened);
  const openCase = useUi((ui) => ui.caseOpened);
  return (
    <aside className="sidebar" aria-label="Navigation">
      <div className="sidebar__brand">
        <Logo />
        <span>Embargo</span>
      </div>
      <nav className="sidebar__nav">
        <ul className="sidebar__section">
          {PAGES.map((page) => {
            const count = page.count?.(context) ?? null;
            return (
              <li key={page.id}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={view.kind === 'page' && view.page === page.id ? 'page' : undefined}
                  onClick={() => openPage(page.id)}
                >
                  <Icon name={page.icon} />
                  <span className="nav-item__label">{page.label}</span>
                  {count !== null ? <span className="nav-item__count">{count}</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
        {context.cases.length > 0 ? <RecentCases view={view} cases={context.cases} onOpen={openCase} /> : null}
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

function RecentCases({ view, cases, onOpen }: { view: View; cases: CaseSummary[]; onOpen(id: string): void }): ReactElement {
  return (
    <div className="sidebar__section">
      <h2 className="sidebar__heading" id="recent-cases">
        Recent
      </h2>
      <ul aria-labelledby="recent-cases">
        {cases.slice(0, RECENT_CASES).map((summary) => (
          <li key={summary.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={view.kind === 'case' && view.caseId === summary.id ? 'page' : undefined}
              onClick={() => onOpen(summary.id)}
              title={`${summary.id} · ${summary.title}`}
            >
              <span className="nav-item__id">{summary.id}</span>
              <span className="nav-item__label">{summary.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Topbar({ view, context }: { view: View; context: ShellContext }): ReactElement {
  const openPage = useUi((ui) => ui.pageOpened);
  const openNewCase = useUi((ui) => ui.newCaseDialogToggled);
  const home = findPage(HOME_PAGE);
  const current = view.kind === 'case' ? context.cases.find((c) => c.id === view.caseId) : undefined;
  return (
    <header className="topbar">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        {view.kind === 'case' ? (
          <>
            <button type="button" className="breadcrumbs__link" onClick={() => openPage(home.id)}>
              {home.label}
            </button>
            <Icon name="chevronRight" />
            <span className="breadcrumbs__current" aria-current="page">
              <span className="mono">{view.caseId}</span> {current ? `· ${current.title}` : ''}
            </span>
          </>
        ) : (
          <span className="breadcrumbs__current" aria-current="page">
            {findPage(view.page).label}
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
