// One case: its header (id, kind, title, disclosure time in UTC and local time) and its tabs.
import * as Tabs from '@radix-ui/react-tabs';
import type { ReactElement } from 'react';
import type { CaseRecord } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatLocal, formatRelative, formatUtc } from '../../lib/time.ts';
import { Notice } from '../../components/Notice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useUi } from '../../app/store.ts';
import { CASE_TABS } from './case-tabs.tsx';
import { KindBadge } from './KindBadge.tsx';
import { TimePair } from '../../components/TimePair.tsx';
import { useRoster } from '../roster/use-roster-names.ts';

export function CasePage({ caseId, tab }: { caseId: string; tab: string }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const caseRecord = useQuery('case.show', { id: caseId }, revision);

  if (caseRecord.status === 'error') {
    return (
      <div className="page">
        <Notice tone="error">{caseRecord.error.message}</Notice>
      </div>
    );
  }
  if (!caseRecord.value) {
    return (
      <div className="page" aria-busy="true">
        <p className="muted">Opening {caseId}…</p>
      </div>
    );
  }
  return <CaseView caseRecord={caseRecord.value} tab={tab} />;
}

function CaseView({ caseRecord, tab }: { caseRecord: CaseRecord; tab: string }): ReactElement {
  const selectTab = useUi((ui) => ui.caseTabSelected);
  const active = CASE_TABS.some((t) => t.id === tab) ? tab : (CASE_TABS[0]?.id ?? '');
  const compact = active !== 'overview';
  const { names } = useRoster();
  return (
    <div className="page">
      {/* One header element on every tab, so the h1 stays mounted and switching tabs does not move focus:
          the full header on Overview, a compact sticky line (id, title, Release Date, Fix Lead) elsewhere. */}
      <header className={compact ? 'case-header case-header--compact' : 'case-header'} data-compact={compact ? 'true' : undefined}>
        <div className="case-header__eyebrow">
          <span className="mono">{caseRecord.id}</span>
          {compact ? null : <KindBadge kind={caseRecord.kind} />}
          {!compact && caseRecord.cve ? <span className="badge badge--neutral mono">{caseRecord.cve}</span> : null}
        </div>
        <PageHeading title={caseRecord.title}>{caseRecord.title}</PageHeading>
        {compact ? (
          <dl className="case-header__compact-facts">
            <div>
              <dt>Release Date</dt>
              <dd>{caseRecord.releaseDate ? <TimePair iso={caseRecord.releaseDate} countdown /> : <span className="not-set">not set</span>}</dd>
            </div>
            <div>
              <dt>Fix Lead</dt>
              <dd>{caseRecord.people.fixLead ? names(caseRecord.people.fixLead) : <span className="not-set">none yet</span>}</dd>
            </div>
          </dl>
        ) : (
          <div className="case-header__meta">
            <span>
              Disclosed <strong>{formatUtc(caseRecord.disclosedAt)}</strong> · {formatLocal(caseRecord.disclosedAt)} ·{' '}
              {formatRelative(caseRecord.disclosedAt)}
            </span>
            <span>
              Release date{' '}
              {caseRecord.releaseDate ? (
                <>
                  <strong>{formatUtc(caseRecord.releaseDate)}</strong> · {formatLocal(caseRecord.releaseDate)}
                </>
              ) : (
                <span className="not-set">not set</span>
              )}
            </span>
          </div>
        )}
      </header>
      <Tabs.Root value={active} onValueChange={selectTab}>
        <Tabs.List className="tabs__list" aria-label="Case sections">
          {CASE_TABS.map((t) => {
            const count = t.count?.(caseRecord) ?? null;
            return (
              <Tabs.Trigger key={t.id} value={t.id} className="tabs__trigger">
                {t.label}
                {count !== null ? <span className="tabs__count">{count}</span> : null}
              </Tabs.Trigger>
            );
          })}
        </Tabs.List>
        {CASE_TABS.map((t) => (
          <Tabs.Content key={t.id} value={t.id}>
            {t.id === active ? t.render({ caseRecord }) : null}
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </div>
  );
}
