// `mail.saveTemplate`: Change a template's subject or body for this vault.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { saveTemplate } from './template-store.ts';

export function saveTemplateHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.saveTemplate']> {
  return async ({ id, subject, body }) => saveTemplate(session, id, { subject, body });
}
