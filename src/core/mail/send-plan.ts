// Who gets which message, and encrypted to which keys: one message for every recipient, or
// one per recipient (a list split into its members). A recipient no key of whose can receive
// stops an encrypted export, unless the caller allows leaving such recipients out.
import type { Mailbox } from '../../shared/contract/mail.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { ResolvedRecipient } from './recipients.ts';

export interface Unit {
  recipients: ResolvedRecipient[];
  keys: string[];
}

/** One message for all, or one per recipient (a list split into its members). */
export function units(resolved: ResolvedRecipient[], perRecipient: boolean): ResolvedRecipient[][] {
  if (!perRecipient) return [resolved];
  return resolved.flatMap((recipient) => (recipient.parts ? recipient.parts.map((part) => [part]) : [[recipient]]));
}

/**
 * The keys of each message. A recipient no key of whose can receive stops the export, unless
 * the caller allows leaving such recipients out (then they are listed as excluded).
 */
export function encryptionPlan(groups: ResolvedRecipient[][], extra: string[], allowUnreachable: boolean): { units: Unit[]; excluded: { label: string; reason: string }[] } {
  const excluded: { label: string; reason: string }[] = [];
  const blocked: string[] = [];
  const planned: Unit[] = [];
  for (const group of groups) {
    const recipients: ResolvedRecipient[] = [];
    const keys = new Set<string>(extra);
    for (const recipient of group) {
      // A list reaches its members through its own address: a member needs a usable key, not an address.
      const unreachable = recipient.parts ? recipient.parts.filter((part) => part.usable.length === 0) : recipient.canReceive ? [] : [recipient];
      for (const part of unreachable) {
        const reason = part.problems.join('; ') || 'cannot receive encrypted mail';
        if (allowUnreachable) excluded.push({ label: part.label, reason });
        else blocked.push(`${part.label}: ${reason}`);
      }
      if (recipient.parts && recipient.parts.length === 0) blocked.push(`${recipient.label}: ${recipient.problems.join('; ')}`);
      const reachable = recipient.parts ? recipient.parts.some((part) => part.usable.length > 0) : recipient.canReceive;
      if (!reachable) continue;
      recipients.push(recipient);
      for (const key of recipient.usable) keys.add(key);
    }
    if (recipients.length > 0) planned.push({ recipients, keys: [...keys] });
  }
  if (blocked.length > 0) {
    throw new EmbargoError(
      'RecipientsCannotReceive',
      `Not every recipient can receive encrypted mail: ${blocked.join(' | ')}. Fix their keys (import, verify), remove them from the draft, or leave them out explicitly.`,
      { recipients: blocked },
    );
  }
  if (planned.length === 0) throw new EmbargoError('RecipientsCannotReceive', 'No recipient of this draft can receive encrypted mail.', { recipients: [] });
  return { units: planned, excluded };
}

export function mailboxes(recipients: ResolvedRecipient[], field: 'to' | 'cc'): Mailbox[] {
  const seen = new Set<string>();
  return recipients
    .filter((recipient) => recipient.field === field)
    .flatMap((recipient) => recipient.mailboxes)
    .filter((mailbox) => {
      const key = mailbox.address.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The distributors members an encrypted send reached: those of the list and the members addressed one by one. */
export function noticeMembers(planned: Unit[]): { memberId: string; organisation: string }[] {
  const members = new Map<string, string>();
  for (const unit of planned) {
    for (const recipient of unit.recipients) {
      const reached = recipient.parts ? recipient.parts.filter((part) => part.usable.length > 0) : [recipient];
      for (const part of reached) {
        if (part.recipient.kind !== 'distributor') continue;
        members.set(part.recipient.memberId, part.label.replace(/ \(distributor\)$/, ''));
      }
    }
  }
  return [...members].map(([memberId, organisation]) => ({ memberId, organisation }));
}
