// Every case, newest first, as a table: the id, title and kind, the disclosure time and the
// release date (UTC with local time beneath) and the CVE.
import type { ReactElement } from 'react';
import type { CaseSummary } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatRelative } from '../../lib/time.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TimePair } from '../../components/TimePair.tsx';
import { useUi } from '../../app/store.ts';
import { KindBadge } from './KindBadge.tsx';

export function CaseListPage(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const openNewCase = useUi((ui) => ui.newCaseDialogToggled);
  const cases = useQuery('case.list', {}, revision);

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <PageHeading>Cases</PageHeading>
          <p className="page__subtitle">Every vulnerability you handle, from report to retrospective.</p>
        </div>
      </div>
      {cases.status === 'error' ? <Notice tone="error">{cases.error.message}</Notice> : null}
      {cases.value && cases.value.length === 0 ? (
        <div className="panel">
          <EmptyState icon="folder" title="No cases yet">
            <p>Open a case when a vulnerability is reported: its disclosure time starts the clock of every window.</p>
            <button type="button" className="button button--primary" onClick={() => openNewCase(true)}>
              <Icon name="plus" /> New case
            </button>
          </EmptyState>
        </div>
      ) : null}
      {cases.value && cases.value.length > 0 ? <CaseTable cases={cases.value} /> : null}
    </div>
  );
}

function CaseTable({ cases }: { cases: CaseSummary[] }): ReactElement {
  const openCase = useUi((ui) => ui.caseOpened);
  return (
    <div className="panel table-scroll">
      <table className="table" aria-label="Cases">
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Kind</th>
            <th scope="col">Disclosed</th>
            <th scope="col">Release date</th>
            <th scope="col">CVE</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((summary) => (
            <tr key={summary.id}>
              <td>
                <button type="button" className="table__primary" onClick={() => openCase(summary.id)}>
                  {summary.title}
                </button>
                <span className="table__secondary mono">{summary.id}</span>
              </td>
              <td>
                <KindBadge kind={summary.kind} />
              </td>
              <td>
                <TimePair iso={summary.disclosedAt} />
                <span className="table__secondary">{formatRelative(summary.disclosedAt)}</span>
              </td>
              <td>{summary.releaseDate ? <TimePair iso={summary.releaseDate} /> : <span className="not-set">Not set</span>}</td>
              <td>{summary.cve ? <span className="cell-mono">{summary.cve}</span> : <span className="not-set">None</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
