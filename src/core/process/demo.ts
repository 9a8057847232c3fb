// The demo: an empty vault gets a fictional PST roster and one fictional case in mid-flight,
// eight days after Disclosure, so a new user can look around — the Fix Team organised, the fix
// LGTMed, the forthcoming-fix email sent, distributors notified, a leak decided, a Release Date
// ahead, and one step overdue. The case is built through the same operations a Fix Lead uses,
// on a clock that walks through those eight days, so its timeline is a real, verifiable chain.
// Everything in it is invented; the title says DEMO.
import type { CaseRecord } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { readCase, toRecord, type CaseContext } from '../cases/case-store.ts';
import { createCase } from '../cases/create-case.ts';
import { addNote, editCase } from '../cases/edit-case.ts';
import { scoreCvssCall } from '../cvss/index.ts';
import { tickItem } from './checklist.ts';
import { decideLeak, recordLeak } from './leaks.ts';
import { addMember, addMinor, addReleaseManager, deprecateMinor, readRoster, takeFixLead, updateMember } from './roster.ts';
import { proposeFixLead } from './rotation.ts';
import { isoWeekdayUtc } from './time.ts';
import type { CoreSession } from '../session.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEMO_CVSS_VECTOR = 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N';

/** A clock the demo moves forward step by step; the case's events carry these times. */
function walkingContext(context: CaseContext, start: number): { context: CaseContext; at(ms: number): void } {
  let current = start;
  return {
    context: { ...context, ports: { ...context.ports, now: () => new Date(current) } },
    at: (ms) => {
      current = ms;
    },
  };
}

/** 16:00 UTC on the first Tuesday, Wednesday or Thursday at or after `from`. */
function releaseDateFrom(from: number): string {
  let day = new Date(from);
  day.setUTCHours(16, 0, 0, 0);
  while (![2, 3, 4].includes(isoWeekdayUtc(day.toISOString()))) day = new Date(day.getTime() + DAY);
  return day.toISOString();
}

function scoreIfAvailable(vector: string): boolean {
  try {
    scoreCvssCall(vector);
    return true;
  } catch {
    return false;
  }
}

/**
 * With `session`, the demo also fills the workspace, the keyring, the distributors list and the
 * mail (demo-showcase.ts), each at its moment in the eight days.
 */
