// `mail.templates`: Every email template of the process.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { listTemplates } from './template-store.ts';

export function templatesHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.templates']> {
  return async () => listTemplates(session);
}
