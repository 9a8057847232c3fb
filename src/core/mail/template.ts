// `mail.template`: One template with its subject, body and default recipients.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { detail, readTemplate } from './template-store.ts';

export function templateHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.template']> {
  return async ({ id }) => detail(await readTemplate(session, id));
}
