// Between a shared case's local document (the existing case store, unchanged) and its team
// history: local timeline events since the cursor become this member's team events; the other
// members' events are appended to the local timeline (with their own time, their author's
// member name and `data.team` naming the team event), and the fields the merged history
// leaves are written with one `team.synced` event. Events the team wrote back are never
// exported again (the cursor moves past them, and anything marked `data.team` is skipped).
import type { TimelineEvent } from '../../shared/contract/index.ts';
import type { CaseContext, EventDraft } from '../cases/case-store.ts';
import { mutateCase, readCase, syncIndexEntry } from '../cases/case-store.ts';
import { createCase } from '../cases/create-case.ts';
import type { CaseFields } from '../vault/documents.ts';
import { foldCase, headsOf, makeTeamEvent, mergeLogs, type TeamEvent } from './team-events.ts';
import type { TeamMember } from './membership.ts';
import type { TeamCase } from './team-store.ts';

export const SYNCED_EVENT = 'team.synced';
/** Fields the team history owns; the local document keeps its own id and timestamps. */
const LOCAL_ONLY = new Set(['id', 'createdAt', 'updatedAt']);

/** The team event a local timeline event came from, when it arrived by sync. */
export function importedFrom(event: TimelineEvent): string | null {
  const team = (event.data as { team?: { id?: unknown } }).team;
  return team && typeof team.id === 'string' ? team.id : null;
}

export function allLogs(teamCase: TeamCase): TeamEvent[][] {
  return [teamCase.own, ...Object.values(teamCase.others)];
}

/** Turns local events after the cursor into our team events, built on the heads we last saw. */
export async function exportLocalEvents(context: CaseContext, teamCase: TeamCase, me: string): Promise<TeamCase> {
  if (!teamCase.localCaseId) return teamCase;
  const document = await readCase(context, teamCase.localCaseId);
  const fresh = document.events.slice(teamCase.cursor).filter((event) => event.type !== SYNCED_EVENT && importedFrom(event) === null);
  if (fresh.length === 0) return { ...teamCase, cursor: document.events.length };
  let parents = headsOf(mergeLogs(allLogs(teamCase)));
  const own = [...teamCase.own];
  for (const event of fresh) {
    const next = makeTeamEvent(teamCase.tag, { author: me, counter: own.length + 1, parents, at: event.at, type: event.type, data: event.data });
    own.push(next);
    parents = [next.id];
  }
  return { ...teamCase, own, cursor: document.events.length };
}

/**
 * Writes the merged state into the local case (creating it the first time), and returns the
 * case with its cursor past what was written. Only what differs is written.
 */
/**
 * The other members' events the local timeline lacks, in merged order. The local case has
 * its own `case.opened` (made here when the case was materialised), so the opener's is not
 * repeated; this member's own events are already there.
 */
function arrivals(ordered: readonly TeamEvent[], teamCase: TeamCase, local: readonly TimelineEvent[], members: readonly Pick<TeamMember, 'memberId' | 'name'>[]): EventDraft[] {
  const present = new Set(local.map(importedFrom).filter((id): id is string => id !== null));
  const own = new Set(teamCase.own.map((event) => event.id));
  const nameOf = (memberId: string): string => members.find((member) => member.memberId === memberId)?.name ?? `member ${memberId.slice(0, 8)}`;
  return ordered
    .filter((event) => event.type !== 'case.opened' && !own.has(event.id) && !present.has(event.id))
    .map((event) => ({ at: event.at, actor: nameOf(event.author), type: event.type, data: { ...event.data, team: { id: event.id, author: event.author } } }));
}

export async function materializeCase(
  context: CaseContext,
  teamCase: TeamCase,
  members: readonly Pick<TeamMember, 'memberId' | 'name'>[] = [],
): Promise<{ teamCase: TeamCase; changed: boolean }> {
  const ordered = mergeLogs(allLogs(teamCase));
  const folded = foldCase(ordered);
  const head = ordered.at(-1)?.id ?? null;
  let localCaseId = teamCase.localCaseId;
  if (!localCaseId) {
    const opened = ordered.find((event) => event.type === 'case.opened');
    if (!opened) return { teamCase, changed: false };
    const profile = (opened.data.profile as { id?: string } | undefined)?.id ?? 'kubernetes-current';
    const record = await createCase(context, {
      title: String(opened.data.title),
      kind: opened.data.kind as CaseFields['kind'],
      disclosedAt: String(opened.data.disclosedAt),
      profile,
    });
    localCaseId = record.id;
  }
  const document = await readCase(context, localCaseId);
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(folded.fields)) {
    if (LOCAL_ONLY.has(field) || value === undefined) continue;
    if (JSON.stringify((document.case as Record<string, unknown>)[field]) !== JSON.stringify(value)) changes[field] = value;
  }
  const handoffsChanged = JSON.stringify(document.process.handoffs) !== JSON.stringify(folded.handoffs);
  const arrived = arrivals(ordered, teamCase, document.events, members);
  let changed = false;
  if (Object.keys(changes).length > 0 || handoffsChanged || arrived.length > 0) {
    const synced: EventDraft = { type: SYNCED_EVENT, data: { head, fields: Object.keys(changes).sort(), conflicts: folded.conflicts.map((c) => c.field) } };
    const { record } = await mutateCase(
      context,
      localCaseId,
      (fields) => ({ ...fields, ...changes }) as CaseFields,
      () => [...arrived, synced],
      (process) => ({ ...process, handoffs: folded.handoffs }),
    );
    await syncIndexEntry(context, record);
    changed = true;
  }
  const after = await readCase(context, localCaseId);
  return { teamCase: { ...teamCase, localCaseId, cursor: after.events.length }, changed };
}
