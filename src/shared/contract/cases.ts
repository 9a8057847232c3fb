import { z } from 'zod';
import { method } from './define.ts';
import { caseId, empty, instant } from './common.ts';

export const caseKind = z.enum(['private', 'public', 'upstream']);
export type CaseKind = z.infer<typeof caseKind>;

export const cveId = z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'a CVE ID looks like CVE-2026-12345');

export const caseTitle = z.string().trim().min(1, 'the title is empty').max(300, 'the title is longer than 300 characters');

export const caseRecord = z.strictObject({
  id: caseId,
  title: z.string(),
  kind: caseKind,
  disclosedAt: instant,
  createdAt: instant,
  updatedAt: instant,
  profile: z.strictObject({ id: z.string(), version: z.number().int() }),
  summary: z.string(),
  releaseDate: instant.nullable(),
  cve: cveId.nullable(),
  eventCount: z.number().int(),
});
export type CaseRecord = z.infer<typeof caseRecord>;

export const caseSummary = caseRecord.pick({
  id: true,
  title: true,
  kind: true,
  disclosedAt: true,
  createdAt: true,
  updatedAt: true,
  releaseDate: true,
  cve: true,
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const timelineEvent = z.strictObject({
  seq: z.number().int().min(1),
  at: instant,
  actor: z.string(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

export const caseEdits = z
  .strictObject({
    title: caseTitle,
    kind: caseKind,
    disclosedAt: instant,
    summary: z.string().max(20_000),
    releaseDate: instant.nullable(),
    cve: cveId.nullable(),
  })
  .partial();
export type CaseEdits = z.infer<typeof caseEdits>;

export const caseMethods = {
  'case.create': method({
    summary: 'Open a case.',
    input: z.strictObject({
      title: caseTitle,
      disclosedAt: instant,
      kind: caseKind.default('private'),
      profile: z.string().default('kubernetes-2017'),
    }),
    output: caseRecord,
  }),
  'case.list': method({ summary: 'Every case, newest first.', input: empty, output: z.array(caseSummary) }),
  'case.show': method({ summary: 'One case.', input: z.strictObject({ id: caseId }), output: caseRecord }),
  'case.update': method({
    summary: 'Edit fields of a case; each change is a timeline event.',
    input: z.strictObject({ id: caseId, edits: caseEdits }),
    output: caseRecord,
  }),
  'case.timeline': method({
    summary: "The case's timeline, oldest first.",
    input: z.strictObject({ id: caseId }),
    output: z.array(timelineEvent),
  }),
  'case.note': method({
    summary: 'Add a free-text note to the timeline.',
    input: z.strictObject({ id: caseId, text: z.string().trim().min(1).max(20_000) }),
    output: timelineEvent,
  }),
} as const;
