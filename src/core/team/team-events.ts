// Team case history: each member appends its own events to its own log (counter 1, 2, …);
// every event names as parents the heads it had seen, so the union of all logs is a DAG.
// Every member orders that DAG the same way (topologically, ties by time then id) and chains
// the result like a local timeline, so "converged" means "the same chain head". A field that
// two members set without one seeing the other is a visible conflict until an event that has
// seen both (a decision) sets it again.
import type { HandoffRecord, TimelineEvent } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { chainEvent } from '../timeline/chain.ts';
import { canonicalJson, sha256Hex } from './team-crypto.ts';

export interface TeamEvent {
  id: string;
  author: string;
  counter: number;
  parents: string[];
  at: string;
  type: string;
  data: Record<string, unknown>;
}

export interface FieldConflict {
  field: string;
  candidates: { eventId: string; author: string; value: unknown }[];
}

export function teamEventId(tag: string, event: Omit<TeamEvent, 'id'>): string {
  const { author, counter, parents, at, type, data } = event;
  return sha256Hex(canonicalJson({ tag, author, counter, parents: [...parents].sort(), at, type, data }));
}

export function makeTeamEvent(tag: string, unhashed: Omit<TeamEvent, 'id'>): TeamEvent {
  const data = JSON.parse(JSON.stringify(unhashed.data)) as Record<string, unknown>;
  const event = { ...unhashed, parents: [...unhashed.parents].sort(), data };
  return { ...event, id: teamEventId(tag, event) };
}

/** A member's log as read from the remote: its own events, numbered 1…n, each hashing right. */
export function checkMemberLog(tag: string, author: string, log: unknown): TeamEvent[] {
  const bad = (why: string): never => {
    throw new EmbargoError('RemoteTampered', `A member's case log in the remote is invalid (${why}): refused.`, { author });
  };
  if (!Array.isArray(log)) bad('not a list');
  const events = log as TeamEvent[];
  events.forEach((event, index) => {
    if (!event || typeof event !== 'object' || event.author !== author || event.counter !== index + 1) bad(`event ${index + 1} is out of place`);
    if (!Array.isArray(event.parents) || typeof event.type !== 'string' || typeof event.at !== 'string' || !event.data || typeof event.data !== 'object') bad(`event ${index + 1} is malformed`);
    if (teamEventId(tag, event) !== event.id) bad(`event ${index + 1} was altered`);
  });
  return events;
}

/** Every event of every log in the one order all members compute; orphans wait for their parents. */
export function mergeLogs(logs: readonly (readonly TeamEvent[])[]): TeamEvent[] {
  const byId = new Map<string, TeamEvent>();
  for (const log of logs) for (const event of log) byId.set(event.id, event);
  const waiting = new Map<string, number>();
  const children = new Map<string, string[]>();
  const ready: TeamEvent[] = [];
  for (const event of byId.values()) {
    const missing = event.parents.filter((parent) => !byId.has(parent));
    if (missing.length > 0) continue;
    waiting.set(event.id, event.parents.length);
    for (const parent of event.parents) children.set(parent, [...(children.get(parent) ?? []), event.id]);
    if (event.parents.length === 0) ready.push(event);
  }
  const order: TeamEvent[] = [];
  const before = (a: TeamEvent, b: TeamEvent): number => a.at.localeCompare(b.at) || a.id.localeCompare(b.id);
  while (ready.length > 0) {
    ready.sort(before);
    const next = ready.shift()!;
    order.push(next);
    for (const child of children.get(next.id) ?? []) {
      const left = (waiting.get(child) ?? 0) - 1;
      waiting.set(child, left);
      if (left === 0) ready.push(byId.get(child)!);
    }
  }
  return order;
}

/** The events nobody has built on yet: the parents of the next event. */
export function headsOf(ordered: readonly TeamEvent[]): string[] {
  const referenced = new Set(ordered.flatMap((event) => event.parents));
  return ordered.filter((event) => !referenced.has(event.id)).map((event) => event.id).sort();
}

/** The merged history as one hash-chained timeline (genesis bound to the case tag). */
export function mergedChain(tag: string, ordered: readonly TeamEvent[]): TimelineEvent[] {
  const chain: TimelineEvent[] = [];
  for (const event of ordered) {
    chain.push(chainEvent(tag, chain, { at: event.at, actor: event.author, type: event.type, data: { ...event.data, team: { id: event.id, counter: event.counter } } }));
  }
  return chain;
}

