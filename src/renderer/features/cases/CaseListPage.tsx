// Every case, newest first, as a table: the title with its id, kind, CVE and disclosure; where
// the process stands (current phase, next deadline in UTC and local time, what needs attention,
// from process.overview); and the release date (UTC with local time beneath).
import { useMemo, useRef, useState, type ReactElement } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CaseOverview, CaseSummary } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatRelative, formatUtc } from '../../lib/time.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TimePair } from '../../components/TimePair.tsx';
import { useUi } from '../../app/store.ts';
import { AttentionCell, NextDeadlineCell, PhaseCell } from '../process/CaseProgress.tsx';
import { KindBadge } from './KindBadge.tsx';
import { CaseFilterBar } from './CaseFilterBar.tsx';
import { filterCases, NO_FILTER, type CaseFilter } from './case-filter.ts';
import { useMe } from './me-store.ts';

/** A first guess at a row's height; each rendered row is measured (the meta line can wrap). */
const ROW_HEIGHT = 88;

export function CaseListPage(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const openNewCase = useUi((ui) => ui.newCaseDialogToggled);
  const cases = useQuery('case.list', {}, revision);
  const overview = useQuery('process.overview', {}, revision);

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <PageHeading>Cases</PageHeading>
          <p className="page__subtitle">Every vulnerability you handle, from report to retrospective.</p>
        </div>
      </div>
      {cases.status === 'error' ? <Notice tone="error">{cases.error.message}</Notice> : null}
      {overview.status === 'error' ? <Notice tone="error">The process state of the cases could not be read: {overview.error.message}</Notice> : null}
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
      {cases.value && cases.value.length > 0 ? <CaseTable cases={cases.value} overview={overview.value ?? []} /> : null}
    </div>
  );
}

function CaseTable({ cases, overview }: { cases: CaseSummary[]; overview: CaseOverview[] }): ReactElement {
  const openCase = useUi((ui) => ui.caseOpened);
  const me = useMe((state) => state.me);
  const meChosen = useMe((state) => state.meChosen);
  const [filter, setFilter] = useState<CaseFilter>(NO_FILTER);
  const rows = useMemo(() => filterCases(cases, overview, { ...filter, me }), [cases, overview, filter, me]);
  const scroller = useRef<HTMLDivElement>(null);
  // Only the rows in view (and a few either side) are in the DOM, so a thousand cases cost what twenty do.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  return (
    <>
    <CaseFilterBar
      filter={{ ...filter, me }}
      onChange={(next) => {
        if (next.me !== me) meChosen(next.me);
        setFilter(next);
      }}
      overview={overview}
      shown={rows.length}
      total={cases.length}
    />
    <div className="panel table-scroll case-list__scroll" ref={scroller} tabIndex={-1}>
      <table className="table" aria-label="Cases">
        <thead>
          <tr>
            <th scope="col" className="case-list__case">
              Case
            </th>
            <th scope="col">Phase</th>
            <th scope="col">Next deadline</th>
            <th scope="col">Release date</th>
            <th scope="col">Attention</th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }} /> : null}
          {items.map((item) => {
            const { summary, overview: process } = rows[item.index]!;
            // An upstream-bound case follows the upstream date until it has its own.
            const releaseDate = process?.releaseDate ?? summary.releaseDate;
            return (
              <tr key={summary.id} ref={virtualizer.measureElement} className="case-list__row" data-index={item.index}>
                <td className="case-list__case">
                  <button type="button" className="table__primary case-list__title" title={summary.title} onClick={() => openCase(summary.id)}>
                    {summary.title}
                  </button>
                  <span className="case-meta">
                    <span className="mono">{summary.id}</span>
                    <KindBadge kind={summary.kind} />
                    {summary.cve ? <span className="cell-mono">{summary.cve}</span> : null}
                    <span title={formatUtc(summary.disclosedAt)}>disclosed {formatRelative(summary.disclosedAt)}</span>
                  </span>
                </td>
                <td>
                  <PhaseCell overview={process} />
                </td>
                <td>
                  <NextDeadlineCell overview={process} />
                </td>
                <td>{releaseDate ? <TimePair iso={releaseDate} countdown /> : <span className="not-set">Not set</span>}</td>
                <td>
                  <AttentionCell overview={process} />
                </td>
              </tr>
            );
          })}
          {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }} /> : null}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="muted case-list__none">No case matches the search and filters.</p> : null}
    </div>
    </>
  );
}
