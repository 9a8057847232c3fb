// Recipients, twice: a template's roles become the draft's recipients when the draft is made
// (the Fix Team of the case, the incoming lead, the requester, …), and a draft's recipients
// become addresses and keys every time the draft is shown or exported, so the key health is
// always today's. A list carries the keys of its members: the distributors list every
// current member's usable keys, the security list the PST's.
import type { DistributorMember } from '../../shared/contract/distributors.ts';
import type { DraftRecipient, Mailbox, RecipientHealth, RecipientSpec, Reminder } from '../../shared/contract/mail.ts';
import { memberHealth } from '../distributors/health.ts';
import { checkRecipient } from '../keyring/recipients.ts';
import { readKeyring, type KeyringDocument } from '../keyring/store.ts';
import type { CoreSession } from '../session.ts';
import type { MailContext } from './context.ts';

// ── Template roles → draft recipients ────────────────────────────────────────────────────

function refRecipient(context: MailContext, ref: string | null | undefined, unresolved: string[]): DraftRecipient[] {
  if (!ref) return [];
  const entry = context.directory.lookup(ref);
  if (entry?.kind === 'person') return [{ kind: 'person', personId: entry.id }];
  if (entry?.kind === 'roster') return [{ kind: 'roster', rosterId: entry.id }];
  unresolved.push(ref);
  return [];
}

function specRecipients(context: MailContext, spec: RecipientSpec, reminders: readonly Reminder[], unresolved: string[]): DraftRecipient[] {
  if ('list' in spec) return [{ kind: 'list', list: spec.list }];
  const people = context.document?.case.people;
  switch (spec.role) {
    case 'fixTeam':
      return (people?.fixTeam ?? []).flatMap((ref) => refRecipient(context, ref, unresolved));
    case 'releaseManagers':
      return (people?.releaseManagers ?? []).flatMap((ref) => refRecipient(context, ref, unresolved));
    case 'fixLead':
      return refRecipient(context, people?.fixLead, unresolved);
    case 'reporter':
      return refRecipient(context, people?.reporter, unresolved);
    case 'handoffTo':
      return refRecipient(context, context.handoff?.to, unresolved);
    case 'requester':
      return refRecipient(context, context.request?.requester, unresolved);
    case 'memberContacts':
      return context.member ? [{ kind: 'distributor', memberId: context.member.id }] : [];
    case 'membersToRemind':
      return [...new Set(reminders.map((reminder) => reminder.memberId))].map((memberId) => ({ kind: 'distributor', memberId }));
  }
}

function recipientKey(recipient: DraftRecipient): string {
  return JSON.stringify(recipient);
}

export function recipientsFromSpecs(
  context: MailContext,
  specs: readonly RecipientSpec[],
  reminders: readonly Reminder[] = [],
): { recipients: DraftRecipient[]; unresolved: string[] } {
  const unresolved: string[] = [];
  const seen = new Set<string>();
  const recipients: DraftRecipient[] = [];
  for (const spec of specs) {
    for (const recipient of specRecipients(context, spec, reminders, unresolved)) {
      const key = recipientKey(recipient);
      if (seen.has(key)) continue;
      seen.add(key);
      recipients.push(recipient);
    }
  }
  return { recipients, unresolved };
}

// ── Draft recipients → addresses and keys ────────────────────────────────────────────────

export interface ResolvedRecipient extends Omit<RecipientHealth, 'addresses'> {
  mailboxes: Mailbox[];
  addresses: string[];
  /** Keys that can receive now. */
  usable: string[];
  /** A list split into its members, for one message per recipient. */
  parts: ResolvedRecipient[] | null;
}

interface Resolver {
  context: MailContext;
  keyring: KeyringDocument;
  now: Date;
}

async function keyChecks(resolver: Resolver, fingerprints: readonly string[]): Promise<RecipientHealth['keys']> {
  const unique = [...new Set(fingerprints)];
  return Promise.all(
    unique.map(async (fingerprint) => {
      const check = await checkRecipient(resolver.keyring, fingerprint, resolver.now);
      return { fingerprint, ok: check.ok, reason: check.ok ? null : check.reason };
    }),
  );
}

function finish(
  field: 'to' | 'cc',
  recipient: DraftRecipient,
  label: string,
  mailboxes: Mailbox[],
  keys: RecipientHealth['keys'],
  problems: string[],
  extra: { members?: RecipientHealth['members']; parts?: ResolvedRecipient[] | null; canReceive?: boolean } = {},
): ResolvedRecipient {
  const usable = keys.filter((key) => key.ok).map((key) => key.fingerprint);
  const keyProblems = keys.filter((key) => !key.ok).map((key) => `key ${key.fingerprint}: ${key.reason ?? 'cannot receive'}`);
  const allProblems = [...problems, ...keyProblems];
  if (mailboxes.length === 0) allProblems.unshift('no mail address');
  if (keys.length === 0 && extra.members === undefined) allProblems.push('no key to encrypt to');
  return {
    field,
    recipient,
    label,
    mailboxes,
    addresses: mailboxes.map((mailbox) => mailbox.address),
    keys,
    usable,
    canReceive: extra.canReceive ?? (usable.length > 0 && mailboxes.length > 0),
    problems: allProblems,
    members: extra.members ?? null,
    parts: extra.parts ?? null,
  };
}