export interface FoldedCase {
  fields: Record<string, unknown>;
  handoffs: HandoffRecord[];
  conflicts: FieldConflict[];
}

function writesOf(event: TeamEvent, fields: Record<string, unknown>): Record<string, unknown> {
  const data = event.data;
  switch (event.type) {
    case 'case.opened':
      return { title: data.title, kind: data.kind, disclosedAt: data.disclosedAt, profile: data.profile };
    case 'case.field-changed':
    case 'case.cvss-call':
    case 'team.conflict-decided':
      return typeof data.field === 'string' ? { [data.field]: data.to } : {};
    case 'process.handoff-acknowledged': {
      const people = (fields.people ?? {}) as Record<string, unknown>;
      return { people: { ...people, fixLead: data.to } };
    }
    default:
      return {};
  }
}

function foldHandoff(handoffs: HandoffRecord[], event: TeamEvent): HandoffRecord[] {
  const data = event.data;
  if (event.type === 'process.handoff-requested') {
    const taken = handoffs.some((handoff) => handoff.id === data.id);
    const id = taken ? `${String(data.id)}-${event.id.slice(0, 6)}` : String(data.id);
    const record: HandoffRecord = { id, from: (data.from as string | null) ?? null, to: String(data.to), note: String(data.note ?? ''), requestedAt: event.at, state: 'pending', closedAt: null, closedBy: null, reason: '' };
    return [...handoffs, record];
  }
  const closing = event.type === 'process.handoff-acknowledged' ? 'acknowledged' : event.type === 'process.handoff-cancelled' ? 'cancelled' : null;
  if (!closing) return handoffs;
  const target = handoffs.find((h) => h.state === 'pending' && h.id === data.id) ?? handoffs.find((h) => h.state === 'pending' && h.to === data.to);
  if (!target) return handoffs;
  const closed: HandoffRecord = { ...target, state: closing, closedAt: event.at, closedBy: String(data.by ?? data.recordedBy ?? event.author), reason: String(data.reason ?? '') };
  return handoffs.map((h) => (h === target ? closed : h));
}

/** The case as the merged history leaves it, with the conflicts still to decide. */
export function foldCase(ordered: readonly TeamEvent[]): FoldedCase {
  const writers = new Map<string, { event: TeamEvent; value: unknown }[]>();
  const written = new Map<string, string[]>();
  const fields: Record<string, unknown> = {};
  let handoffs: HandoffRecord[] = [];
  for (const event of ordered) {
    const writes = Object.entries(writesOf(event, fields));
    for (const [field, value] of writes) {
      fields[field] = value;
      writers.set(field, [...(writers.get(field) ?? []), { event, value }]);
    }
    if (writes.length > 0) written.set(event.id, writes.map(([field]) => field));
    handoffs = foldHandoff(handoffs, event);
  }
  // A write is superseded when an event that has seen it writes the same field again. Walking
  // the history backwards, each event learns which fields its descendants write: linear in
  // events × fields, where a set of ancestors per event would be quadratic in a long history.
  const children = new Map<string, TeamEvent[]>();
  for (const event of ordered) for (const parent of event.parents) children.set(parent, [...(children.get(parent) ?? []), event]);
  const below = new Map<string, Set<string>>();
  for (let index = ordered.length - 1; index >= 0; index -= 1) {
    const event = ordered[index]!;
    const set = new Set<string>();
    for (const child of children.get(event.id) ?? []) {
      for (const field of written.get(child.id) ?? []) set.add(field);
      for (const field of below.get(child.id) ?? []) set.add(field);
    }
    below.set(event.id, set);
  }
  const conflicts: FieldConflict[] = [];
  for (const [field, list] of writers) {
    const maximal = list.filter((w) => !below.get(w.event.id)?.has(field));
    if (maximal.length > 1) conflicts.push({ field, candidates: maximal.map((w) => ({ eventId: w.event.id, author: w.event.author, value: w.value })) });
  }
  return { fields, handoffs, conflicts: conflicts.sort((a, b) => a.field.localeCompare(b.field)) };
}
