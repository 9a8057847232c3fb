// Adding recipients to a draft: the process's mailing lists (the distributors list is the
// whole list in one choice), people, distributor members, the PST and Release Managers of the
// roster, or a bare address. Each shows whether it can receive encrypted mail before it is
// chosen; everything chosen is added in one save (one new version of the draft).
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { DraftRecipient, DraftView, MailList, OutputOf } from '../../../shared/contract/index.ts';
import { MAIL_LISTS } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { ReceiveStatus, ShortFingerprint } from '../keyring/KeyBadges.tsx';
import { LIST_LABELS, plural, recipientKey, withRecipient } from './mail-model.ts';
import type { RecipientChange } from './RecipientsPanel.tsx';

interface Candidate {
  recipient: DraftRecipient;
  title: string;
  detail: string;
  health: ReactElement;
  /** Words the filter matches. */
  text: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function AddRecipientDialog({ view, onClose, onAdd }: { view: DraftView; onClose(): void; onAdd(change: RecipientChange): Promise<string | null> }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const settings = useQuery('mail.settings', {}, revision);
  const listHealth = useQuery('distributors.health', {}, revision);
  const people = useQuery('people.list', {}, revision);
  const members = useQuery('distributors.list', {}, revision);
  const roster = useQuery('roster.show', {}, revision);
  const [field, setField] = useState<'to' | 'cc'>('to');
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<DraftRecipient[]>([]);
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const present = new Set([...view.to, ...view.cc].map(recipientKey));
  const rosterChecks = useRosterKeyChecks(roster.value);

  const groups: { title: string; items: Candidate[] }[] = [
    {
      title: 'Mailing lists',
      items: MAIL_LISTS.map((list: MailList) => {
        const address = settings.value?.lists[list] ?? '';
        let health: ReactElement = <span className="faint">Public list: sent in clear only</span>;
        if (list === 'distributors') {
          const h = listHealth.value;
          health = h ? (
            h.members.length === 0 ? (
              <ReceiveStatus ok={false} reason="The list has no members yet" />
            ) : h.ok ? (
              <ReceiveStatus ok reason={null} />
            ) : (
              <ReceiveStatus ok={false} reason={`${plural(h.cannotReceive.length, 'member')} of ${h.members.length} cannot receive`} />
            )
          ) : (
            <span className="faint">Checking…</span>
          );
        }
        if (list === 'security') health = <span className="faint">Encrypted to the PST’s keys</span>;
        return {
          recipient: { kind: 'list', list },
          title: LIST_LABELS[list].title,
          detail: `${address} · ${LIST_LABELS[list].hint}`,
          health,
          text: `${LIST_LABELS[list].title} ${address}`,
        };
      }),
    },
    {
      title: 'Distributor members',
      items: (members.value ?? []).map((member) => ({
        recipient: { kind: 'distributor', memberId: member.id },
        title: member.organisation,
        detail: `${member.distribution} · ${member.contactNames.join(', ') || 'no contact'}`,
        health: <ReceiveStatus ok={member.health.ok} reason={member.health.ok ? null : (member.health.problems[0]?.reason ?? null)} />,
        text: `${member.organisation} ${member.distribution} ${member.contactNames.join(' ')}`,
      })),
    },
    {
      title: 'People',
      items: (people.value ?? []).map((person) => {
        const problem = person.keys.find((key) => !key.canReceive)?.problem ?? (person.keys.length === 0 ? 'No key' : null);
        return {
          recipient: { kind: 'person', personId: person.id },
          title: person.name,
          detail: [person.emails[0] ?? 'no address', person.organisation].filter((part) => part !== '').join(' · '),
          health: <ReceiveStatus ok={person.canReceiveEncrypted} reason={person.canReceiveEncrypted ? null : problem} />,
          text: `${person.name} ${person.emails.join(' ')} ${person.organisation}`,
        };
      }),
    },
    {
      title: 'Roster',
      items: [
        ...(roster.value?.members ?? [])
          .filter((member) => member.removedAt === null)
          .map((member) => ({ id: member.id, name: member.name, contact: member.contact, fingerprint: member.fingerprint, role: 'PST' })),
        ...(roster.value?.minors ?? [])
          .filter((minor) => minor.deprecatedAt === null)
          .flatMap((minor) =>
            minor.releaseManagers
              .filter((manager) => manager.removedAt === null)
              .map((manager) => ({ id: manager.id, name: manager.name, contact: manager.contact, fingerprint: manager.fingerprint, role: `Release Manager ${minor.minor}` })),
          ),
      ].map((entry) => ({
        recipient: { kind: 'roster', rosterId: entry.id },
        title: entry.name,
        detail: `${entry.role} · ${entry.contact || 'no contact'}`,
        health: entry.fingerprint ? (
          <span className="composer-health__key">
            <ShortFingerprint fingerprint={entry.fingerprint} />
            {rosterChecks[entry.fingerprint] ? (
              <ReceiveStatus ok={rosterChecks[entry.fingerprint]!.ok} reason={rosterChecks[entry.fingerprint]!.reason} />
            ) : (
              <span className="faint">Checking…</span>
            )}
          </span>
        ) : (
          <ReceiveStatus ok={false} reason="No key on the roster" />
        ),
        text: `${entry.name} ${entry.contact} ${entry.role}`,
      })),
    },
  ];

  const needle = filter.trim().toLowerCase();
  const addressValid = EMAIL.test(address.trim());

  function toggle(recipient: DraftRecipient, on: boolean): void {
    const key = recipientKey(recipient);
    setChosen((current) => (on ? [...current.filter((r) => recipientKey(r) !== key), recipient] : current.filter((r) => recipientKey(r) !== key)));
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const all = [...chosen];
    if (addressValid) all.push({ kind: 'address', address: address.trim(), name: name.trim(), fingerprints: [] });
    if (all.length === 0 || busy) return;
    let next: RecipientChange = { to: view.to, cc: view.cc };
    for (const recipient of all) next = withRecipient(next, field, recipient);
    setBusy(true);
    setFailed(null);
    const failure = await onAdd(next);
    setBusy(false);
    if (failure === null) onClose();
    else setFailed(failure);
  }

  const count = chosen.length + (addressValid ? 1 : 0);
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title="Add recipients" description="Whether each can receive encrypted mail is shown before you choose.">
      <form className="form dialog-body dialog-body--xwide" onSubmit={(event) => void submit(event)} noValidate>
        <div className="add-recipients__top">
          <div className="mail-segmented" role="group" aria-label="Add to">
            {(['to', 'cc'] as const).map((candidate) => (
              <button key={candidate} type="button" className={field === candidate ? 'is-on' : undefined} aria-pressed={field === candidate} onClick={() => setField(candidate)}>
                {candidate === 'to' ? 'To' : 'Cc'}
              </button>
            ))}
          </div>
          <input
            className="input"
            type="search"
            aria-label="Filter recipients"
            placeholder="Filter by name, organisation or address"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            data-autofocus
          />
        </div>
        <div className="add-recipients__groups">
          {groups.map((group) => {
            const items = group.items.filter((item) => needle === '' || item.text.toLowerCase().includes(needle));
            return (
              <div key={group.title} className="add-recipients__group" role="group" aria-label={group.title}>
                <h3 className="mail-templates__heading">{group.title}</h3>
                {items.length === 0 ? <p className="faint add-recipients__none">{group.items.length === 0 ? 'None yet.' : 'No match.'}</p> : null}
                <ul className="add-recipients__list">
                  {items.map((item) => {
                    const key = recipientKey(item.recipient);
                    const already = present.has(key);
                    return (
                      <li key={key}>
                        <label className={`add-recipients__item${already ? ' is-present' : ''}`}>
                          <input
                            type="checkbox"
                            checked={already || chosen.some((r) => recipientKey(r) === key)}
                            disabled={already || busy}
                            onChange={(event) => toggle(item.recipient, event.target.checked)}
                          />
                          <span className="add-recipients__who">
                            <span className="add-recipients__title">
                              {item.title}
                              {already ? <span className="faint"> · in the draft</span> : null}
                            </span>
                            <span className="add-recipients__detail">{item.detail}</span>
                          </span>
                          <span className="add-recipients__health">{item.health}</span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
          <div className="add-recipients__group" role="group" aria-label="Another address">
            <h3 className="mail-templates__heading">Another address</h3>
            <div className="add-recipients__address">
              <input className="input" aria-label="Name" placeholder="Name (optional)" value={name} onChange={(event) => setName(event.target.value)} disabled={busy} />
              <input
                className="input input--mono"
                aria-label="Address"
                placeholder="someone@example.org"
                value={address}
                onChange={(event) => setAddress(event.target.value)}
                aria-invalid={address.trim() !== '' && !addressValid ? true : undefined}
                disabled={busy}
              />
            </div>
            <p className="field__hint">A bare address has no key: it can only receive mail in clear. Add the person on the People page to encrypt to them.</p>
          </div>
        </div>
        {failed ? <Notice tone="error">{failed}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={count === 0 || busy}>
            {busy ? 'Adding…' : count === 0 ? 'Add' : `Add ${plural(count, 'recipient')} to ${field === 'to' ? 'To' : 'Cc'}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The keyring's verdict on every key the roster names (PST and Release Managers), by fingerprint. */
function useRosterKeyChecks(roster: OutputOf<'roster.show'> | null): Record<string, { ok: boolean; reason: string | null }> {
  const fingerprints = [
    ...(roster?.members ?? []).map((member) => member.fingerprint),
    ...(roster?.minors ?? []).flatMap((minor) => minor.releaseManagers.map((manager) => manager.fingerprint)),
  ].filter((fingerprint): fingerprint is string => fingerprint !== null);
  const key = [...new Set(fingerprints)].join(' ');
  const [checks, setChecks] = useState<Record<string, { ok: boolean; reason: string | null }>>({});
  useEffect(() => {
    if (key === '') return;
    let current = true;
    void call('keyring.checkRecipients', { fingerprints: key.split(' ') }).then((result) => {
      if (current && result.ok) setChecks(Object.fromEntries(result.value.map((check) => [check.fingerprint, { ok: check.ok, reason: check.reason }])));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return checks;
}
