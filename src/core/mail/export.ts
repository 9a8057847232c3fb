// `mail.export`: Export a draft as encrypted and signed PGP/MIME (.eml or mbox), or in clear once the Release
// Date has passed.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { exportDraft } from './export-mail.ts';

export function exportHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.export']> {
  return async (input) => exportDraft(session, input);
}
