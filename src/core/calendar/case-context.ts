// What a Release Date check reads from the vault: the case and its process, the calendar, and
// every participant's zone (UTC, the profile's zones, then the case's people who carry one).
import type { CoreSession } from '../session.ts';
import { readCase } from '../cases/case-store.ts';
import { caseProfile } from '../process/case-process.ts';
import { readPeople } from '../people/store.ts';
import { readCalendar, sortedHolidays } from './store.ts';
import type { DateContext, Participant } from './check-date.ts';

export async function dateContext(
  session: CoreSession,
  input: { id: string; linuxDistros: boolean; noticeAt?: string | undefined },
): Promise<DateContext> {
  const document = await readCase(session.cases(), input.id);
  const fields = document.case;
  const profile = caseProfile(fields);
  const [calendar, people] = [await readCalendar(session), await readPeople(session)];
  const participants: Participant[] = [{ who: 'UTC', personId: null, zone: 'UTC' }];
  for (const zone of profile.zones) participants.push({ who: `the ${profile.title} process`, personId: null, zone });
  const caseRoles: [string | null, string][] = [
    [fields.people.fixLead, 'Fix Lead'],
    ...fields.people.fixTeam.map((id): [string, string] => [id, 'Fix Team']),
    ...fields.people.releaseManagers.map((id): [string, string] => [id, 'Release Manager']),
    [fields.people.reporter, 'reporter'],
  ];
  const seen = new Set<string>();
  for (const [id, role] of caseRoles) {
    const person = id ? people.people[id] : undefined;
    if (!person?.zone || seen.has(person.id)) continue;
    seen.add(person.id);
    participants.push({ who: `${person.name} (${role})`, personId: person.id, zone: person.zone });
  }
  return {
    profile,
    fields,
    state: document.process,
    settings: calendar.settings,
    holidays: sortedHolidays(calendar),
    participants,
    now: session.ports.now(),
    linuxDistros: input.linuxDistros,
    ...(input.noticeAt ? { plannedNoticeAt: input.noticeAt } : {}),
  };
}
