// The email composer's contract: templates for every email of the process (editable per
// vault, with a reset), drafts per case with every saved version kept, exports as PGP/MIME
// `.eml` files or an mbox, and the distributors' per-member acknowledgements of each notice.
import { z } from 'zod';
import { method } from './define.ts';
import { caseId, empty, instant } from './common.ts';
import { pgpFingerprint } from './keyring.ts';
import { personId } from './people.ts';
import { distributorId, membershipRequestId } from './distributors.ts';
import { MAIL_LISTS, MAIL_TEMPLATE_IDS } from './mail-ids.ts';

// ── Templates ───────────────────────────────────────────────────────────────────────────

export { MAIL_TEMPLATE_IDS, MAIL_LISTS };
export const mailTemplateId = z.enum(MAIL_TEMPLATE_IDS);
export type MailTemplateId = z.infer<typeof mailTemplateId>;

/** The mailing lists the process writes to; their addresses are per-vault settings. */
export const mailList = z.enum(MAIL_LISTS);
export type MailList = z.infer<typeof mailList>;

/** Encrypted PGP/MIME (the default for everything embargoed) or a message in clear. */
export const mailMode = z.enum(['encrypted', 'clear']);
export type MailMode = z.infer<typeof mailMode>;

/** Who a template addresses by default, resolved from the case when a draft is made. */
export const recipientSpec = z.union([
  z.strictObject({ list: mailList }),
  z.strictObject({
    role: z.enum(['fixTeam', 'releaseManagers', 'fixLead', 'reporter', 'handoffTo', 'requester', 'memberContacts', 'membersToRemind']),
  }),
]);
export type RecipientSpec = z.infer<typeof recipientSpec>;

export const templateSummary = z.strictObject({
  id: mailTemplateId,
  title: z.string(),
  description: z.string(),
  /** case: made from a case; vault: about the distributors list (a case is optional). */
  scope: z.enum(['case', 'vault']),
  mode: mailMode,
  /** The user changed the subject or body; `mail.resetTemplate` brings the default back. */
  customised: z.boolean(),
  /** Checklist items (of any profile) this email is the evidence for. */
  checklistItems: z.array(z.string()),
});
export type TemplateSummary = z.infer<typeof templateSummary>;

export const templateDetail = templateSummary.extend({
  subject: z.string(),
  body: z.string(),
  defaultSubject: z.string(),
  defaultBody: z.string(),
  to: z.array(recipientSpec),
  cc: z.array(recipientSpec),
  /** Default attachments: the patch series, the Fix Lead's public key. */
  attachments: z.array(z.enum(['patches', 'own-key'])),
  /** Variables the subject and body use. */
  variables: z.array(z.string()),
  /** Variables the subject and body use that the composer does not know (filled only from `vars`). */
  unknownVariables: z.array(z.string()),
});
export type TemplateDetail = z.infer<typeof templateDetail>;

export const variableInfo = z.strictObject({ name: z.string(), description: z.string() });

const templateText = (max: number) => z.string().max(max);

// ── Settings ────────────────────────────────────────────────────────────────────────────

const emailAddress = z.email('not an email address').max(320);
export const mailbox = z.strictObject({ name: z.string().trim().max(200), address: emailAddress });
export type Mailbox = z.infer<typeof mailbox>;

export const mailSettings = z.strictObject({
  /** The sender; null: the Fix Lead's own key's primary user ID. */
  from: mailbox.nullable(),
  /** The subject tag of the oss-security copy: `[kubernetes]`. */
  project: z.string().trim().min(1).max(60),
  /** The project's name in sentences: "Kubernetes". */
  projectName: z.string().trim().min(1).max(200),
  lists: z.strictObject(Object.fromEntries(MAIL_LISTS.map((name) => [name, emailAddress])) as Record<MailList, typeof emailAddress>),
  /** The neutral subject of an encrypted message's outer header (RFC 9788 hcp_baseline: "[...]"). */
  outerSubject: z.string().trim().min(1).max(100),
  /** Remind distributors who have not answered when the Release Date is this near (hours). */
  reminderWithinHours: z.number().int().min(1).max(24 * 30),
  /** …or when a notice has gone unanswered this long (hours). */
  reminderQuietHours: z.number().int().min(1).max(24 * 30),
});
export type MailSettings = z.infer<typeof mailSettings>;

