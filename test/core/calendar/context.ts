// A Release Date check context built from the pure process fixtures.
import type { Holiday } from '../../../src/shared/contract/calendar.ts';
import type { ProcessState } from '../../../src/shared/contract/process.ts';
import { emptyProcessState } from '../../../src/shared/contract/process.ts';
import { profileFor } from '../../../src/core/process/profiles/index.ts';
import { DEFAULT_CALENDAR_SETTINGS } from '../../../src/core/calendar/store.ts';
import type { DateContext, Participant } from '../../../src/core/calendar/check-date.ts';
import type { CaseFields } from '../../../src/core/vault/documents.ts';
import { D, fields } from '../process/fixtures.ts';

export function context(overrides: Partial<DateContext> & { caseFields?: CaseFields; profileId?: string; state?: ProcessState } = {}): DateContext {
  const caseFields = overrides.caseFields ?? fields({}, overrides.profileId ?? 'kubernetes-current');
  const { caseFields: _f, profileId: _p, ...rest } = overrides;
  return {
    profile: profileFor(caseFields.profile.id, caseFields.profile.version),
    fields: caseFields,
    state: overrides.state ?? emptyProcessState(),
    settings: { ...DEFAULT_CALENDAR_SETTINGS },
    holidays: [] as Holiday[],
    participants: [{ who: 'UTC', personId: null, zone: 'UTC' }] as Participant[],
    now: new Date(D),
    linuxDistros: false,
    ...rest,
  };
}

export const holidayOn = (date: string, zones: string[] = [], name = 'Holiday'): Holiday => ({ id: `holiday-${date.replaceAll('-', '')}`, date, name, zones, source: 'typed' });
