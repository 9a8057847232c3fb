// Drafts: made from a template and filled from the case, then edited; every save is a new
// version and the old ones stay. The body is plain text wrapped at 72 columns; the variables
// the case could not fill stay visible as ⟦missing: name⟧ until someone writes them in.
import { createHash } from 'node:crypto';
import type {
  AttachmentRef,
  DraftContext,
  DraftRecipient,
  DraftSummary,
  DraftVersion,
  DraftView,
  Mailbox,
  MailMode,
  MailPreview,
  MailTemplateId,
} from '../../shared/contract/mail.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { actorName, mutateCase } from '../cases/case-store.ts';
import { readKeyring } from '../keyring/store.ts';
import { newId } from '../people/store.ts';
import type { CoreSession } from '../session.ts';
import { remindersFrom } from './acks.ts';
import { attachmentView } from './attachments.ts';
import { loadMailContext, type MailContext } from './context.ts';
import { draftVersionOf, mailScope, mutateMail, putFile, readMail, requireDraft, type StoredDraft } from './draft-store.ts';
import { recipientsFromSpecs, resolveRecipients, toHealth } from './recipients.ts';
import { missingIn, placeholdersIn, renderSubject, renderTemplate } from './render.ts';
import { readTemplate, type EffectiveTemplate } from './template-store.ts';
import { VARIABLE_NAMES, variableValues } from './variables.ts';
import { wrapText } from './wrap.ts';
import { DEFAULT_TEMPLATES } from './templates/index.ts';
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';

export class SenderUnknownError extends EmbargoError {
  constructor() {
    super('SenderUnknown', 'No sender address: set one with "embargo mail settings --from \'Name <address>\'" or generate your own key (its user ID is the default sender).', {});
  }
}

function requireScopeFor(template: EffectiveTemplate, caseId: string | null): void {
  if (template.scope === 'case' && caseId === null) {
    throw new EmbargoError('InvalidInput', `The ${template.title} is written from a case: give the case id.`, { template: template.id });
  }
}

function fill(template: EffectiveTemplate, context: MailContext, vars: Record<string, string>): { subject: string; body: string; missing: string[]; values: Record<string, string | null> } {
  const values = variableValues(context, vars);
  const subject = renderSubject(template.subject, values);
  const body = renderTemplate(template.body, values);
  return { subject: subject.text, body: wrapText(body.text), missing: [...new Set([...subject.missing, ...body.missing])], values };
}

export async function previewTemplate(
  session: CoreSession,
  input: { caseId: string | null; template: MailTemplateId; context: DraftContext; vars: Record<string, string> },
): Promise<MailPreview> {
  const template = await readTemplate(session, input.template);
  requireScopeFor(template, input.caseId);
  const scope = mailScope(session, input.caseId);
  const context = await loadMailContext(session, input.caseId, input.context, (await readMail(session, scope)).notices);
  const filled = fill(template, context, input.vars);
  const used = placeholdersIn(`${template.subject}\n${template.body}`);
  return {
    subject: filled.subject,
    body: filled.body,
    missing: filled.missing,
    unknownVariables: used.filter((name) => !VARIABLE_NAMES.has(name) && !(name in input.vars)),
    variables: Object.fromEntries(Object.entries(filled.values).map(([name, value]) => [name, value && value.trim() !== '' ? value : null])),
  };
}

async function defaultAttachments(session: CoreSession, template: EffectiveTemplate): Promise<AttachmentRef[]> {
  const refs: AttachmentRef[] = [];
  for (const kind of template.attachments) {
    if (kind === 'patches') refs.push({ kind: 'patches', branches: [] });
    if (kind === 'own-key') {
      const own = (await readKeyring(session)).ownFingerprint;
      if (own) refs.push({ kind: 'public-key', fingerprint: own });
    }
  }
  return refs;
}

