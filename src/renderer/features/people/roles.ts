import type { PersonRole } from '../../../shared/contract/index.ts';

/** The roles of the process, in its words, in the order the page filters them. */
export const ROLES: { role: PersonRole; label: string; plural: string }[] = [
  { role: 'pst', label: 'Product Security Team', plural: 'PST' },
  { role: 'release-manager', label: 'Release Manager', plural: 'Release Managers' },
  { role: 'fix-team', label: 'Fix Team', plural: 'Fix Team' },
  { role: 'reporter', label: 'Reporter', plural: 'Reporters' },
  { role: 'distributor-contact', label: 'Distributor contact', plural: 'Distributor contacts' },
];

export function roleLabel(role: PersonRole): string {
  return ROLES.find((entry) => entry.role === role)?.label ?? role;
}

/** "a@x.org\n b@y.org, c@z.org" → ["a@x.org", "b@y.org", "c@z.org"]: one per line or comma. */
export function parseEmails(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((email) => email.trim())
    .filter((email) => email !== '');
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function invalidEmails(emails: string[]): string[] {
  return emails.filter((email) => !EMAIL.test(email));
}
