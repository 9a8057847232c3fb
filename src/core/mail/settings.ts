// `mail.settings`: Sender, list addresses and reminder thresholds.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { readSettings } from './template-store.ts';

export function settingsHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.settings']> {
  return async () => readSettings(session);
}
