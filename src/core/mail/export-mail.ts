// Exporting a draft as files a mail client opens. Encrypted (the default): RFC 3156 PGP/MIME
// with the real headers protected inside (RFC 9788) and a neutral outer subject, one message
// for every recipient or one per recipient, encrypted to the recipients' keys and the Fix
// Lead's own. In clear: only once the case's Release Date has passed, or by an explicit
// override that the timeline records (who, what, when, why); optionally signed
// (multipart/signed). Each message as a .eml, or all of them in one mbox.
//
// Everything is built in memory and checked before the first byte is written; the files are
// written atomically and removed again if the export cannot be recorded. Without an output
// path nothing is written: the file comes back to the caller (the app's download or save
// dialog), and the export is recorded all the same. A notice to the
// distributors opens its acknowledgements (acks.ts).
import { isUnderEmbargo } from '../../shared/rules/embargo.ts';
import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { enums, readSignature } from 'openpgp';
import type { Mailbox, MailExportResult } from '../../shared/contract/mail.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { actorName, mutateCase, type EventDraft } from '../cases/case-store.ts';
import { encryptBytes } from '../keyring/encrypt.ts';
import { signBytes } from '../keyring/detached.ts';
import { readKeyring } from '../keyring/store.ts';
import type { CoreSession } from '../session.ts';
import { writeFileAtomic } from '../vault/atomic-write.ts';
import { openNotice } from './acks.ts';
import { attachmentFiles, type AttachmentFile } from './attachments.ts';
import { loadMailContext } from './context.ts';
import { draftVersionOf, mailScope, mutateMail, readMail, requireDraft } from './draft-store.ts';
import { buildMbox } from './mbox.ts';
import { buildClear, buildEncrypted, buildPayload, buildSigned, outerFields, type MessageHeaders } from './mime.ts';
import { resolveRecipients } from './recipients.ts';
import { encryptionPlan, mailboxes, noticeMembers, units, type Unit } from './send-plan.ts';
import { missingIn } from './render.ts';
import { recordMailDelivery } from '../workspace/commitment-record.ts';

export interface ExportInput {
  caseId: string | null;
  draft: string;
  version?: number;
  /** Where to write; without it nothing is written and the file comes back for the UI to hand out (still logged). */
  output?: string;
  encryptTo: string[];
  /** Omitted: an encrypted export is signed whenever the vault has an own key (a clear one is not). */
  sign?: boolean | undefined;
  perRecipient: boolean;
  mbox: boolean;
  clear: boolean;
  overrideEmbargo: boolean;
  reason?: string;
  allowIncomplete: boolean;
  allowUnreachable: boolean;
}

interface Built {
  bytes: Buffer;
  headers: MessageHeaders;
  encryptedTo: string[];
}

function messageId(from: Mailbox): string {
  const domain = from.address.split('@').pop() || 'localhost';
  return `<${randomBytes(16).toString('hex')}@${domain}>`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'recipient';
}

async function hashOfSignature(armored: string): Promise<string> {
  const signature = await readSignature({ armoredSignature: armored });
  const algorithm = signature.packets[0]?.hashAlgorithm;
  return algorithm === undefined || algorithm === null ? 'sha512' : enums.read(enums.hash, algorithm as enums.hash).toLowerCase();
}

/** Whether the vault holds the Fix Lead's own secret key (whether it can sign now is checked when signing). */
async function hasOwnKey(session: CoreSession): Promise<boolean> {
  const document = await readKeyring(session);
  const own = document.ownFingerprint ? document.keys[document.ownFingerprint] : undefined;
  return own?.secretKey !== null && own?.secretKey !== undefined;
}

function requireDirectory(path: string): void {
  if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new EmbargoError('NotFound', `No directory ${path}.`, { what: 'directory', id: path });
}

/** Where the files go, checked before anything is built: a directory for .eml files per recipient, else one file. */
function checkOutput(output: string, perRecipient: boolean, mbox: boolean): void {
  if (perRecipient && !mbox) return requireDirectory(output);
  requireDirectory(dirname(output));
  if (statSync(output, { throwIfNoEntry: false })?.isDirectory()) {
    throw new EmbargoError('InvalidInput', `${output} is a directory: give a file name${mbox ? '' : ' (or export one message per recipient into it)'}.`, { output });
  }
}

