// Everything a process view of one case needs: the schedule (in the zones shown), the case's
// profile (for its rules and its words), the roster (for names) and the timeline events.
import type { ProcessProfile, Roster, Schedule, TimelineEvent } from '../../../shared/contract/index.ts';
import type { ErrorInfo } from '../../../shared/errors.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useUi } from '../../app/store.ts';
import type { NameOf } from '../timeline/describe-event.ts';
import { useRoster } from '../roster/use-roster-names.ts';
import { useSchedule } from './use-schedule.ts';

export interface CaseProcess {
  schedule: Schedule | null;
  profile: ProcessProfile | null;
  roster: Roster | null;
  names: NameOf;
  events: TimelineEvent[] | null;
  zones: string[];
  error: ErrorInfo | null;
}

export function useCaseProcess(caseId: string): CaseProcess {
  const revision = useUi((ui) => ui.revision);
  const { schedule, error, zones } = useSchedule(caseId);
  const profiles = useQuery('process.profiles', {}, 0);
  const { roster, names } = useRoster();
  const events = useQuery('case.timeline', { id: caseId }, revision);
  const profile = schedule ? (profiles.value?.find((p) => p.id === schedule.profile.id) ?? null) : null;
  return {
    schedule,
    profile,
    roster,
    names,
    events: events.value,
    zones: schedule?.zones ?? zones,
    error: error ?? (events.status === 'error' ? events.error : null),
  };
}
