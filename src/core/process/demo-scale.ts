// `demo --cases N`: besides the one rich demo case, N−1 smaller fictional cases in mid-flight
// (for tests and benchmarks at scale), and optionally many notes on the rich case. Built with the
// same operations as everything else (createCase, editCase, tickItem, notes through mutateCase),
// on a walking clock, so every timeline is a real chain. Notes go in batches, one document
// write per batch, so 10,000 events cost a hundred writes rather than ten thousand.
import { createCase } from '../cases/create-case.ts';
import { editCase } from '../cases/edit-case.ts';
import { mutateCase, type CaseContext } from '../cases/case-store.ts';
import type { CaseKind } from '../../shared/contract/index.ts';
import { tickItem } from './checklist.ts';
import { readRoster } from './roster.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOTE_BATCH = 100;

const COMPONENTS = ['widget-controller', 'gadget-proxy', 'sprocket-scheduler', 'cog-admission', 'lever-apiserver', 'pulley-kubelet', 'gear-dns', 'spring-ingress'];
const FLAWS = [
  'a crafted manifest bypasses the admission policy',
  'path traversal in the log endpoint exposes node files',
  'a race in token rotation lets an expired token through',
  'unbounded decompression lets a client exhaust memory',
  'the audit log records bearer tokens in clear text',
  'a redirect in the health check reaches internal addresses',
];
const KINDS: CaseKind[] = ['private', 'private', 'public'];
/** The steps a case of this age has ticked, in the order a Fix Lead usually takes them. */
const STEPS = ['identify-fix-team', 'grant-private-repo', 'cvss-call', 'fix-branch-lgtm', 'announce-forthcoming-fix', 'distributors-determination'];

const VECTORS = ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N', 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H'];

/** A clock for the context that the caller moves forward. */
function clocked(context: CaseContext): { context: CaseContext; at(ms: number): void } {
  let current = context.ports.now().getTime();
  return {
    context: { ...context, ports: { ...context.ports, now: () => new Date(current) } },
    at: (ms) => {
      current = ms;
    },
  };
}

/** Deterministic variety from the case number: no randomness, so runs are comparable. */
function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

export async function createScaleCases(context: CaseContext, count: number): Promise<void> {
  const realNow = context.ports.now().getTime();
  const clock = clocked(context);
  const roster = await readRoster(context);
  const leads = roster.members.filter((member) => member.available && !member.removedAt);
  for (let n = 0; n < count; n += 1) {
    // Ages from 0 to 45 days, spread so every phase of the process has cases in it.
    const ageDays = (n * 7) % 46;
    const disclosure = Math.floor((realNow - ageDays * DAY - (n % 24) * HOUR) / HOUR) * HOUR;
    clock.at(disclosure + 30 * 60_000);
    const record = await createCase(clock.context, {
      title: `[DEMO ${String(n + 2).padStart(4, '0')}] ${pick(COMPONENTS, n)}: ${pick(FLAWS, n * 5 + 1)}`,
      disclosedAt: new Date(disclosure).toISOString(),
      kind: pick(KINDS, n),
      profile: 'kubernetes-2017',
    });
    clock.at(disclosure + 2 * HOUR);
    const lead = leads.length > 0 ? pick(leads, n) : undefined;
    const releaseDate = ageDays > 4 ? new Date(disclosure + (ageDays + 3 + (n % 9)) * DAY) : null;
    if (releaseDate) releaseDate.setUTCHours(16, 0, 0, 0);
    // Older cases are further along; every fifth one is behind, so some are overdue.
    const stepsDone = Math.min(STEPS.length, n % 5 === 4 ? 0 : Math.floor(ageDays / 5));
    await editCase(clock.context, record.id, {
      ...(stepsDone > STEPS.indexOf('cvss-call') ? { cvssVector: pick(VECTORS, n) } : {}),
      ...(lead ? { people: { ...record.people, fixLead: lead.id } } : {}),
      ...(n % 3 === 0 ? { cve: `CVE-2026-${String(41000 + n).padStart(5, '0')}` } : {}),
      ...(releaseDate ? { releaseDate: releaseDate.toISOString() } : {}),
    });
    for (let step = 0; step < stepsDone; step += 1) {
      clock.at(disclosure + (step + 1) * 8 * HOUR);
      await tickItem(clock.context, record.id, { item: STEPS[step] as string, note: 'Done (demo).', evidence: [] });
    }
  }
}

/** `count` notes on one case, spread over the hours before now, a batch per write. */
export async function addDemoNotes(context: CaseContext, caseId: string, count: number): Promise<void> {
  const clock = clocked(context);
  const realNow = context.ports.now().getTime();
  const batches = Math.ceil(count / NOTE_BATCH);
  for (let batch = 0; batch < batches; batch += 1) {
    clock.at(realNow - (batches - batch) * 60_000);
    const size = Math.min(NOTE_BATCH, count - batch * NOTE_BATCH);
    await mutateCase(
      clock.context,
      caseId,
      (fields) => fields,
      () =>
        Array.from({ length: size }, (_, i) => ({
          type: 'note',
          data: { text: `Demo note ${batch * NOTE_BATCH + i + 1}: ${pick(FLAWS, batch + i)} — checked again, no change.` },
        })),
    );
  }
}