async function writeAll(files: { path: string; bytes: Buffer }[]): Promise<void> {
  const written: string[] = [];
  try {
    for (const file of files) {
      await writeFileAtomic(file.path, file.bytes);
      written.push(file.path);
    }
  } catch (error) {
    await Promise.all(written.map((path) => unlink(path).catch(() => undefined)));
    throw error;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function exportDraft(session: CoreSession, input: ExportInput): Promise<MailExportResult> {
  const scope = mailScope(session, input.caseId);
  const document = await readMail(session, scope);
  const draft = requireDraft(document, scope, input.draft);
  const version = draftVersionOf(draft, input.version);
  const clear = input.clear;
  const sign = input.sign ?? (!clear && (await hasOwnKey(session)));

  if (!clear && input.overrideEmbargo) throw new EmbargoError('InvalidInput', 'Overriding the embargo only applies to an export in clear.', {});
  if (clear && input.encryptTo.length > 0) throw new EmbargoError('InvalidInput', 'An export in clear is encrypted to nobody: drop the keys, or export encrypted.', {});
  const missing = missingIn(version.subject, version.body);
  if (missing.length > 0 && !input.allowIncomplete) {
    throw new EmbargoError('DraftIncomplete', `Draft ${draft.id} still has missing variables: ${missing.join(', ')}. Write them into the draft (or export it anyway explicitly).`, {
      missing,
    });
  }

  const context = await loadMailContext(session, input.caseId, draft.context, document.notices);
  const now = context.now;
  const releaseDate = context.document?.case.releaseDate ?? null;
  const embargoed = context.document !== null && isUnderEmbargo({ releaseDate }, now);
  const override = clear && embargoed;
  if (override && !input.overrideEmbargo) {
    const until = releaseDate ? `until its Release Date, ${releaseDate}` : 'and has no Release Date yet';
    throw new EmbargoError(
      'EmbargoActive',
      `${context.document!.case.id} is under embargo ${until}: refusing to export "${version.subject}" in clear. Export it encrypted, or override the embargo explicitly (the override is recorded on the timeline).`,
      { caseId: context.document!.case.id, releaseDate },
    );
  }

  const output = input.output === undefined ? null : resolve(input.output);
  if (output !== null) checkOutput(output, input.perRecipient, input.mbox);
  else if (input.perRecipient && !input.mbox) {
    throw new EmbargoError('InvalidInput', 'One .eml per recipient goes into a directory: give the directory, or ask for an mbox.', {});
  }

  const resolved = await resolveRecipients(session, context, version.to, version.cc);
  if (mailboxes(resolved, 'to').length === 0) throw new EmbargoError('InvalidInput', `Draft ${draft.id} has no recipient with a mail address in To.`, {});

  let plan: { units: Unit[]; excluded: { label: string; reason: string }[] };
  if (clear) {
    const groups = units(resolved, input.perRecipient).filter((group) => mailboxes(group, 'to').length + mailboxes(group, 'cc').length > 0);
    plan = { units: groups.map((recipients) => ({ recipients, keys: [] })), excluded: [] };
  } else {
    plan = encryptionPlan(units(resolved, input.perRecipient), input.encryptTo, input.allowUnreachable);
  }
  if (!input.perRecipient && !input.mbox && plan.units.length !== 1) throw new Error('one message expected');

  const files: AttachmentFile[] = [];
  const patchSha256s: string[] = [];
  for (const ref of version.attachments) {
    const attached = await attachmentFiles(session, scope, context.document, ref);
    if (ref.kind === 'patches') patchSha256s.push(...attached.map((file) => file.sha256));
    files.push(...attached);
  }
  const content = { text: version.body, attachments: files };

  let signedBy: string | null = null;
  const built: Built[] = [];
  for (const unit of plan.units) {
    const headers: MessageHeaders = {
      from: version.from,
      to: mailboxes(unit.recipients, 'to'),
      cc: mailboxes(unit.recipients, 'cc'),
      subject: version.subject,
      date: now,
      messageId: messageId(version.from),
    };
    if (headers.to.length === 0) {
      // A Cc-only recipient of a per-recipient send gets the message addressed to it.
      headers.to = headers.cc;
      headers.cc = [];
    }
    if (clear && sign) {
      const payload = await buildPayload(headers, content, { hp: 'clear' });
      const signature = await signBytes(session, payload);
      signedBy = signature.signedBy;
      built.push({ bytes: await buildSigned(headers, payload, signature.armored, await hashOfSignature(signature.armored)), headers, encryptedTo: [] });
    } else if (clear) {
      built.push({ bytes: await buildClear(headers, content), headers, encryptedTo: [] });
    } else {
      const outer = outerFields(headers, context.settings.outerSubject);
      const payload = await buildPayload(headers, content, { hp: 'cipher', outer });
      const sealed = await encryptBytes(session, payload, '', { to: unit.keys, sign, encryptToSelf: true, allowUnverified: false });
      signedBy = sealed.signedBy;
      built.push({ bytes: await buildEncrypted(outer, sealed.armored), headers, encryptedTo: sealed.recipients });
    }
  }

  const baseName = `${draft.id}-v${version.version}`;
  let targets: { path: string; bytes: Buffer }[];
  if (input.mbox) {
    const bytes = buildMbox(built.map((message) => ({ bytes: message.bytes, sender: message.headers.from.address, date: now })));
    targets = [{ path: output ?? `${baseName}.mbox`, bytes }];
  } else if (input.perRecipient) {
    targets = built.map((message, i) => ({
      path: join(output!, `${baseName}-${String(i + 1).padStart(2, '0')}-${slug(message.headers.to[0]?.address ?? '')}.eml`),
      bytes: message.bytes,
    }));
  } else {
    targets = [{ path: output ?? `${baseName}.eml`, bytes: built[0]!.bytes }];
  }
  // A download is recorded under its suggested name; where the user saves it is not ours to know.
  const recorded = targets.map((target) => ({ name: output === null ? `download:${target.path}` : target.path, sha256: sha256(target.bytes) }));
  if (output !== null) await writeAll(targets);

  const by = actorName(session.cases());
  const at = now.toISOString();
  const encryptedTo = [...new Set(built.flatMap((message) => message.encryptedTo))];
  const overrideRecord = override ? { reason: input.reason?.trim() || '(no reason given)', releaseDate } : null;
  const distributorMembers = clear || draft.templateId === 'distributors-reminder' || draft.caseId === null ? [] : noticeMembers(plan.units);
  try {
    const noticeId = await mutateMail(
      session,
      scope,
      (current) => {
        const stored = requireDraft(current, scope, draft.id);
        const notice =
          distributorMembers.length > 0
            ? openNotice(current, { draftId: draft.id, version: version.version, templateId: draft.templateId, subject: version.subject, sentAt: at }, distributorMembers)
            : null;
        stored.exports.push({
          at,
          by,
          version: version.version,
          mode: clear ? 'clear' : 'encrypted',
          signed: sign,
          files: recorded,
          messages: built.length,
          encryptedTo,
          signedBy,
          override: overrideRecord,
          notice: notice?.id ?? null,
        });
        return notice?.id ?? null;
      },
      async (notice) => {
        if (draft.caseId === null) return;
        const events: EventDraft[] = [];
        if (overrideRecord) {
          events.push({
            type: 'mail.embargo-overridden',
            data: { draft: draft.id, version: version.version, template: draft.templateId, subject: version.subject, reason: overrideRecord.reason, releaseDate, by },
          });
        }
        events.push({
          type: 'mail.exported',
          data: {
            draft: draft.id,
            version: version.version,
            template: draft.templateId,
            subject: version.subject,
            mode: clear ? 'clear' : 'encrypted',
            signed: sign,
            signedBy,
            files: recorded,
            messages: built.length,
            to: [...new Set(built.flatMap((message) => [...message.headers.to, ...message.headers.cc].map((mailbox) => mailbox.address)))],
            encryptedTo,
            embargoed,
            override: overrideRecord !== null,
            excluded: plan.excluded,
            notice,
          },
        });
        await mutateCase(session.cases(), draft.caseId, (fields) => fields, () => events);
      },
    );
    // the patches went to distributors encrypted: the signed commitment records who got what
    if (!clear && draft.caseId !== null && patchSha256s.length > 0) {
      const to = [...new Set(built.flatMap((message) => [...message.headers.to, ...message.headers.cc].map((mailbox) => mailbox.address)))];
      await recordMailDelivery(session, draft.caseId, { to, keys: encryptedTo, sha256s: patchSha256s });
    }
    return {
      output,
      files: output === null ? [] : targets.map((target) => target.path),
      download:
        output === null ? { name: targets[0]!.path, mediaType: input.mbox ? 'application/mbox' : 'message/rfc822', base64: targets[0]!.bytes.toString('base64') } : null,
      messages: built.map((message, i) => ({
        file: input.mbox || output === null ? null : targets[i]!.path,
        to: message.headers.to.map((mailbox) => mailbox.address),
        cc: message.headers.cc.map((mailbox) => mailbox.address),
        encryptedTo: message.encryptedTo,
        messageId: message.headers.messageId,
        sha256: sha256(message.bytes),
      })),
      mode: clear ? 'clear' : 'encrypted',
      signedBy,
      embargoed,
      override: overrideRecord !== null,
      notice: noticeId,
      excluded: plan.excluded,
    };
  } catch (error) {
    if (output !== null) await Promise.all(targets.map((target) => unlink(target.path).catch(() => undefined)));
    throw error;
  }
}
