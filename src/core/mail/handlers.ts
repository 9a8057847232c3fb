// The composer's contract methods: templates and settings, drafts and their versions,
// exports, and the distributors' acknowledgements.
import type { HandlersOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { mailImportMethods } from '../../shared/contract/mail-import.ts';
import type { CoreSession } from '../session.ts';
import { ackHandler } from './ack.ts';
import { attachFileHandler } from './attach-file.ts';
import { createDraftHandler } from './create-draft.ts';
import { draftsHandler } from './drafts.ts';
import { exportHandler } from './export.ts';
import { importEmlHandler } from './import-eml.ts';
import { noticesHandler } from './notices.ts';
import { previewHandler } from './preview.ts';
import { remindersHandler } from './reminders.ts';
import { resetTemplateHandler } from './reset-template.ts';
import { saveDraftHandler } from './save-draft.ts';
import { saveTemplateHandler } from './save-template.ts';
import { settingsHandler } from './settings.ts';
import { showDraftHandler } from './show-draft.ts';
import { templateHandler } from './template.ts';
import { templatesHandler } from './templates.ts';
import { updateSettingsHandler } from './update-settings.ts';
import { variablesHandler } from './variables.ts';

export function mailHandlers(session: CoreSession): HandlersOf<typeof mailMethods & typeof mailImportMethods> {
  return {
    'mail.templates': templatesHandler(session),
    'mail.template': templateHandler(session),
    'mail.saveTemplate': saveTemplateHandler(session),
    'mail.resetTemplate': resetTemplateHandler(session),
    'mail.variables': variablesHandler(),
    'mail.settings': settingsHandler(session),
    'mail.updateSettings': updateSettingsHandler(session),
    'mail.preview': previewHandler(session),
    'mail.createDraft': createDraftHandler(session),
    'mail.saveDraft': saveDraftHandler(session),
    'mail.attachFile': attachFileHandler(session),
    'mail.drafts': draftsHandler(session),
    'mail.showDraft': showDraftHandler(session),
    'mail.export': exportHandler(session),
    'mail.importEml': importEmlHandler(session),
    'mail.notices': noticesHandler(session),
    'mail.ack': ackHandler(session),
    'mail.reminders': remindersHandler(session),
  };
}
