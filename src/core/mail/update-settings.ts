// `mail.updateSettings`: Change the mail settings.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { updateSettings } from './template-store.ts';

export function updateSettingsHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.updateSettings']> {
  return async (change) => updateSettings(session, change);
}
