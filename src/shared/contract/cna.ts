// The offline CNA loop: the vault's pool of reserved CVE IDs (typed in from the CNA portal or
// `cve reserve`), one assigned to a case, the unused ones listed for the year-end reject list;
// the CVE record signed by a second reviewer (another PST member, never the Fix Lead) before
// it is ready; the publishing package with the `cve` (cvelib) command lines the user runs on a
// connected machine; and a published CVE JSON 5 record imported into a case.
import { z } from 'zod';
import { method } from './define.ts';
import { caseId, instant } from './common.ts';
import { caseRecord, timelineEvent } from './cases.ts';

/** A CVE ID exactly as the CVE JSON 5.1.1 schema states it (cveMetadata.cveId). */
export const CVE_ID_PATTERN = /^CVE-[0-9]{4}-[0-9]{4,19}$/;
export const strictCveId = z.string().regex(CVE_ID_PATTERN, 'a CVE ID looks like CVE-2026-1234 (the schema: ^CVE-[0-9]{4}-[0-9]{4,19}$)');

const year = z.number().int().min(1999).max(9999);

export const cvePoolEntry = z.strictObject({
  cve: strictCveId,
  year,
  addedAt: instant,
  /** The case that carries it, or null: unused. */
  assignedTo: caseId.nullable(),
});
export type CvePoolEntry = z.infer<typeof cvePoolEntry>;

export const cvePoolAddInput = z.strictObject({
  /** CVE IDs, or ranges "CVE-2026-1234..CVE-2026-1240" / "CVE-2026-1234..1240" (at most 1000 IDs each). */
  entries: z.array(z.string().max(100)).min(1).max(1000),
});

export const cvePoolAddResult = z.strictObject({
  added: z.array(strictCveId),
  /** Already in the pool: left as they were. */
  alreadyInPool: z.array(strictCveId),
});

export const cvePoolListInput = z.strictObject({
  year: year.optional(),
  /** Only the IDs no case carries (the year-end reject list). */
  unused: z.boolean().optional(),
});

export const cveAssignInput = z.strictObject({
  id: caseId,
  /** A pool ID; absent: the lowest unused ID of the current year. */
  cve: strictCveId.optional(),
});

export const cveReviewState = z.enum(['none', 'requested', 'valid', 'stale']);

export const cveReviewer = z.strictObject({
  person: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  signedAt: instant,
});

export const cveStatus = z.strictObject({
  id: caseId,
  cve: strictCveId.nullable(),
  /** none: no review asked; requested: the review text was made, no signature yet; valid: signed and unchanged since; stale: the record changed after it was signed. */
  review: cveReviewState,
  reviewer: cveReviewer.nullable(),
  /** SHA-256 of the canonical JSON the reviewer signed (or is asked to sign). */
  sha256: z.string().nullable(),
  /** The record can be published: it has a CVE ID and a valid second review. */
  ready: z.boolean(),
  /** Why it is not ready, in words. */
  problems: z.array(z.string()),
});
export type CveStatus = z.infer<typeof cveStatus>;

export const cveReviewText = z.strictObject({
  /** The CVE record as canonical JSON (RFC 8785): the exact bytes the reviewer signs. */
  text: z.string(),
  sha256: z.string(),
  /** The record's providerMetadata.dateUpdated, frozen for the review. */
  dateUpdated: instant,
  /** The file written, or null. */
  written: z.string().nullable(),
  /** How the reviewer signs it with GnuPG. */
  signCommand: z.string(),
  warnings: z.array(z.string()),
});

export const cvePublishBundle = z.strictObject({
  cve: strictCveId,
  files: z.strictObject({ record: z.string(), signature: z.string(), cnaContainer: z.string(), script: z.string() }),
  /** The command lines to run on a connected machine, in order. */
  commands: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const cveImportInput = z.strictObject({
  /** The case to fill; absent: a new case is created from the record. */
  id: caseId.optional(),
  /** The CVE JSON 5 record (a published record, as cvelistV5 or `cve show -r` gives it). */
  text: z.string().max(2_000_000),
});

export const cveImportResult = z.strictObject({
  record: caseRecord,
  created: z.boolean(),
  /** The case fields the record filled. */
  filled: z.array(z.string()),
  /** What the record has that the case could not take (e.g. a non-semver version). */
  warnings: z.array(z.string()),
});

const absolutePath = z.string().min(1).max(4096);

export const cnaMethods = {
  'cve.poolAdd': method({ summary: 'Add reserved CVE IDs (or ranges) to the vault\'s pool.', input: cvePoolAddInput, output: cvePoolAddResult }),
  'cve.poolList': method({ summary: 'The pool of reserved CVE IDs, by year; with unused, only those no case carries.', input: cvePoolListInput, output: z.array(cvePoolEntry) }),
  'cve.assign': method({ summary: 'Give a case a CVE ID from the pool (the lowest unused of this year by default).', input: cveAssignInput, output: caseRecord }),
  'cve.status': method({ summary: 'Whether the case\'s CVE record is reviewed, unchanged since, and ready to publish.', input: z.strictObject({ id: caseId }), output: cveStatus }),
  'cve.reviewText': method({
    summary: 'The CVE record as canonical JSON for the second reviewer to sign (optionally written to a file); recorded on the timeline.',
    input: z.strictObject({ id: caseId, output: absolutePath.optional() }),
    output: cveReviewText,
  }),
  'cve.review': method({
    summary: 'Record the second review: a detached OpenPGP signature over the review text by a PST member who is not the Fix Lead (absent: signed with the own key).',
    input: z.strictObject({ id: caseId, signature: z.string().max(100_000).optional() }),
    output: timelineEvent,
  }),
  'cve.publishBundle': method({
    summary: 'Write the reviewed record, its signature, the CNA container and the cvelib commands that publish it, into a directory.',
    input: z.strictObject({ id: caseId, dir: absolutePath }),
    output: cvePublishBundle,
  }),
  'cve.import': method({ summary: 'Import a published CVE JSON 5 record into a case (or a new case): validated, then its fields filled.', input: cveImportInput, output: cveImportResult }),
} as const;