// ── Drafts ──────────────────────────────────────────────────────────────────────────────

export const draftId = z.string().regex(/^draft-[0-9a-f]{8,}$/, 'a draft id looks like draft-1a2b3c4d');
export const fileId = z.string().regex(/^file-[0-9a-f]{8,}$/);
/** A case id, or null for the vault-wide drafts (membership answers, removal notices). */
export const mailScope = caseId.nullable();

/** A recipient as the draft keeps it: the key health is looked up again at every view and export. */
export const draftRecipient = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('list'), list: mailList }),
  z.strictObject({ kind: z.literal('person'), personId }),
  z.strictObject({ kind: z.literal('distributor'), memberId: distributorId }),
  z.strictObject({ kind: z.literal('roster'), rosterId: z.string().regex(/^(pst|rm)-[0-9a-f]{8,}$/, 'a roster id looks like pst-1a2b3c4d') }),
  z.strictObject({
    kind: z.literal('address'),
    address: emailAddress,
    name: z.string().trim().max(200).default(''),
    fingerprints: z.array(pgpFingerprint).max(20).default([]),
  }),
]);
export type DraftRecipient = z.infer<typeof draftRecipient>;

export const attachmentRef = z.discriminatedUnion('kind', [
  /** The workspace's patch series, one file per branch (all patch-release branches when empty). */
  z.strictObject({ kind: z.literal('patches'), branches: z.array(z.string().min(1).max(300)).max(100).default([]) }),
  z.strictObject({ kind: z.literal('public-key'), fingerprint: pgpFingerprint }),
  z.strictObject({
    kind: z.literal('file'),
    fileId,
    name: z.string().min(1).max(255),
    mediaType: z.string().min(3).max(200),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
]);
export type AttachmentRef = z.infer<typeof attachmentRef>;

/** What a draft is about besides the case: a leak, a handoff, a membership request, a member. */
export const draftContext = z.strictObject({
  leakId: z.string().min(1).max(40).optional(),
  handoffId: z.string().min(1).max(40).optional(),
  requestId: membershipRequestId.optional(),
  memberId: distributorId.optional(),
});
export type DraftContext = z.infer<typeof draftContext>;

const variableName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'a variable name is letters, digits and _');
/** Values the user gives for variables (they win over the case's). */
export const draftVars = z.record(variableName, z.string().max(20_000)).refine((vars) => Object.keys(vars).length <= 100, 'at most 100 variables');

export const draftVersion = z.strictObject({
  version: z.number().int().min(1),
  savedAt: instant,
  savedBy: z.string(),
  subject: z.string(),
  body: z.string(),
  from: mailbox,
  to: z.array(draftRecipient),
  cc: z.array(draftRecipient),
  attachments: z.array(attachmentRef),
  mode: mailMode,
});
export type DraftVersion = z.infer<typeof draftVersion>;

export const recipientKey = z.strictObject({ fingerprint: z.string(), ok: z.boolean(), reason: z.string().nullable() });

/** One recipient of a draft, as it stands now: addresses, keys and whether encrypted mail reaches it. */
export const recipientHealth = z.strictObject({
  field: z.enum(['to', 'cc']),
  recipient: draftRecipient,
  label: z.string(),
  addresses: z.array(z.string()),
  keys: z.array(recipientKey),
  /** Encrypted mail reaches it (for a list: every current member). */
  canReceive: z.boolean(),
  problems: z.array(z.string()),
  /** The distributors list: each current member with its key health. */
  members: z
    .array(z.strictObject({ memberId: distributorId, organisation: z.string(), ok: z.boolean(), recipients: z.array(z.string()), problems: z.array(z.string()) }))
    .nullable(),
});
export type RecipientHealth = z.infer<typeof recipientHealth>;

export const attachmentView = z.strictObject({
  ref: attachmentRef,
  /** The file names it becomes (a patch series: one per branch). */
  names: z.array(z.string()),
  size: z.number().int().nullable(),
  /** Why it cannot be attached now (no workspace yet, key missing, …). */
  problem: z.string().nullable(),
});

export const exportRecord = z.strictObject({
  at: instant,
  by: z.string(),
  version: z.number().int(),
  mode: mailMode,
  signed: z.boolean(),
  files: z.array(z.strictObject({ name: z.string(), sha256: z.string() })),
  messages: z.number().int(),
  encryptedTo: z.array(z.string()),
  signedBy: z.string().nullable(),
  /** A clear export before the Release Date: who overrode the embargo and why. */
  override: z.strictObject({ reason: z.string(), releaseDate: instant.nullable() }).nullable(),
  notice: z.string().nullable(),
});
export type ExportRecord = z.infer<typeof exportRecord>;

export const draftSummary = z.strictObject({
  id: draftId,
  caseId: mailScope,
  templateId: mailTemplateId,
  subject: z.string(),
  version: z.number().int(),
  createdAt: instant,
  savedAt: instant,
  mode: mailMode,
  missing: z.array(z.string()),
  exports: z.number().int(),
});
export type DraftSummary = z.infer<typeof draftSummary>;

export const draftView = z.strictObject({
  id: draftId,
  caseId: mailScope,
  templateId: mailTemplateId,
  createdAt: instant,
  context: draftContext,
  /** The version shown (the latest unless one was asked for). */
  version: z.number().int(),
  latestVersion: z.number().int(),
  savedAt: instant,
  savedBy: z.string(),
  subject: z.string(),
  body: z.string(),
  from: mailbox,
  to: z.array(draftRecipient),
  cc: z.array(draftRecipient),
  toAddresses: z.array(z.string()),
  ccAddresses: z.array(z.string()),
  attachments: z.array(attachmentView),
  mode: mailMode,
  /** Variables still shown as ⟦missing: name⟧ in the subject or body; export refuses them. */
  missing: z.array(z.string()),
  recipients: z.array(recipientHealth),
  /** People the template wanted but who have no address yet (names only on the case). */
  unresolved: z.array(z.string()),
  versions: z.array(z.strictObject({ version: z.number().int(), savedAt: instant, savedBy: z.string(), subject: z.string() })),
  exports: z.array(exportRecord),
  checklistItems: z.array(z.string()),
});
export type DraftView = z.infer<typeof draftView>;

export const mailPreview = z.strictObject({
  subject: z.string(),
  body: z.string(),
  missing: z.array(z.string()),
  unknownVariables: z.array(z.string()),
  /** Every variable the composer knows, with its value for this case (null: not known). */
  variables: z.record(z.string(), z.string().nullable()),
});
export type MailPreview = z.infer<typeof mailPreview>;

// ── Export ──────────────────────────────────────────────────────────────────────────────

export const exportedMessage = z.strictObject({
  /** The .eml file, or null when the message went into the mbox. */
  file: z.string().nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  encryptedTo: z.array(z.string()),
  messageId: z.string(),
  sha256: z.string(),
});

export const mailExportResult = z.strictObject({
  /** The file written (a .eml or an mbox), the directory of the per-recipient .eml files, or null for a download. */
  output: z.string().nullable(),
  files: z.array(z.string()),
  /** Without an output path: the .eml (or mbox) itself, for the app to hand to the user. */
  download: z.strictObject({ name: z.string(), mediaType: z.string(), base64: z.string() }).nullable(),
  messages: z.array(exportedMessage),
  mode: mailMode,
  signedBy: z.string().nullable(),
  /** The case was still under embargo when this was exported. */
  embargoed: z.boolean(),
  override: z.boolean(),
  /** The distributors notice this export opened for acknowledgements. */
  notice: z.string().nullable(),
  /** Recipients left out because no key of theirs can receive (only with allowUnreachable). */
  excluded: z.array(z.strictObject({ label: z.string(), reason: z.string() })),
});
export type MailExportResult = z.infer<typeof mailExportResult>;

// ── Acknowledgements ────────────────────────────────────────────────────────────────────

/** "Has not looked" (no-answer) never reads as "not affected". */
export const ackState = z.enum(['no-answer', 'acknowledged', 'tested-ok', 'tested-problems', 'not-affected']);
export type AckState = z.infer<typeof ackState>;

export const ackEntry = z.strictObject({ state: ackState, at: instant, note: z.string(), recordedAt: instant, recordedBy: z.string() });

export const noticeMember = z.strictObject({
  memberId: distributorId,
  organisation: z.string(),
  state: ackState,
  /** When the member answered (null while no answer). */
  at: instant.nullable(),
  note: z.string(),
  history: z.array(ackEntry),
});
export type NoticeMember = z.infer<typeof noticeMember>;

export const distributorNotice = z.strictObject({
  id: z.string().regex(/^N\d+$/),
  draftId,
  version: z.number().int(),
  templateId: mailTemplateId,
  subject: z.string(),
  sentAt: instant,
  members: z.array(noticeMember),
});
export type DistributorNotice = z.infer<typeof distributorNotice>;

export const reminder = z.strictObject({
  noticeId: z.string(),
  memberId: distributorId,
  organisation: z.string(),
  state: ackState,
  sentAt: instant,
  /** no-answer: nothing heard; no-work-reported: acknowledged but no test result (the policy asks members to report their work even when they found nothing). */
  reason: z.enum(['no-answer', 'no-work-reported']),
  /** Why now: the Release Date is near, or the notice went unanswered too long. */
  why: z.enum(['release-near', 'quiet-too-long']),
  contacts: z.array(z.string()),
});
export type Reminder = z.infer<typeof reminder>;

export const reminders = z.strictObject({
  caseId,
  now: instant,
  releaseDate: instant.nullable(),
  hoursToRelease: z.number().nullable(),
  withinHours: z.number(),
  quietHours: z.number(),
  reminders: z.array(reminder),
});
export type Reminders = z.infer<typeof reminders>;

// ── Methods ─────────────────────────────────────────────────────────────────────────────

const scopeAndDraft = { caseId: mailScope, draft: draftId };

export const mailMethods = {
  'mail.templates': method({ summary: 'Every email template of the process.', input: empty, output: z.array(templateSummary) }),
  'mail.template': method({ summary: 'One template with its subject, body and default recipients.', input: z.strictObject({ id: mailTemplateId }), output: templateDetail }),
  'mail.saveTemplate': method({
    summary: "Change a template's subject or body for this vault.",
    input: z.strictObject({ id: mailTemplateId, subject: templateText(998).optional(), body: templateText(100_000).optional() }),
    output: templateDetail,
  }),
  'mail.resetTemplate': method({ summary: 'Bring back the default subject and body of a template.', input: z.strictObject({ id: mailTemplateId }), output: templateDetail }),
  // The variables' names and descriptions are fixed: they read nothing from the vault.
  'mail.variables': method({
    summary: 'The variables templates can use, each with what it holds.',
    input: empty,
    output: z.array(variableInfo),
    allowWhenLocked: true,
  }),
  'mail.settings': method({ summary: 'Sender, list addresses and reminder thresholds.', input: empty, output: mailSettings }),
  'mail.updateSettings': method({ summary: 'Change the mail settings.', input: mailSettings.partial(), output: mailSettings }),
  'mail.preview': method({
    summary: 'A template filled from a case, without saving a draft; with every variable and its value.',
    input: z.strictObject({ caseId: mailScope.default(null), template: mailTemplateId, context: draftContext.default({}), vars: draftVars.default({}) }),
    output: mailPreview,
  }),
  'mail.createDraft': method({
    summary: 'A new draft from a template, filled from the case (missing variables are marked, never left empty).',
    input: z.strictObject({
      caseId: mailScope.default(null),
      template: mailTemplateId,
      context: draftContext.default({}),
      vars: draftVars.default({}),
      /** Start from the body of another draft of the same scope (the oss-security copy of the advisory). */
      bodyFrom: draftId.optional(),
    }),
    output: draftView,
  }),
  'mail.saveDraft': method({
    summary: 'Save a draft: every save is a new version; the body is wrapped at 72 columns.',
    input: z.strictObject({
      ...scopeAndDraft,
      /** The version the edit started from; a later save in between is a Conflict. */
      baseVersion: z.number().int().min(1).optional(),
      subject: z.string().max(998).optional(),
      body: z.string().max(1_000_000).optional(),
      from: mailbox.optional(),
      to: z.array(draftRecipient).max(200).optional(),
      cc: z.array(draftRecipient).max(200).optional(),
      attachments: z.array(attachmentRef).max(50).optional(),
      mode: mailMode.optional(),
    }),
    output: draftView,
  }),
  'mail.attachFile': method({
    summary: 'Attach a file (proof of concept, logs) to a draft; it is sealed in the vault. A new version.',
    input: z.strictObject({
      ...scopeAndDraft,
      name: z.string().trim().min(1).max(255).regex(/^[^/\\\0]+$/, 'a file name, not a path'),
      mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'a media type such as text/plain').default('application/octet-stream'),
      base64: z.base64().max(Math.ceil((16 * 1024 * 1024) / 3) * 4, 'attachments are limited to 16 MiB'),
    }),
    output: draftView,
  }),
  'mail.drafts': method({ summary: 'The drafts of a case (or the vault-wide ones).', input: z.strictObject({ caseId: mailScope.default(null) }), output: z.array(draftSummary) }),
  'mail.showDraft': method({
    summary: 'One draft (a given version, or the latest) with its recipients’ key health and its attachments.',
    input: z.strictObject({ ...scopeAndDraft, version: z.number().int().min(1).optional() }),
    output: draftView,
  }),
  'mail.export': method({
    summary: 'Export a draft as encrypted and signed PGP/MIME (.eml or mbox), or in clear once the Release Date has passed.',
    input: z.strictObject({
      ...scopeAndDraft,
      version: z.number().int().min(1).optional(),
      /** A .eml file, an mbox file (mbox), or a directory (perRecipient without mbox); omitted: returned as a download. */
      output: z.string().min(1).max(4096).optional(),
      /** More keys to encrypt to, besides the recipients' own. */
      encryptTo: z.array(pgpFingerprint).max(500).default([]),
      /** Omitted: an encrypted export is signed by the Fix Lead's own key when the vault has one; false: never signed. A clear export is signed only on request. */
      sign: z.boolean().optional(),
      perRecipient: z.boolean().default(false),
      mbox: z.boolean().default(false),
      clear: z.boolean().default(false),
      /** Export in clear before the Release Date; logged on the timeline with who, what and when. */
      overrideEmbargo: z.boolean().default(false),
      reason: z.string().trim().max(2000).optional(),
      /** Export even though ⟦missing: …⟧ markers remain. */
      allowIncomplete: z.boolean().default(false),
      /** Leave out recipients no key of whose can receive (they are listed in the result and the log). */
      allowUnreachable: z.boolean().default(false),
    }),
    output: mailExportResult,
  }),
  'mail.notices': method({ summary: 'The notices sent to distributors on a case, with each member’s answer.', input: z.strictObject({ caseId }), output: z.array(distributorNotice) }),
  'mail.ack': method({
    summary: "Record a distributor's answer to a notice: acknowledged, tested (with or without problems), not affected.",
    input: z.strictObject({
      caseId,
      notice: z.string().regex(/^N\d+$/, 'a notice id looks like N1'),
      member: distributorId,
      state: ackState,
      note: z.string().max(5000).default(''),
      at: instant.optional(),
    }),
    output: distributorNotice,
  }),
  'mail.reminders': method({
    summary: 'Distributors to remind: no answer (or no work reported) as the Release Date nears.',
    input: z.strictObject({ caseId, withinHours: z.number().int().min(1).max(24 * 60).optional(), quietHours: z.number().int().min(1).max(24 * 60).optional() }),
    output: reminders,
  }),
} as const;
