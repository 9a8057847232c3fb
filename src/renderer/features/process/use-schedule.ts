// The case's schedule read in UTC, local time and the zones the user added.
import type { Schedule } from '../../../shared/contract/index.ts';
import type { ErrorInfo } from '../../../shared/errors.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useUi } from '../../app/store.ts';
import { useZones } from './zone-store.ts';
import { displayZones, localZoneName } from './zones.ts';

export interface ScheduleQuery {
  schedule: Schedule | null;
  error: ErrorInfo | null;
  /** UTC, local, then the added zones: the order every time list follows. */
  zones: string[];
}

export function useSchedule(caseId: string): ScheduleQuery {
  const revision = useUi((ui) => ui.revision);
  const extraZones = useZones((state) => state.extraZones);
  const zones = displayZones(localZoneName(), extraZones);
  const query = useQuery('process.schedule', { id: caseId, zones: zones.filter((zone) => zone !== 'UTC') }, revision);
  return { schedule: query.value, error: query.status === 'error' ? query.error : null, zones };
}
