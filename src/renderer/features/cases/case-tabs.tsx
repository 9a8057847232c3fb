// The tabs of a case page, in order. A feature adds its tab by adding one entry here
// (Checklist, Advisory, Workspace and Mail are planned, each from its own feature folder);
// the page, the tab bar and keyboard navigation need no change.
import type { ReactElement } from 'react';
import type { CaseRecord } from '../../../shared/contract/index.ts';
import { TimelineTab } from '../timeline/TimelineTab.tsx';
import { ChecklistTab } from '../process/ChecklistTab.tsx';
import { RetrospectiveTab } from '../process/RetrospectiveTab.tsx';
import { SeverityTab } from '../cvss/SeverityTab.tsx';
import { AdvisoryTab } from '../advisory/AdvisoryTab.tsx';
import { WorkspaceTab } from '../workspace/WorkspaceTab.tsx';
import { MailTab } from '../mail/MailTab.tsx';
import { CaseSharingTab } from '../team/CaseSharingTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';

export interface CaseTabProps {
  caseRecord: CaseRecord;
}

export interface CaseTab {
  id: string;
  label: string;
  /** A small count beside the label (events, open items), or null for none. */
  count?(caseRecord: CaseRecord): number | null;
  render(props: CaseTabProps): ReactElement;
}

export const CASE_TABS: CaseTab[] = [
  { id: 'overview', label: 'Overview', render: (props) => <OverviewTab {...props} /> },
  {
    id: 'timeline',
    label: 'Timeline',
    count: (caseRecord) => caseRecord.eventCount,
    render: (props) => <TimelineTab {...props} />,
  },
  { id: 'checklist', label: 'Checklist', render: (props) => <ChecklistTab {...props} /> },
  { id: 'severity', label: 'Severity', render: (props) => <SeverityTab {...props} /> },
  { id: 'advisory', label: 'Advisory', render: (props) => <AdvisoryTab {...props} /> },
  { id: 'workspace', label: 'Workspace', render: (props) => <WorkspaceTab {...props} /> },
  { id: 'mail', label: 'Mail', render: (props) => <MailTab {...props} /> },
  { id: 'sharing', label: 'Sharing', render: (props) => <CaseSharingTab {...props} /> },
  { id: 'retrospective', label: 'Retrospective', render: (props) => <RetrospectiveTab {...props} /> },
];
