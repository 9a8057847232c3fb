// The mail templates and lists by name, in a module without zod: the CLI checks and lists them
// before it loads the contract.

export const MAIL_TEMPLATE_IDS = [
  'fix-team-invitation',
  'forthcoming-fix',
  'distributors-notice',
  'distributors-second-notice',
  'distributors-reminder',
  'security-advisory',
  'oss-security',
  'retrospective',
  'leak-report',
  'membership-answer',
  'distributor-removal',
  'handoff-note',
  'patches-updated',
] as const;

/** The mailing lists the process writes to; their addresses are per-vault settings. */
export const MAIL_LISTS = ['security', 'distributors', 'announce', 'securityAnnounce', 'securityDiscuss', 'dev', 'users', 'ossSecurity'] as const;
