// Everything a template may draw on, loaded once per render: the case and its schedule, the
// roster and people, the distributors list, the workspace's patch series names, the leak,
// handoff, membership request or member the draft is about, and the mail settings.
import type { DistributorMember, MembershipRequest } from '../../shared/contract/distributors.ts';
import type { DistributorNotice, DraftContext, Mailbox, MailSettings } from '../../shared/contract/mail.ts';
import type { DecisionRecord, HandoffRecord, LeakRecord, Schedule } from '../../shared/contract/process.ts';
import type { Roster } from '../../shared/contract/roster.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { readCase } from '../cases/case-store.ts';
import { readDistributors, requireMember, requireRequest, type DistributorsDocument } from '../distributors/store.ts';
import { describeEntry } from '../keyring/list-keys.ts';
import { readKeyring } from '../keyring/store.ts';
import { readPeople, type PeopleDocument } from '../people/store.ts';
import { documentSchedule } from '../process/case-process.ts';
import { displayZones } from '../process/time.ts';
import { caseProfile } from '../process/case-process.ts';
import { readRoster } from '../process/roster.ts';
import type { CoreSession } from '../session.ts';
import type { CaseDocument } from '../vault/documents.ts';
import { STATE_BLOB } from '../workspace/case-workspace.ts';
import { parseState } from '../workspace/store/state.ts';
import { cveNumberPart, releaseLabel } from '../workspace/export-patches.ts';
import { readRefresh } from '../workspace/refresh-store.ts';
import { addressesIn, buildDirectory, type Directory } from './directory.ts';
import { readTemplate, readSettings } from './template-store.ts';

export interface MailContext {
  now: Date;
  settings: MailSettings;
  sender: Mailbox | null;
  document: CaseDocument | null;
  schedule: Schedule | null;
  /** UTC first, then the zones of the case's profile ("9 AM PT"). */
  zones: string[];
  roster: Roster;
  people: PeopleDocument;
  distributors: DistributorsDocument;
  directory: Directory;
  /** The patch series file names per branch; null when the case has no release branches yet. */
  patchFiles: { branch: string; name: string }[] | null;
  /** The interdiff of the last workspace refresh (the upstream moved); null when there was none. */
  interdiff: string | null;
  leak: LeakRecord | null;
  leakDecision: DecisionRecord | null;
  handoff: HandoffRecord | null;
  request: MembershipRequest | null;
  member: DistributorMember | null;
  latestNotice: DistributorNotice | null;
  /** The advisory's body as this vault has it (the second notice and the oss-security copy quote it). */
  advisoryBody: string;
}

/** The Fix Lead's address: the settings, else the own key's primary user ID. */
async function senderOf(session: CoreSession, settings: MailSettings, now: Date): Promise<Mailbox | null> {
  if (settings.from) return settings.from;
  const keyring = await readKeyring(session);
  const entry = keyring.ownFingerprint ? keyring.keys[keyring.ownFingerprint] : undefined;
  if (!entry) return null;
  const info = await describeEntry(keyring, entry, now);
  const userId = info.primaryUserId ?? info.userIds[0] ?? '';
  const address = info.emails[0] ?? addressesIn(userId)[0];
  if (!address) return null;
  return { name: userId.replace(/\s*<[^>]*>\s*$/, '').trim(), address };
}

/**
 * The patch file names the workspace would export, from its state alone: no patch is
 * formatted and the upstream repository is not opened (it may sit on a disk not mounted now).
 */
export async function patchFileNames(session: CoreSession, document: CaseDocument): Promise<{ branch: string; name: string }[] | null> {
  const caseId = document.case.id;
  const vault = session.vault();
  const state = await vault
    .getBlob(caseId, STATE_BLOB, vault.caseKey(caseId))
    .then(parseState)
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
  const branches = (state?.branches ?? []).filter((branch) => branch.kind !== 'fix');
  if (branches.length === 0) return null;
  return branches.map((branch) => ({ branch: branch.name, name: `${cveNumberPart(document.case.cve, caseId)}_${releaseLabel(branch.name)}.patch` }));
}

function pickLeak(document: CaseDocument | null, id: string | undefined): LeakRecord | null {
  if (!document) return null;
  const leaks = document.process.leaks;
  if (id === undefined) return leaks[leaks.length - 1] ?? null;
  const leak = leaks.find((candidate) => candidate.id === id);
  if (!leak) throw new EmbargoError('NotFound', `No leak ${id} on ${document.case.id}.`, { what: 'leak', id });
  return leak;
}

function pickHandoff(document: CaseDocument | null, id: string | undefined): HandoffRecord | null {
  if (!document) return null;
  const handoffs = document.process.handoffs;
  if (id !== undefined) {
    const handoff = handoffs.find((candidate) => candidate.id === id);
    if (!handoff) throw new EmbargoError('NotFound', `No handoff ${id} on ${document.case.id}.`, { what: 'handoff', id });
    return handoff;
  }
  return handoffs.find((candidate) => candidate.state === 'pending') ?? handoffs[handoffs.length - 1] ?? null;
}

export async function loadMailContext(
  session: CoreSession,
  caseId: string | null,
  context: DraftContext,
  notices: readonly DistributorNotice[],
): Promise<MailContext> {
  const now = session.ports.now();
  const settings = await readSettings(session);
  const document = caseId === null ? null : structuredClone(await readCase(session.cases(), caseId));
  const [roster, people, distributors] = [await readRoster(session.cases()), await readPeople(session), await readDistributors(session)];
  const zones = document ? displayZones(caseProfile(document.case).zones) : ['UTC'];
  const leak = pickLeak(document, context.leakId);
  return {
    now,
    settings,
    sender: await senderOf(session, settings, now),
    document,
    schedule: document ? documentSchedule(document, now, zones) : null,
    zones,
    roster,
    people,
    distributors,
    directory: buildDirectory(roster, people),
    patchFiles: document ? await patchFileNames(session, document) : null,
    interdiff: document ? ((await readRefresh(session.vault(), document.case.id))?.interdiff ?? null) : null,
    leak,
    leakDecision: leak?.decisionId ? (document?.process.decisions.find((decision) => decision.id === leak.decisionId) ?? null) : null,
    handoff: pickHandoff(document, context.handoffId),
    request: context.requestId ? requireRequest(distributors, context.requestId) : null,
    member: context.memberId ? requireMember(distributors, context.memberId) : null,
    latestNotice: notices[notices.length - 1] ?? null,
    advisoryBody: (await readTemplate(session, 'security-advisory')).body,
  };
}
