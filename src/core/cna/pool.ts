// The vault's pool of reserved CVE IDs. The pool holds the IDs the user reserved (typed in from
// the CNA portal or `cve reserve`); which case carries one is not stored twice: it is read from
// the cases themselves (the index lists each case's CVE ID), so the pool can never disagree
// with the cases. An ID no case carries at year end goes on the reject list.
import type { CvePoolEntry } from '../../shared/contract/cna.ts';
import { CVE_ID_PATTERN } from '../../shared/contract/cna.ts';
import type { CaseRecord } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { mutateCase, readCase, syncIndexEntry, toRecord } from '../cases/case-store.ts';
import { mutateDocument, readDocument, type DocumentSpec } from '../keyring/vault-document.ts';
import type { CoreSession } from '../session.ts';

interface CvePoolDocument {
  schemaVersion: number;
  ids: Record<string, { addedAt: string }>;
}

const CVE_POOL_DOCUMENT: DocumentSpec<CvePoolDocument> = {
  name: 'cve-pool',
  initial: () => ({ schemaVersion: 1, ids: {} }),
};

/** At most this many IDs in one range (a CNA reserves blocks of tens, not millions). */
export const MAX_RANGE = 1000;

function invalidEntry(entry: string, reason: string): EmbargoError {
  return new EmbargoError('InvalidInput', `"${entry.slice(0, 100)}" is not a CVE ID or range: ${reason}.`, { field: 'entries', entry: entry.slice(0, 100), reason });
}

/** The year and sequence of an ID, which the schema's pattern has already checked. */
function partsOf(id: string): { year: string; sequence: string } {
  const [, year, sequence] = id.split('-') as [string, string, string];
  return { year, sequence };
}

/**
 * One pool entry: an ID, or a range "CVE-2026-1234..CVE-2026-1240" or "CVE-2026-1234..1240"
 * (both ends inside, the same year, the same number of digits or more). Every ID is checked
 * against the schema's own pattern, ^CVE-[0-9]{4}-[0-9]{4,19}$.
 */
export function parsePoolEntry(raw: string): string[] {
  const entry = raw.trim();
  const dots = entry.indexOf('..');
  if (dots < 0) {
    if (!CVE_ID_PATTERN.test(entry)) throw invalidEntry(raw, 'a CVE ID is CVE-YYYY-NNNN, with 4 to 19 digits after the year');
    return [entry];
  }
  const from = entry.slice(0, dots).trim();
  let to = entry.slice(dots + 2).trim();
  if (!CVE_ID_PATTERN.test(from)) throw invalidEntry(raw, `the start ${from.slice(0, 40)} is not a CVE ID`);
  const start = partsOf(from);
  if (/^[0-9]{1,19}$/.test(to)) to = `CVE-${start.year}-${to.padStart(start.sequence.length, '0')}`;
  if (!CVE_ID_PATTERN.test(to)) throw invalidEntry(raw, `the end ${to.slice(0, 40)} is not a CVE ID or a number`);
  const end = partsOf(to);
  if (end.year !== start.year) throw invalidEntry(raw, 'a range stays within one year');
  const first = BigInt(start.sequence);
  const last = BigInt(end.sequence);
  if (last < first) throw invalidEntry(raw, 'the range ends before it starts');
  if (last - first >= BigInt(MAX_RANGE)) throw invalidEntry(raw, `a range holds at most ${MAX_RANGE} IDs`);
  const ids: string[] = [];
  for (let n = first; n <= last; n += 1n) {
    // keep the start's zero padding ("CVE-2026-0001..0003"), at least four digits
    const id = `CVE-${start.year}-${n.toString().padStart(Math.max(4, start.sequence.length), '0')}`;
    if (!CVE_ID_PATTERN.test(id)) throw invalidEntry(raw, `${id} would have more than 19 digits`);
    ids.push(id);
  }
  return ids;
}