async function buildView(session: CoreSession, draft: StoredDraft, version: DraftVersion, context: MailContext): Promise<DraftView> {
  const resolved = await resolveRecipients(session, context, version.to, version.cc);
  const latest = draft.versions[draft.versions.length - 1]!;
  return {
    id: draft.id,
    caseId: draft.caseId,
    templateId: draft.templateId,
    createdAt: draft.createdAt,
    context: draft.context,
    version: version.version,
    latestVersion: latest.version,
    savedAt: version.savedAt,
    savedBy: version.savedBy,
    subject: version.subject,
    body: version.body,
    from: version.from,
    to: version.to,
    cc: version.cc,
    toAddresses: resolved.filter((r) => r.field === 'to').flatMap((r) => r.addresses),
    ccAddresses: resolved.filter((r) => r.field === 'cc').flatMap((r) => r.addresses),
    attachments: await Promise.all(version.attachments.map((ref) => attachmentView(session, context, ref))),
    mode: version.mode,
    missing: missingIn(version.subject, version.body),
    recipients: resolved.map(toHealth),
    unresolved: draft.unresolved,
    versions: draft.versions.map(({ version: number, savedAt, savedBy, subject }) => ({ version: number, savedAt, savedBy, subject })),
    exports: draft.exports,
    checklistItems: DEFAULT_TEMPLATES[draft.templateId].checklistItems,
  };
}

export async function showDraft(session: CoreSession, caseId: string | null, id: string, version?: number): Promise<DraftView> {
  const scope = mailScope(session, caseId);
  const document = await readMail(session, scope);
  const draft = requireDraft(document, scope, id);
  const context = await loadMailContext(session, caseId, draft.context, document.notices);
  return buildView(session, draft, draftVersionOf(draft, version), context);
}

export async function listDrafts(session: CoreSession, caseId: string | null): Promise<DraftSummary[]> {
  const scope = mailScope(session, caseId);
  const document = await readMail(session, scope);
  return Object.values(document.drafts)
    .map((draft): DraftSummary => {
      const latest = draft.versions[draft.versions.length - 1]!;
      return {
        id: draft.id,
        caseId: draft.caseId,
        templateId: draft.templateId,
        subject: latest.subject,
        version: latest.version,
        createdAt: draft.createdAt,
        savedAt: latest.savedAt,
        mode: latest.mode,
        missing: missingIn(latest.subject, latest.body),
        exports: draft.exports.length,
      };
    })
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.id.localeCompare(b.id));
}

async function logOnCase(session: CoreSession, caseId: string | null, type: string, data: Record<string, unknown>): Promise<void> {
  if (caseId === null) return;
  await mutateCase(session.cases(), caseId, (fields) => fields, () => [{ type, data }]);
}

export async function createDraft(
  session: CoreSession,
  input: { caseId: string | null; template: MailTemplateId; context: DraftContext; vars: Record<string, string>; bodyFrom?: string },
): Promise<DraftView> {
  const template = await readTemplate(session, input.template);
  requireScopeFor(template, input.caseId);
  const scope = mailScope(session, input.caseId);
  const existing = await readMail(session, scope);
  const context = await loadMailContext(session, input.caseId, input.context, existing.notices);
  if (!context.sender) throw new SenderUnknownError();
  const filled = fill(template, context, input.vars);
  let body = filled.body;
  if (input.bodyFrom) body = draftVersionOf(requireDraft(existing, scope, input.bodyFrom), undefined).body;
  const reminders =
    context.document && template.to.some((spec) => 'role' in spec && spec.role === 'membersToRemind')
      ? remindersFrom(existing.notices, context.document.case.releaseDate, context.now, context.settings.reminderWithinHours, context.settings.reminderQuietHours, () => [])
      : [];
  const to = recipientsFromSpecs(context, template.to, reminders);
  const cc = recipientsFromSpecs(context, template.cc, reminders);
  const at = context.now.toISOString();
  const version: DraftVersion = {
    version: 1,
    savedAt: at,
    savedBy: actorName(session.cases()),
    subject: filled.subject,
    body,
    from: context.sender,
    to: to.recipients,
    cc: cc.recipients.filter((recipient) => !to.recipients.some((other) => JSON.stringify(other) === JSON.stringify(recipient))),
    attachments: await defaultAttachments(session, template),
    mode: template.mode,
  };
  const draft = await mutateMail(
    session,
    scope,
    (document) => {
      const id = newId('draft', session.ports.randomBytes, (candidate) => candidate in document.drafts);
      const stored: StoredDraft = {
        id,
        templateId: template.id,
        caseId: input.caseId,
        createdAt: at,
        context: input.context,
        unresolved: [...new Set([...to.unresolved, ...cc.unresolved])],
        versions: [version],
        exports: [],
      };
      document.drafts[id] = stored;
      return stored;
    },
    (stored) => logOnCase(session, input.caseId, 'mail.draft-created', { draft: stored.id, template: template.id, subject: version.subject }),
  );
  return buildView(session, draft, version, context);
}

