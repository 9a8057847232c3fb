import type { CaseKind } from '../../../shared/contract/index.ts';

/** The three disclosure kinds, in the words of the process. */
export const CASE_KINDS: { kind: CaseKind; label: string; description: string }[] = [
  { kind: 'private', label: 'Private', description: 'Responsible disclosure: the suggested windows of the process apply.' },
  { kind: 'public', label: 'Public', description: 'Already known publicly: every window becomes as soon as possible.' },
  { kind: 'upstream', label: 'Upstream-bound', description: "The fix follows another project's disclosure timeline." },
];

export function kindLabel(kind: CaseKind): string {
  return CASE_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}
