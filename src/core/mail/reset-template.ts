// `mail.resetTemplate`: Bring back the default subject and body of a template.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { resetTemplate } from './template-store.ts';

export function resetTemplateHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.resetTemplate']> {
  return async ({ id }) => resetTemplate(session, id);
}
