// Every default template, by id.
import type { MailTemplateId } from '../../../shared/contract/mail.ts';
import { DISTRIBUTORS_NOTICE, DISTRIBUTORS_REMINDER, DISTRIBUTORS_SECOND_NOTICE, FIX_TEAM_INVITATION, HANDOFF_NOTE, LEAK_REPORT } from './embargoed.ts';
import { DISTRIBUTOR_REMOVAL, MEMBERSHIP_ANSWER } from './membership.ts';
import { FORTHCOMING_FIX, OSS_SECURITY, RETROSPECTIVE, SECURITY_ADVISORY } from './public.ts';
import { PATCHES_UPDATED } from './patches-updated.ts';
import type { DefaultTemplate } from './types.ts';

export type { DefaultTemplate } from './types.ts';

export const DEFAULT_TEMPLATES: Readonly<Record<MailTemplateId, DefaultTemplate>> = {
  'fix-team-invitation': FIX_TEAM_INVITATION,
  'forthcoming-fix': FORTHCOMING_FIX,
  'distributors-notice': DISTRIBUTORS_NOTICE,
  'distributors-second-notice': DISTRIBUTORS_SECOND_NOTICE,
  'distributors-reminder': DISTRIBUTORS_REMINDER,
  'security-advisory': SECURITY_ADVISORY,
  'oss-security': OSS_SECURITY,
  retrospective: RETROSPECTIVE,
  'leak-report': LEAK_REPORT,
  'membership-answer': MEMBERSHIP_ANSWER,
  'distributor-removal': DISTRIBUTOR_REMOVAL,
  'handoff-note': HANDOFF_NOTE,
  'patches-updated': PATCHES_UPDATED,
};
