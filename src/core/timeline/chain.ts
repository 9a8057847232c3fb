// The case timeline is append-only and hash-chained: each event carries the SHA-256 of the
// previous one, computed over a canonical (RFC 8785) serialisation, and the first event
// chains to a genesis hash bound to the case id, so events cannot be removed, reordered,
// edited or moved to another case without `vault verify` noticing.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { TimelineEvent } from '../../shared/contract/index.ts';

export interface NewEvent {
  at: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
}

export interface ChainProblem {
  seq: number;
  message: string;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function genesisHash(caseId: string): string {
  return sha256Hex(`embargo-timeline-v1:${caseId}`);
}

export function eventHash(event: Omit<TimelineEvent, 'hash'>): string {
  const { seq, at, actor, type, data, prev } = event;
  const text = canonicalize({ seq, at, actor, type, data, prev });
  if (text === undefined) throw new Error('event cannot be canonicalised');
  return sha256Hex(text);
}

export function chainEvent(caseId: string, events: readonly TimelineEvent[], next: NewEvent): TimelineEvent {
  const last = events.at(-1);
  // JSON round trip: what is hashed is exactly what will be stored and read back.
  const data = JSON.parse(JSON.stringify(next.data)) as Record<string, unknown>;
  const unhashed = {
    seq: (last?.seq ?? 0) + 1,
    at: next.at,
    actor: next.actor,
    type: next.type,
    data,
    prev: last?.hash ?? genesisHash(caseId),
  };
  return { ...unhashed, hash: eventHash(unhashed) };
}

export function verifyChain(caseId: string, events: readonly TimelineEvent[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev = genesisHash(caseId);
  events.forEach((event, index) => {
    const expectedSeq = index + 1;
    if (event.seq !== expectedSeq) {
      problems.push({ seq: event.seq, message: `event ${index + 1} has sequence number ${event.seq}` });
    }
    if (event.prev !== prev) {
      problems.push({ seq: event.seq, message: `event ${event.seq} does not chain to the event before it` });
    }
    if (eventHash(event) !== event.hash) {
      problems.push({ seq: event.seq, message: `event ${event.seq} was altered after it was recorded` });
    }
    prev = event.hash;
  });
  return problems;
}
