// What the engine warns about, above the picture and the checklist: an "as soon as possible"
// schedule first (it changes every deadline), then a Release Date on a Friday or a weekend,
// then the rest of the engine's warnings, in its own words.
import type { ReactElement } from 'react';
import type { Schedule, ScheduleWarning } from '../../../shared/contract/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';

const FIRST: readonly ScheduleWarning['code'][] = ['release-date-weekend', 'release-date-friday', 'leak-undecided'];

export function ScheduleNotices({ schedule }: { schedule: Schedule }): ReactElement | null {
  const warnings = [...schedule.warnings].sort((a, b) => rank(a) - rank(b));
  if (!schedule.asap && warnings.length === 0) return null;
  return (
    <div className="schedule-notices">
      {schedule.asap ? (
        <div className="asap-banner" role="status">
          <Icon name="alert" />
          <div>
            <strong>As soon as possible.</strong> {schedule.asapReason ?? 'Every timeline becomes ASAP.'} Deadlines are not counted from the
            windows any more: every open step is due now.
          </div>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <Notice tone="warning">
          <ul className="warning-list" aria-label="Schedule warnings">
            {warnings.map((warning, index) => (
              <li key={`${warning.code}-${index}`} data-code={warning.code}>
                {warning.message}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </div>
  );
}

function rank(warning: ScheduleWarning): number {
  const index = FIRST.indexOf(warning.code);
  return index === -1 ? FIRST.length : index;
}
