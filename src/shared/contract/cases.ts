import { z } from 'zod';
import { method } from './define.ts';
import { caseId, empty, instant } from './common.ts';

export const caseKind = z.enum(['private', 'public', 'upstream']);
export type CaseKind = z.infer<typeof caseKind>;

// The CVE JSON 5 schema's own pattern (cveId in CVE_JSON_bundled_5.1.1.json), so a case never holds an ID its record export would fail on.
export const cveId = z.string().regex(/^CVE-[0-9]{4}-[0-9]{4,19}$/, 'a CVE ID looks like CVE-2026-12345');
export const cweId = z.string().regex(/^CWE-[1-9]\d*$/, 'a CWE ID looks like CWE-22');
export const capecId = z.string().regex(/^CAPEC-[1-9]\d{0,4}$/, 'a CAPEC ID looks like CAPEC-233');
/** How the vulnerability came to light, as a CVE record's source.discovery states it. */
export const cveDiscovery = z.enum(['INTERNAL', 'EXTERNAL', 'USER', 'UNKNOWN']);
export const httpUrl = z.url({ protocol: /^https?$/, error: 'a link must be an http(s) URL' });

export const caseTitle = z.string().trim().min(1, 'the title is empty').max(300, 'the title is longer than 300 characters');

/** The Fix Lead's final CVSS call. The score is computed by the core from the vector, never typed in. */
export const cvssCall = z.strictObject({
  version: z.enum(['3.0', '3.1', '4.0']),
  vector: z.string(),
  score: z.number().min(0).max(10),
  severity: z.enum(['None', 'Low', 'Medium', 'High', 'Critical']),
});

/** A product and the versions it affects, as semver comparators ("kubelet", ">=1.29.0 <1.29.4"). */
export const affectedProduct = z.strictObject({
  product: z.string().trim().min(1).max(200),
  range: z.string().trim().min(1).max(200),
});
export const fixedProduct = z.strictObject({
  product: z.string().trim().min(1).max(200),
  version: z.string().trim().min(1).max(100),
});
export const reference = z.strictObject({ url: httpUrl, tags: z.array(z.string().min(1).max(60)).max(20) });
export const credit = z.strictObject({
  name: z.string().trim().min(1).max(200),
  type: z.enum(['finder', 'reporter', 'analyst', 'coordinator', 'remediation developer', 'remediation reviewer', 'other']),
  /** The credited person's CVE Services user UUID, when they have one (CVE record credits[].user). */
  user: z.uuid().optional(),
});
export const link = z.strictObject({ label: z.string().trim().min(1).max(200), url: httpUrl });

export const embargoConditions = z.strictObject({
  /** May distributors deploy a patched build before the Release Date? null: not decided yet. */
  deployBeforeRelease: z.boolean().nullable(),
  /** Is the patch itself under embargo (not to be published or pushed anywhere public)? */
  patchUnderEmbargo: z.boolean().nullable(),
  /** Exceptions for hosted services, in words. */
  hostedServiceExceptions: z.string().max(5000),
});

export const upstreamBinding = z.strictObject({ project: z.string().trim().min(1).max(200), date: instant });

export const publicReportHandling = z.strictObject({
  askedToMovePrivate: z.boolean(),
  answer: z.enum(['agreed', 'declined', 'no-answer']).nullable(),
  note: z.string().max(5000),
});

/** People on the case; values are person ids from the roster, or names until the roster has them. */
export const casePeople = z.strictObject({
  fixLead: z.string().nullable(),
  fixTeam: z.array(z.string()),
  releaseManagers: z.array(z.string()),
  reporter: z.string().nullable(),
});

export const caseRecord = z.strictObject({
  id: caseId,
  title: z.string(),
  kind: caseKind,
  disclosedAt: instant,
  createdAt: instant,
  updatedAt: instant,
  profile: z.strictObject({ id: z.string(), version: z.number().int() }),
  summary: z.string(),
  description: z.string(),
  upstream: upstreamBinding.nullable(),
  publicReport: publicReportHandling.nullable(),
  releaseDate: instant.nullable(),
  cve: cveId.nullable(),
  cvss: cvssCall.nullable(),
  cwe: z.array(cweId),
  /** CAPEC attack patterns (CVE record impacts); absent in cases written before the field existed. */
  capec: z.array(capecId).optional(),
  /** The CVE record's source.discovery; absent: inferred from the reporter and credits. */
  discovery: cveDiscovery.optional(),
  affected: z.array(affectedProduct),
  fixed: z.array(fixedProduct),
  references: z.array(reference),
  credits: z.array(credit),
  workarounds: z.string(),
  mitigations: z.string(),
  detection: z.string(),
  embargo: embargoConditions,
  links: z.array(link),
  people: casePeople,
  trackingIssue: httpUrl.nullable(),
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

const longText = z.string().max(20_000);

export const caseEdits = z
  .strictObject({
    title: caseTitle,
    kind: caseKind,
    disclosedAt: instant,
    summary: longText,
    description: longText,
    upstream: upstreamBinding.nullable(),
    publicReport: publicReportHandling.nullable(),
    releaseDate: instant.nullable(),
    cve: cveId.nullable(),
    /** The vector of the Fix Lead's final call; the core scores it. null clears it. */
    cvssVector: z.string().trim().min(1).nullable(),
    cwe: z.array(cweId).max(20),
    capec: z.array(capecId).max(20),
    discovery: cveDiscovery,
    affected: z.array(affectedProduct).max(100),
    fixed: z.array(fixedProduct).max(100),
    references: z.array(reference).max(100),
    credits: z.array(credit).max(100),
    workarounds: longText,
    mitigations: longText,
    detection: longText,
    embargo: embargoConditions,
    links: z.array(link).max(100),
    people: casePeople,
    trackingIssue: httpUrl.nullable(),
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
