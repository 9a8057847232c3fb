// Per-member acknowledgements of the notices sent to the distributors list. Each encrypted
// export of a notice opens one, with every member it went to in state "no-answer"; the Fix
// Lead records each answer (acknowledged, tested with or without problems, not affected) with
// its date and a note, so "has not looked" never reads as "not affected". As the Release Date
// nears, the members who have not answered — or have acknowledged without reporting what they
// did with the patches, which the policy asks of them even when they found nothing — are the
// ones to remind.
import type { AckState, DistributorNotice, Reminder, Reminders } from '../../shared/contract/mail.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { actorName, mutateCase, readCase } from '../cases/case-store.ts';
import { readDistributors } from '../distributors/store.ts';
import { readPeople } from '../people/store.ts';
import type { CoreSession } from '../session.ts';
import { mailScope, mutateMail, readMail, type MailDocument } from './draft-store.ts';
import { readSettings } from './template-store.ts';

const HOUR = 3_600_000;
const ANSWERED_WITH_WORK: readonly AckState[] = ['tested-ok', 'tested-problems', 'not-affected'];

/** The next notice id of a case: N1, N2, … */
export function nextNoticeId(document: MailDocument): string {
  const numbers = document.notices.map((notice) => Number(notice.id.slice(1)));
  return `N${Math.max(0, ...numbers) + 1}`;
}

export function openNotice(
  document: MailDocument,
  fields: Omit<DistributorNotice, 'id' | 'members'>,
  members: { memberId: string; organisation: string }[],
): DistributorNotice {
  const existing = document.notices.find((notice) => notice.draftId === fields.draftId && notice.version === fields.version);
  // Exporting the same version again (one file per member after one for all) is the same send.
  if (existing) return existing;
  const notice: DistributorNotice = {
    id: nextNoticeId(document),
    ...fields,
    members: members.map(({ memberId, organisation }) => ({ memberId, organisation, state: 'no-answer', at: null, note: '', history: [] })),
  };
  document.notices.push(notice);
  return notice;
}

export async function listNotices(session: CoreSession, caseId: string): Promise<DistributorNotice[]> {
  return (await readMail(session, mailScope(session, caseId))).notices;
}

export async function recordAck(
  session: CoreSession,
  input: { caseId: string; notice: string; member: string; state: AckState; note: string; at?: string },
): Promise<DistributorNotice> {
  const scope = mailScope(session, input.caseId);
  const now = session.ports.now().toISOString();
  const at = input.at ? new Date(input.at).toISOString() : now;
  if (at > now) throw new EmbargoError('InvalidInput', `The answer's time (${at}) is in the future.`, { at });
  const by = actorName(session.cases());
  return mutateMail(
    session,
    scope,
    (document) => {
      const notice = document.notices.find((candidate) => candidate.id === input.notice);
      if (!notice) throw new EmbargoError('NotFound', `No notice ${input.notice} on ${input.caseId}.`, { what: 'notice', id: input.notice });
      const member = notice.members.find((candidate) => candidate.memberId === input.member);
      if (!member) throw new EmbargoError('NotFound', `Notice ${notice.id} was not sent to ${input.member}.`, { what: 'notice member', id: input.member });
      if (at < notice.sentAt) throw new EmbargoError('InvalidInput', `The answer's time (${at}) is before the notice was sent (${notice.sentAt}).`, { at });
      member.history.push({ state: input.state, at, note: input.note, recordedAt: now, recordedBy: by });
      member.state = input.state;
      member.at = input.state === 'no-answer' ? null : at;
      member.note = input.note;
      return structuredClone(notice);
    },
    async (notice) => {
      const member = notice.members.find((candidate) => candidate.memberId === input.member)!;
      await mutateCase(
        session.cases(),
        input.caseId,
        (fields) => fields,
        () => [{ type: 'mail.ack-recorded', data: { notice: notice.id, member: member.memberId, organisation: member.organisation, state: input.state, at, note: input.note } }],
      );
    },
  );
}

export interface ReminderOptions {
  withinHours?: number;
  quietHours?: number;
}

/** Who to remind now; pure, from the notices, the case's Release Date and the people's addresses. */
export function remindersFrom(
  notices: readonly DistributorNotice[],
  releaseDate: string | null,
  now: Date,
  withinHours: number,
  quietHours: number,
  contactsOf: (memberId: string) => string[],
): Reminder[] {
  const hoursToRelease = releaseDate ? (Date.parse(releaseDate) - now.getTime()) / HOUR : null;
  if (hoursToRelease !== null && hoursToRelease <= 0) return [];
  const byMember = new Map<string, { notice: DistributorNotice; state: AckState }>();
  const reported = new Set<string>();
  for (const notice of notices) {
    for (const member of notice.members) {
      if (ANSWERED_WITH_WORK.includes(member.state)) reported.add(member.memberId);
      const previous = byMember.get(member.memberId);
      const state = previous && previous.state === 'acknowledged' ? 'acknowledged' : member.state;
      byMember.set(member.memberId, { notice, state });
    }
  }
  const reminders: Reminder[] = [];
  for (const [memberId, { notice, state }] of byMember) {
    if (reported.has(memberId)) continue;
    const member = notice.members.find((candidate) => candidate.memberId === memberId)!;
    const releaseNear = hoursToRelease !== null && hoursToRelease <= withinHours;
    const quiet = (now.getTime() - Date.parse(notice.sentAt)) / HOUR >= quietHours;
    if (!releaseNear && !quiet) continue;
    reminders.push({
      noticeId: notice.id,
      memberId,
      organisation: member.organisation,
      state,
      sentAt: notice.sentAt,
      reason: state === 'acknowledged' ? 'no-work-reported' : 'no-answer',
      why: releaseNear ? 'release-near' : 'quiet-too-long',
      contacts: contactsOf(memberId),
    });
  }
  return reminders.sort((a, b) => a.organisation.localeCompare(b.organisation));
}

export async function reminders(session: CoreSession, caseId: string, options: ReminderOptions = {}): Promise<Reminders> {
  const settings = await readSettings(session);
  const withinHours = options.withinHours ?? settings.reminderWithinHours;
  const quietHours = options.quietHours ?? settings.reminderQuietHours;
  const now = session.ports.now();
  const releaseDate = (await readCase(session.cases(), caseId)).case.releaseDate;
  const notices = await listNotices(session, caseId);
  const [distributors, people] = [await readDistributors(session), await readPeople(session)];
  const contactsOf = (memberId: string) =>
    (distributors.members[memberId]?.contacts ?? []).flatMap((personId) => {
      const email = people.people[personId]?.emails[0];
      return email ? [email] : [];
    });
  return {
    caseId,
    now: now.toISOString(),
    releaseDate,
    hoursToRelease: releaseDate ? Math.round(((Date.parse(releaseDate) - now.getTime()) / HOUR) * 10) / 10 : null,
    withinHours,
    quietHours,
    reminders: remindersFrom(notices, releaseDate, now, withinHours, quietHours, contactsOf),
  };
}
