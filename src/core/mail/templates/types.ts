// A default template: what it is for, whom it goes to, how it is sent, and its text. The
// subject and body are the parts a vault may change (template-store.ts keeps the changes).
import type { MailMode, MailTemplateId, RecipientSpec } from '../../../shared/contract/mail.ts';

export interface DefaultTemplate {
  id: MailTemplateId;
  title: string;
  description: string;
  scope: 'case' | 'vault';
  mode: MailMode;
  to: RecipientSpec[];
  cc: RecipientSpec[];
  attachments: ('patches' | 'own-key')[];
  checklistItems: string[];
  subject: string;
  body: string;
}

/** Joins template lines; templates are written one line per array entry to keep them readable. */
export function lines(...text: string[]): string {
  return text.join('\n');
}