/** Every entry parsed before anything is stored: one bad entry adds nothing. */
export function parsePoolEntries(entries: readonly string[]): string[] {
  const ids: string[] = [];
  for (const entry of entries) ids.push(...parsePoolEntry(entry));
  if (ids.length > MAX_RANGE * 10) throw new EmbargoError('InputTooLarge', `At most ${MAX_RANGE * 10} IDs at once.`, { field: 'entries' });
  return [...new Set(ids)];
}

function compareIds(a: string, b: string): number {
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (pa.year !== pb.year) return pa.year < pb.year ? -1 : 1;
  const na = BigInt(pa.sequence);
  const nb = BigInt(pb.sequence);
  return na === nb ? a.localeCompare(b) : na < nb ? -1 : 1;
}

export async function addToPool(session: CoreSession, entries: readonly string[]): Promise<{ added: string[]; alreadyInPool: string[] }> {
  const ids = parsePoolEntries(entries);
  const at = session.ports.now().toISOString();
  return mutateDocument(session, CVE_POOL_DOCUMENT, (draft) => {
    const added: string[] = [];
    const alreadyInPool: string[] = [];
    for (const id of ids) {
      if (draft.ids[id]) alreadyInPool.push(id);
      else {
        draft.ids[id] = { addedAt: at };
        added.push(id);
      }
    }
    return { added: added.sort(compareIds), alreadyInPool: alreadyInPool.sort(compareIds) };
  });
}

/** CVE ID → the case carrying it, from the index. */
function carriers(session: CoreSession): Map<string, string> {
  const map = new Map<string, string>();
  const cases = Object.entries(session.vault().index.data.cases).sort(([a], [b]) => a.localeCompare(b));
  for (const [caseId, entry] of cases) if (entry.cve && !map.has(entry.cve)) map.set(entry.cve, caseId);
  return map;
}

export async function listPool(session: CoreSession, filter: { year?: number; unused?: boolean }): Promise<CvePoolEntry[]> {
  const document = await readDocument(session, CVE_POOL_DOCUMENT);
  const carried = carriers(session);
  return Object.entries(document.ids)
    .map(([cve, { addedAt }]) => ({ cve, year: Number(partsOf(cve).year), addedAt, assignedTo: carried.get(cve) ?? null }))
    .filter((entry) => (filter.year === undefined || entry.year === filter.year) && (!filter.unused || entry.assignedTo === null))
    .sort((a, b) => compareIds(a.cve, b.cve));
}

export async function assignCve(session: CoreSession, caseId: string, requested: string | undefined): Promise<CaseRecord> {
  const context = session.cases();
  // the pool and the cases are read and changed under one lock, so two assignments never pick the same ID
  return session.mutex.run('cve-pool-assign', async () => {
    const current = toRecord(await readCase(context, caseId));
    if (current.cve !== null) {
      throw new EmbargoError('Conflict', `${caseId} already has ${current.cve}; a case carries one CVE ID.`, { id: caseId, cve: current.cve });
    }
    const pool = await listPool(session, {});
    let chosen: CvePoolEntry | undefined;
    if (requested !== undefined) {
      chosen = pool.find((entry) => entry.cve === requested);
      if (!chosen) throw new EmbargoError('NotFound', `${requested} is not in the pool; add it first with "embargo cve pool add ${requested}".`, { what: 'cve', cve: requested });
      if (chosen.assignedTo !== null) throw new EmbargoError('Conflict', `${requested} is already assigned to ${chosen.assignedTo}.`, { cve: requested, assignedTo: chosen.assignedTo });
    } else {
      const year = session.ports.now().getUTCFullYear();
      chosen = pool.find((entry) => entry.year === year && entry.assignedTo === null);
      if (!chosen) throw new EmbargoError('NotFound', `The pool has no unused CVE ID of ${year}; reserve some and add them with "embargo cve pool add".`, { what: 'cve', year });
    }
    const cve = chosen.cve;
    const { record } = await mutateCase(
      context,
      caseId,
      (fields) => ({ ...fields, cve }),
      (before) => [
        { type: 'case.field-changed', data: { field: 'cve', from: before.cve, to: cve } },
        { type: 'cve.assigned', data: { cve, from: 'pool' } },
      ],
    );
    await syncIndexEntry(context, record);
    return record;
  });
}
