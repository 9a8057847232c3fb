// `mail.preview`: A template filled from a case, without saving a draft; with every variable and its value.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { previewTemplate } from './drafts.ts';

export function previewHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.preview']> {
  return async (input) => previewTemplate(session, input);
}
