// What the case is, at a glance: disclosure, schedule, identifiers and its description.
import type { ReactElement, ReactNode } from 'react';
import { TimePair } from '../../components/TimePair.tsx';
import type { CaseTabProps } from './case-tabs.tsx';
import { CASE_KINDS } from './kinds.ts';
import { KindBadge } from './KindBadge.tsx';

function NotSet({ children = 'Not set' }: { children?: ReactNode }): ReactElement {
  return <span className="not-set">{children}</span>;
}

function Panel({ title, children }: { title: string; children: ReactNode }): ReactElement {
  return (
    <section className="panel" aria-label={title}>
      <div className="panel__header">
        <h2 className="panel__title">{title}</h2>
      </div>
      <div className="panel__body">{children}</div>
    </section>
  );
}

export function OverviewTab({ caseRecord }: CaseTabProps): ReactElement {
  const kind = CASE_KINDS.find((k) => k.kind === caseRecord.kind);
  return (
    <div className="facts">
      <Panel title="Disclosure">
        <dl className="fact-list">
          <dt>Kind</dt>
          <dd>
            <KindBadge kind={caseRecord.kind} />
            <p className="field__hint">{kind?.description}</p>
          </dd>
          <dt>Disclosed</dt>
          <dd>
            <TimePair iso={caseRecord.disclosedAt} />
          </dd>
          {caseRecord.upstream ? (
            <>
              <dt>Upstream</dt>
              <dd>
                {caseRecord.upstream.project}
                <TimePair iso={caseRecord.upstream.date} />
              </dd>
            </>
          ) : null}
        </dl>
      </Panel>
      <Panel title="Release">
        <dl className="fact-list">
          <dt>Release date</dt>
          <dd>{caseRecord.releaseDate ? <TimePair iso={caseRecord.releaseDate} countdown /> : <NotSet />}</dd>
          <dt>CVE</dt>
          <dd>{caseRecord.cve ? <span className="mono">{caseRecord.cve}</span> : <NotSet>None requested</NotSet>}</dd>
          <dt>CVSS</dt>
          <dd>
            {caseRecord.cvss ? (
              <>
                <strong>
                  {caseRecord.cvss.score.toFixed(1)} {caseRecord.cvss.severity}
                </strong>
                <div className="mono faint">{caseRecord.cvss.vector}</div>
              </>
            ) : (
              <NotSet>No final call yet</NotSet>
            )}
          </dd>
        </dl>
      </Panel>
      <Panel title="Record">
        <dl className="fact-list">
          <dt>Opened</dt>
          <dd>
            <TimePair iso={caseRecord.createdAt} />
          </dd>
          <dt>Last change</dt>
          <dd>
            <TimePair iso={caseRecord.updatedAt} />
          </dd>
          <dt>Events</dt>
          <dd>{caseRecord.eventCount}</dd>
          <dt>Process</dt>
          <dd>
            {caseRecord.profile.id} <span className="faint">v{caseRecord.profile.version}</span>
          </dd>
        </dl>
      </Panel>
      <Panel title="Summary">{caseRecord.summary ? <p className="prose">{caseRecord.summary}</p> : <NotSet>No summary yet</NotSet>}</Panel>
    </div>
  );
}