export async function createDemoCase(context: CaseContext, session?: CoreSession): Promise<{ case: CaseRecord; omitted: string[] }> {
  if (Object.keys(context.vault.index.data.cases).length > 0) {
    throw new EmbargoError('Conflict', 'The demo goes into an empty vault only; this vault already holds cases.', {});
  }
  const existing = await readRoster(context);
  if (existing.members.length > 0 || existing.minors.length > 0) {
    throw new EmbargoError('Conflict', 'The demo goes into an empty vault only; this vault already has a roster.', {});
  }
  const realNow = context.ports.now().getTime();
  const disclosure = Math.floor((realNow - 8 * DAY) / HOUR) * HOUR + 17 * 60_000;
  const clock = walkingContext(context, disclosure - 200 * DAY);
  const demo = clock.context;
  const omitted: string[] = [];

  // The roster, as it stood long before this case.
  await addMember(demo, { name: 'Ada Reyes', contact: 'ada.reyes@example.org', fingerprint: null });
  const bjorn = await addMember(demo, { name: 'Björn Lindqvist', contact: 'bjorn@example.net', fingerprint: null });
  const chiara = await addMember(demo, { name: 'Chiara Bellini', contact: 'chiara.bellini@example.com', fingerprint: null });
  await addMember(demo, { name: 'Dmitri Volkov', contact: 'dvolkov@example.org', fingerprint: null });
  await updateMember(demo, bjorn.id, { available: false, note: 'parental leave until next quarter' });
  await addMinor(demo, '1.30');
  for (const minor of ['1.31', '1.32', '1.33']) await addMinor(demo, minor);
  await addReleaseManager(demo, { minor: '1.30', name: 'Femi Adeyemi', contact: 'femi@example.org', fingerprint: null });
  const rm31 = await addReleaseManager(demo, { minor: '1.31', name: 'Grace Okafor', contact: 'grace@example.org', fingerprint: null });
  const rm32 = await addReleaseManager(demo, { minor: '1.32', name: 'Hiro Tanaka', contact: 'hiro@example.com', fingerprint: null });
  const rm33 = await addReleaseManager(demo, { minor: '1.33', name: 'Ines Duarte', contact: 'ines@example.net', fingerprint: null });
  clock.at(disclosure - 30 * DAY);
  await deprecateMinor(demo, '1.30');

  // Day 0: the report arrives and the case opens; the rotation's proposal takes the lead.
  const t = (offset: number) => clock.at(disclosure + offset);
  t(40 * 60_000);
  const opened = await createCase(demo, {
    title: '[DEMO] widget-controller: a crafted Widget spec lets a namespace admin read Secrets of other namespaces',
    disclosedAt: new Date(disclosure).toISOString(),
    kind: 'private',
    profile: 'kubernetes-2017',
  });
  const id = opened.id;
  const proposal = proposeFixLead(await readRoster(demo));
  const lead = proposal.proposed ?? chiara;
  t(1 * HOUR);
  await takeFixLead(demo, id, lead.id);
  await editCase(demo, id, {
    summary: 'A namespace admin can read Secrets of other namespaces through the Widget status subresource.',
    description:
      'FICTIONAL DEMO. widget-controller copies referenced Secrets into Widget status without checking that the Secret lives in the Widget\'s namespace. A user allowed to create Widgets in one namespace can read any Secret in the cluster.',
    affected: [
      { product: 'widget-controller', range: '>=1.31.0 <1.31.6' },
      { product: 'widget-controller', range: '>=1.32.0 <1.32.3' },
      { product: 'widget-controller', range: '>=1.33.0 <1.33.1' },
    ],
    people: {
      fixLead: lead.id,
      fixTeam: ['Jonas Weber (widget-controller OWNERS)', 'Kemal Aydin (sig-auth)'],
      releaseManagers: [rm31.id, rm32.id, rm33.id],
      reporter: 'Lena Novak (fictional researcher)',
    },
    embargo: {
      deployBeforeRelease: false,
      patchUnderEmbargo: true,
      hostedServiceExceptions: 'Hosted providers may deploy the patched build 24 hours before the Release Date without announcing it.',
    },
    links: [{ label: 'PR that introduced the issue (fictional)', url: 'https://git.example.org/widgets/widget-controller/pull/4711' }],
  });
  t(3 * HOUR);
  await tickItem(demo, id, { item: 'identify-fix-team', note: 'CCed the OWNERS of pkg/controller/widget and sig-auth.', evidence: [] });
  t(5 * HOUR);
  await tickItem(demo, id, { item: 'grant-private-repo', note: 'Access to the private security fork granted.', evidence: [] });

  // Days 1–5: reproduction, the CVSS call, the fix.
  t(1 * DAY + 2 * HOUR);
  await addNote(demo, id, 'Reproduced on 1.32.2 with a two-namespace kind cluster; 1.30 is not affected (feature added in 1.31).');
  const scored = scoreIfAvailable(DEMO_CVSS_VECTOR);
  if (scored) {
    t(2 * DAY);
    await editCase(demo, id, { cvssVector: DEMO_CVSS_VECTOR });
    await tickItem(demo, id, { item: 'cvss-call', note: 'Scored with the Fix Team; scope changed because Secrets of other tenants are exposed.', evidence: [] });
  } else {
    omitted.push('cvss');
  }
  const showcase = session ? await import('./demo-showcase.ts') : null;
  if (session && showcase) {
    t(3 * DAY);
    await showcase.demoWorkspace(session, demo, id, (hours) => clock.at(demo.ports.now().getTime() + hours * HOUR));
  }
  t(5 * DAY + 3 * HOUR);
  await tickItem(demo, id, {
    item: 'fix-branch-lgtm',
    by: 'Jonas Weber (widget-controller OWNERS)',
    note: 'Three commits, each LGTMed by an OWNERS assignee.',
    evidence: ['https://git.example.org/security/widget-controller/pull/12'],
  });

  // Days 5–7: the Release Date, the forthcoming-fix email, the distributors.
  t(5 * DAY + 5 * HOUR);
  const releaseDate = releaseDateFrom(disclosure + 13 * DAY);
  await editCase(demo, id, { releaseDate });
  t(6 * DAY + 1 * HOUR);
  await tickItem(demo, id, { item: 'announce-forthcoming-fix', note: `Announced the Release Date ${releaseDate}.`, evidence: [] });
  if (!scored) {
    // Without a CVSS call the overdue step is the call itself; keep it the only one.
    await tickItem(demo, id, { item: 'mitigating-steps', note: 'Mitigation: deny Widget create to namespace admins.', evidence: [] });
  }
  t(6 * DAY + 2 * HOUR);
  await tickItem(demo, id, { item: 'distributors-determination', note: 'Privilege escalation across namespaces: distributors get the patches early.', evidence: [] });
  let notice: string | null = null;
  let members: string[] = [];
  if (session && showcase) {
    t(6 * DAY + 3 * HOUR);
    members = await showcase.demoDistributors(session, demo, { name: lead.name, email: lead.contact });
    t(6 * DAY + 3 * HOUR + 30 * 60_000);
    notice = await showcase.demoNotice(session, demo, id);
  }
  t(6 * DAY + 4 * HOUR);
  await tickItem(demo, id, { item: 'email-distributors', note: 'Patches for 1.31, 1.32 and 1.33, encrypted to every member.', evidence: [] });

  if (session && showcase) {
    t(7 * DAY + 2 * HOUR);
    await showcase.demoAnswers(session, demo, id, notice, members);
  }

  // Day 7: a distributor leaks; the Fix Lead continues with the plan.
  t(7 * DAY + 4 * HOUR);
  const { leak } = await recordLeak(demo, id, {
    what: 'the patch for 1.32',
    toWhom: "a contractor's QA mailing list outside the need-to-know team",
    when: new Date(disclosure + 7 * DAY + 1 * HOUR).toISOString(),
    reportedBy: 'Example Linux security team',
    distributor: 'Example Linux',
  });
  t(7 * DAY + 6 * HOUR);
  await decideLeak(demo, id, {
    leak: leak.id,
    choice: 'continue',
    reason: 'The list is internal to the contractor, the patch carries no description, and the recipients confirmed deletion; keep the Release Date.',
  });

  return { case: toRecord(await readCase(context, id)), omitted };
}
