// The composer's contract methods: templates and settings, drafts and their versions,
// exports, and the distributors' acknowledgements.
import type { Handlers } from '../../shared/contract/index.ts';
import type { CoreSession } from '../session.ts';
import { listNotices, recordAck, reminders } from './acks.ts';
import { attachFile, createDraft, listDrafts, previewTemplate, saveDraft, showDraft } from './drafts.ts';
import { exportDraft } from './export-mail.ts';
import { importEml } from './import-eml.ts';
import { detail, listTemplates, readSettings, readTemplate, resetTemplate, saveTemplate, updateSettings } from './template-store.ts';
import { variableInfos } from './variables.ts';

type MailMethod = Extract<keyof Handlers, `mail.${string}`>;

export function mailHandlers(session: CoreSession): Pick<Handlers, MailMethod> {
  return {
    'mail.templates': async () => listTemplates(session),
    'mail.template': async ({ id }) => detail(await readTemplate(session, id)),
    'mail.saveTemplate': async ({ id, subject, body }) => saveTemplate(session, id, { subject, body }),
    'mail.resetTemplate': async ({ id }) => resetTemplate(session, id),
    'mail.variables': async () => variableInfos(),
    'mail.settings': async () => readSettings(session),
    'mail.updateSettings': async (change) => updateSettings(session, change),
    'mail.preview': async (input) => previewTemplate(session, input),
    'mail.createDraft': async (input) => createDraft(session, input),
    'mail.saveDraft': async ({ caseId, draft, ...changes }) => saveDraft(session, caseId, draft, changes),
    'mail.attachFile': async ({ caseId, draft, ...file }) => attachFile(session, caseId, draft, file),
    'mail.drafts': async ({ caseId }) => listDrafts(session, caseId),
    'mail.showDraft': async ({ caseId, draft, version }) => showDraft(session, caseId, draft, version),
    'mail.export': async (input) => exportDraft(session, input),
    'mail.importEml': async (input) => importEml(session, input),
    'mail.notices': async ({ caseId }) => listNotices(session, caseId),
    'mail.ack': async (input) => recordAck(session, input),
    'mail.reminders': async ({ caseId, withinHours, quietHours }) => reminders(session, caseId, { withinHours, quietHours }),
  };
}