export interface DraftChanges {
  baseVersion?: number;
  subject?: string;
  body?: string;
  from?: Mailbox;
  to?: DraftRecipient[];
  cc?: DraftRecipient[];
  attachments?: AttachmentRef[];
  mode?: MailMode;
}

function nextVersion(session: CoreSession, latest: DraftVersion, changes: DraftChanges): DraftVersion {
  return {
    version: latest.version + 1,
    savedAt: session.ports.now().toISOString(),
    savedBy: actorName(session.cases()),
    subject: changes.subject === undefined ? latest.subject : changes.subject.replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    body: changes.body === undefined ? latest.body : wrapText(changes.body),
    from: changes.from ?? latest.from,
    to: changes.to ?? latest.to,
    cc: changes.cc ?? latest.cc,
    attachments: changes.attachments ?? latest.attachments,
    mode: changes.mode ?? latest.mode,
  };
}

function sameContent(a: DraftVersion, b: DraftVersion): boolean {
  const { version: _a, savedAt: _b, savedBy: _c, ...left } = a;
  const { version: _d, savedAt: _e, savedBy: _f, ...right } = b;
  return JSON.stringify(left) === JSON.stringify(right);
}

function knownFiles(draft: StoredDraft): Set<string> {
  return new Set(draft.versions.flatMap((version) => version.attachments.flatMap((ref) => (ref.kind === 'file' ? [ref.fileId] : []))));
}

export async function saveDraft(session: CoreSession, caseId: string | null, id: string, changes: DraftChanges): Promise<DraftView> {
  const scope = mailScope(session, caseId);
  const saved = await mutateMail(session, scope, (document) => {
    const draft = requireDraft(document, scope, id);
    const latest = draft.versions[draft.versions.length - 1]!;
    if (changes.baseVersion !== undefined && changes.baseVersion !== latest.version) {
      throw new EmbargoError('Conflict', `Draft ${id} was saved as version ${latest.version} since version ${changes.baseVersion} was opened; reload it before saving.`, {
        latest: latest.version,
        base: changes.baseVersion,
      });
    }
    const files = knownFiles(draft);
    for (const ref of changes.attachments ?? []) {
      if (ref.kind === 'file' && !files.has(ref.fileId)) {
        throw new EmbargoError('NotFound', `File ${ref.fileId} was never attached to draft ${id}; attach it with mail.attachFile.`, { what: 'attachment', id: ref.fileId });
      }
    }
    const next = nextVersion(session, latest, changes);
    if (!sameContent(next, latest)) draft.versions.push(next);
    return draft;
  });
  const document = await readMail(session, scope);
  const context = await loadMailContext(session, caseId, saved.context, document.notices);
  return buildView(session, saved, saved.versions[saved.versions.length - 1]!, context);
}

export async function attachFile(
  session: CoreSession,
  caseId: string | null,
  id: string,
  file: { name: string; mediaType: string; base64: string },
): Promise<DraftView> {
  const scope = mailScope(session, caseId);
  requireDraft(await readMail(session, scope), scope, id);
  const bytes = Buffer.from(file.base64, 'base64');
  const document = await readMail(session, scope);
  const fileId = newId('file', session.ports.randomBytes, (candidate) => Object.values(document.drafts).some((draft) => knownFiles(draft).has(candidate)));
  await putFile(session, scope, fileId, bytes);
  const ref: AttachmentRef = {
    kind: 'file',
    fileId,
    name: file.name,
    mediaType: file.mediaType,
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  const saved = await mutateMail(session, scope, (current) => {
    const draft = requireDraft(current, scope, id);
    const latest = draft.versions[draft.versions.length - 1]!;
    draft.versions.push(nextVersion(session, latest, { attachments: [...latest.attachments, ref] }));
    return draft;
  });
  const context = await loadMailContext(session, caseId, saved.context, (await readMail(session, scope)).notices);
  return buildView(session, saved, saved.versions[saved.versions.length - 1]!, context);
}

// `mail.drafts`: The drafts of a case (or the vault-wide ones).
export function draftsHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.drafts']> {
  return async ({ caseId }) => listDrafts(session, caseId);
}
