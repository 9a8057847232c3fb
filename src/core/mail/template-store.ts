// The vault's own version of the templates and the mail settings, in the vault document
// `mail-templates` (sealed like every other). Only what the user changed is stored: a
// template without an override is the default, and a reset removes the override.
import type { MailSettings, MailTemplateId, TemplateDetail, TemplateSummary } from '../../shared/contract/mail.ts';
import { mutateDocument, readDocument, type DocumentSpec } from '../keyring/vault-document.ts';
import type { CoreSession } from '../session.ts';
import { placeholdersIn } from './render.ts';
import { DEFAULT_TEMPLATES, type DefaultTemplate } from './templates/index.ts';
import { VARIABLE_NAMES } from './variables.ts';

interface TemplateOverride {
  subject?: string;
  body?: string;
  updatedAt: string;
}

export interface MailTemplatesDocument {
  schemaVersion: number;
  overrides: Partial<Record<MailTemplateId, TemplateOverride>>;
  settings: Partial<MailSettings>;
}

export const MAIL_TEMPLATES_DOCUMENT: DocumentSpec<MailTemplatesDocument> = {
  name: 'mail-templates',
  initial: () => ({ schemaVersion: 1, overrides: {}, settings: {} }),
};

/** The lists of the reference text (shared/reference/security-release-process.txt). */
export const DEFAULT_SETTINGS: MailSettings = {
  from: null,
  project: 'kubernetes',
  projectName: 'Kubernetes',
  lists: {
    security: 'kubernetes-security@googlegroups.com',
    distributors: 'kubernetes-distributors-announce@googlegroups.com',
    announce: 'kubernetes-announce@googlegroups.com',
    securityAnnounce: 'kubernetes-security-announce@googlegroups.com',
    securityDiscuss: 'kubernetes-security-discuss@googlegroups.com',
    dev: 'kubernetes-dev@googlegroups.com',
    users: 'kubernetes-users@googlegroups.com',
    ossSecurity: 'oss-security@lists.openwall.com',
  },
  outerSubject: '[...]',
  reminderWithinHours: 72,
  reminderQuietHours: 48,
};

export interface EffectiveTemplate extends DefaultTemplate {
  customised: boolean;
}

function effective(base: DefaultTemplate, override: TemplateOverride | undefined): EffectiveTemplate {
  return {
    ...base,
    subject: override?.subject ?? base.subject,
    body: override?.body ?? base.body,
    customised: override !== undefined,
  };
}

export async function readTemplate(session: CoreSession, id: MailTemplateId): Promise<EffectiveTemplate> {
  const document = await readDocument(session, MAIL_TEMPLATES_DOCUMENT);
  return effective(DEFAULT_TEMPLATES[id], document.overrides[id]);
}

export function summarise(template: EffectiveTemplate): TemplateSummary {
  const { id, title, description, scope, mode, customised, checklistItems } = template;
  return { id, title, description, scope, mode, customised, checklistItems };
}

export function detail(template: EffectiveTemplate): TemplateDetail {
  const base = DEFAULT_TEMPLATES[template.id];
  const variables = placeholdersIn(`${template.subject}\n${template.body}`);
  return {
    ...summarise(template),
    subject: template.subject,
    body: template.body,
    defaultSubject: base.subject,
    defaultBody: base.body,
    to: template.to,
    cc: template.cc,
    attachments: template.attachments,
    variables,
    unknownVariables: variables.filter((name) => !VARIABLE_NAMES.has(name)),
  };
}

export async function listTemplates(session: CoreSession): Promise<TemplateSummary[]> {
  const document = await readDocument(session, MAIL_TEMPLATES_DOCUMENT);
  return Object.values(DEFAULT_TEMPLATES).map((base) => summarise(effective(base, document.overrides[base.id])));
}

export async function saveTemplate(session: CoreSession, id: MailTemplateId, change: { subject?: string; body?: string }): Promise<TemplateDetail> {
  const at = session.ports.now().toISOString();
  const override = await mutateDocument(session, MAIL_TEMPLATES_DOCUMENT, (draft) => {
    const base = DEFAULT_TEMPLATES[id];
    const current = draft.overrides[id];
    const subject = change.subject ?? current?.subject ?? base.subject;
    const body = change.body ?? current?.body ?? base.body;
    const next: TemplateOverride = { updatedAt: at };
    if (subject !== base.subject) next.subject = subject;
    if (body !== base.body) next.body = body;
    // Saving the default text back is a reset: nothing is "customised" that equals the default.
    if (next.subject === undefined && next.body === undefined) delete draft.overrides[id];
    else draft.overrides[id] = next;
    return draft.overrides[id];
  });
  return detail(effective(DEFAULT_TEMPLATES[id], override));
}

export async function resetTemplate(session: CoreSession, id: MailTemplateId): Promise<TemplateDetail> {
  await mutateDocument(session, MAIL_TEMPLATES_DOCUMENT, (draft) => {
    delete draft.overrides[id];
  });
  return detail(effective(DEFAULT_TEMPLATES[id], undefined));
}

export async function readSettings(session: CoreSession): Promise<MailSettings> {
  const stored = (await readDocument(session, MAIL_TEMPLATES_DOCUMENT)).settings;
  return { ...DEFAULT_SETTINGS, ...stored, lists: { ...DEFAULT_SETTINGS.lists, ...(stored.lists ?? {}) } };
}

export async function updateSettings(session: CoreSession, change: Partial<MailSettings>): Promise<MailSettings> {
  await mutateDocument(session, MAIL_TEMPLATES_DOCUMENT, (draft) => {
    draft.settings = { ...draft.settings, ...change, ...(change.lists ? { lists: { ...(draft.settings.lists ?? DEFAULT_SETTINGS.lists), ...change.lists } } : {}) };
  });
  return readSettings(session);
}