async function resolveMember(resolver: Resolver, field: 'to' | 'cc', member: DistributorMember, recipient: DraftRecipient): Promise<ResolvedRecipient> {
  const { context } = resolver;
  const health = await memberHealth(member, context.people, resolver.keyring, resolver.now);
  const mailboxes: Mailbox[] = member.contacts.flatMap((personId) => {
    const person = context.people.people[personId];
    const address = person && person.removedAt === null ? person.emails[0] : undefined;
    return address ? [{ name: person!.name, address }] : [];
  });
  const keys = [
    ...health.recipients.map((fingerprint) => ({ fingerprint, ok: true, reason: null })),
    ...health.problems.filter((p) => p.fingerprint).map((p) => ({ fingerprint: p.fingerprint!, ok: false, reason: p.reason })),
  ];
  const problems = health.problems.filter((p) => !p.fingerprint).map((p) => p.reason);
  if (member.status === 'removed') problems.unshift(`${member.organisation} was removed from the list`);
  return finish(field, recipient, `${member.organisation} (distributor)`, mailboxes, keys, problems, {
    canReceive: member.status === 'member' && health.ok && mailboxes.length > 0,
  });
}

async function resolveList(resolver: Resolver, field: 'to' | 'cc', recipient: Extract<DraftRecipient, { kind: 'list' }>): Promise<ResolvedRecipient> {
  const { context } = resolver;
  const address = context.settings.lists[recipient.list];
  const mailbox = { name: '', address };
  if (recipient.list === 'distributors') {
    const current = Object.values(context.distributors.members)
      .filter((member) => member.status === 'member')
      .sort((a, b) => a.organisation.localeCompare(b.organisation));
    const parts = await Promise.all(current.map((member) => resolveMember(resolver, field, member, { kind: 'distributor', memberId: member.id })));
    // Mail to the list reaches a member through the list's address: what matters is a usable key.
    const members = parts.map((part, i) => ({
      memberId: current[i]!.id,
      organisation: current[i]!.organisation,
      ok: part.usable.length > 0,
      recipients: part.usable,
      problems: part.problems,
    }));
    const problems = parts.filter((part) => part.usable.length === 0).map((part) => `${part.label}: ${part.problems.join('; ') || 'cannot receive'}`);
    if (current.length === 0) problems.push('the distributors list has no members');
    const keys = parts.flatMap((part) => part.usable.map((fingerprint) => ({ fingerprint, ok: true, reason: null })));
    return finish(field, recipient, `distributors list <${address}>`, [mailbox], keys, problems, {
      members,
      parts,
      canReceive: current.length > 0 && parts.every((part) => part.usable.length > 0),
    });
  }
  if (recipient.list === 'security') {
    // The security list is the PST: encrypted mail to it is encrypted to the PST's keys.
    const pst = context.roster.members.filter((member) => member.removedAt === null);
    const keys = await keyChecks(resolver, pst.flatMap((member) => (member.fingerprint ? [member.fingerprint] : [])));
    const problems = pst.filter((member) => !member.fingerprint).map((member) => `${member.name} (PST) has no key`);
    return finish(field, recipient, `security list <${address}>`, [mailbox], keys, problems);
  }
  return finish(field, recipient, `${recipient.list} list <${address}>`, [mailbox], [], ['a public list: nothing can be encrypted to it']);
}

async function resolveOne(resolver: Resolver, field: 'to' | 'cc', recipient: DraftRecipient): Promise<ResolvedRecipient> {
  const { context } = resolver;
  switch (recipient.kind) {
    case 'list':
      return resolveList(resolver, field, recipient);
    case 'distributor': {
      const member = context.distributors.members[recipient.memberId];
      if (!member) return finish(field, recipient, recipient.memberId, [], [], [`no distributor ${recipient.memberId}`]);
      return resolveMember(resolver, field, member, recipient);
    }
    case 'person':
    case 'roster': {
      const id = recipient.kind === 'person' ? recipient.personId : recipient.rosterId;
      const entry = context.directory.lookup(id);
      if (!entry) return finish(field, recipient, id, [], [], [`${id} is neither in the people list nor on the roster`]);
      const problems = entry.active ? [] : [`${entry.name} is no longer active`];
      const mailboxes = entry.addresses.slice(0, 1).map((address) => ({ name: entry.name, address }));
      return finish(field, recipient, entry.name, mailboxes, await keyChecks(resolver, entry.fingerprints), problems);
    }
    case 'address':
      return finish(field, recipient, recipient.name ? `${recipient.name} <${recipient.address}>` : recipient.address, [{ name: recipient.name, address: recipient.address }], await keyChecks(resolver, recipient.fingerprints), []);
  }
}

export async function resolveRecipients(
  session: CoreSession,
  context: MailContext,
  to: readonly DraftRecipient[],
  cc: readonly DraftRecipient[],
): Promise<ResolvedRecipient[]> {
  const resolver: Resolver = { context, keyring: await readKeyring(session), now: context.now };
  const resolved: ResolvedRecipient[] = [];
  for (const recipient of to) resolved.push(await resolveOne(resolver, 'to', recipient));
  for (const recipient of cc) resolved.push(await resolveOne(resolver, 'cc', recipient));
  return resolved;
}

export function toHealth(resolved: ResolvedRecipient): RecipientHealth {
  const { field, recipient, label, addresses, keys, canReceive, problems, members } = resolved;
  return { field, recipient, label, addresses, keys, canReceive, problems, members };
}
