import { z } from 'zod';
import { method } from './define.ts';
import { caseId } from './common.ts';
import { timelineEvent } from './cases.ts';

export const advisoryFormat = z.enum(['cve', 'osv', 'csaf', 'openvex', 'issue', 'release-notes']);
export type AdvisoryFormat = z.infer<typeof advisoryFormat>;

/**
 * Who publishes: the CNA identity for CVE records, the vendor and OSV ecosystem of the affected
 * products, the CSAF publisher. Every field defaults to the Kubernetes CNA's values.
 */
export const advisoryPublisher = z.strictObject({
  cnaOrgId: z.uuid().optional(),
  cnaShortName: z.string().trim().min(2).max(32).optional(),
  vendor: z.string().trim().min(1).max(200).optional(),
  /** The source repository of the affected products, for the CVE record. */
  repo: z.url({ protocol: /^https?$/ }).optional(),
  osvEcosystem: z.string().trim().min(1).max(100).optional(),
  csafPublisherName: z.string().trim().min(1).max(200).optional(),
  csafPublisherNamespace: z.url({ protocol: /^https?$/ }).optional(),
  /** Where to report exploitation, named in the tracking issue. */
  securityContact: z.email().optional(),
  /**
   * The product as the CNA names it, per product name used in cases (e.g. the case says
   * "kubelet", the record says vendor "Kubernetes", product "kubelet"), with the package
   * coordinates of CVE records' affected[] when the CNA gives them.
   */
  products: z
    .record(
      z.string().trim().min(1).max(200),
      z.strictObject({
        vendor: z.string().trim().min(1).max(200).optional(),
        product: z.string().trim().min(1).max(200).optional(),
        collectionURL: z.url({ protocol: /^https?$/ }).optional(),
        packageName: z.string().trim().min(1).max(200).optional(),
      }),
    )
    .optional(),
});
export type AdvisoryPublisher = z.infer<typeof advisoryPublisher>;

export const advisoryExportInput = z.strictObject({
  id: caseId,
  format: advisoryFormat,
  /** An absolute file path: the export is written there (only if it validates). */
  output: z.string().min(1).max(4096).optional(),
  /** The cherry-pick PR numbers, one release-notes document each. */
  prs: z.array(z.number().int().positive()).max(200).optional(),
  publisher: advisoryPublisher.optional(),
  /** CVE only: the CNA container alone, which is what `cve publish -f` (cvelib) sends. */
  cnaContainer: z.boolean().optional(),
  /**
   * CSAF only: the TLP label while the case is under embargo. AMBER (the default): the
   * distributors list may share it inside their organisations to prepare packages; RED: the
   * named recipients only. After the Release Date the document is TLP:WHITE either way.
   */
  tlp: z.enum(['RED', 'AMBER']).optional(),
});

export const advisoryExport = z.strictObject({
  format: advisoryFormat,
  /** The document as it is (or would be) written. */
  text: z.string(),
  mediaType: z.string(),
  /** What it was checked against and the outcome (an export that fails is refused, not returned). */
  validation: z.strictObject({ valid: z.literal(true), checkedAgainst: z.array(z.string()) }),
  /** The file written, or null when the text was only returned. */
  written: z.string().nullable(),
  /** Things the Fix Lead should know, e.g. that the file is not encrypted under embargo. */
  warnings: z.array(z.string()),
});
export type AdvisoryExport = z.infer<typeof advisoryExport>;

/**
 * A document the UI handed to the user as a download: the core never sees the file, so the UI
 * reports it, and the core records it like a file it wrote itself.
 */
export const advisoryDownloadInput = z.strictObject({
  id: caseId,
  format: advisoryFormat,
  /** SHA-256 of the downloaded text (UTF-8), lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits'),
  /** The name the download was offered under (the user may still rename it). */
  fileName: z.string().trim().min(1).max(255).optional(),
});

/** The vault's publisher settings: every export starts from them (a request may still override). */
export const advisorySettings = z.strictObject({ publisher: advisoryPublisher });
export type AdvisorySettings = z.infer<typeof advisorySettings>;

export const advisoryDescriptionSuggestion = z.strictObject({
  /** The description as the Fix Lead wrote it; the record carries this unless they change it. */
  current: z.string(),
  /** The CNA pattern "[PROBLEMTYPE] in [COMPONENT] in [VENDOR] [PRODUCT] [VERSION] allows [ATTACKER] to [IMPACT] via [VECTOR]". */
  suggestion: z.string(),
  /** The pattern's parts the case could not fill, left as [PLACEHOLDER] in the suggestion. */
  missing: z.array(z.string()),
});

export const advisoryMethods = {
  'advisory.settings': method({ summary: 'The vault-wide publisher settings: CNA identity, vendor and product naming.', input: z.strictObject({}), output: advisorySettings }),
  'advisory.updateSettings': method({
    summary: 'Change the publisher settings (fields given replace the stored ones; products merge by case product name).',
    input: advisorySettings,
    output: advisorySettings,
  }),
  'advisory.suggestDescription': method({
    summary: 'Offer the CVE description in the CNA pattern; nothing is changed (the record keeps the text as written).',
    input: z.strictObject({ id: caseId }),
    output: advisoryDescriptionSuggestion,
  }),
  'advisory.export': method({
    summary: 'Build, validate and optionally write an advisory document from a case (CVE JSON 5.1, OSV, CSAF 2.0, OpenVEX 0.2.0, tracking issue, release-notes CVE map).',
    input: advisoryExportInput,
    output: advisoryExport,
  }),
  'advisory.recordDownload': method({
    summary: 'Record on the timeline that an advisory document left the vault as a plaintext download from the UI.',
    input: advisoryDownloadInput,
    output: timelineEvent,
  }),
} as const;
