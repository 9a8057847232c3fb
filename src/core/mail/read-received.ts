// Reading a received mail (.eml): MIME by postal-mime, the PGP content by the keyring, in the
// forms mail carries it: PGP/MIME encrypted (RFC 3156 multipart/encrypted, with protected
// headers inside, RFC 9788), PGP/MIME signed (multipart/signed, checked over the exact bytes of
// its first part in canonical CRLF form), inline PGP (an armored message in the body) and
// cleartext-signed bodies (`gpg --clearsign`). Nothing is written: the caller records the result.
// postal-mime reads nearly anything as "a mail"; what we call a mail is a header section of
// well-formed fields with a From address, so that a wrong file is refused with MailInvalid.
import { createHash } from 'node:crypto';
import PostalMime, { type Address, type Attachment, type Email } from 'postal-mime';
import type { MailProtection } from '../../shared/contract/mail-import.ts';
import type { SignatureReport } from '../../shared/contract/keyring.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { LIMITS, checkLimit } from '../../shared/limits.ts';
import { verifyBytes } from '../keyring/detached.ts';
import { openArmoredMessage, openInlinePgp } from '../keyring/verify-message.ts';
import type { CoreSession } from '../session.ts';

export interface ReceivedAttachment {
  filename: string | null;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface ReceivedMail {
  messageId: string | null;
  from: string | null;
  to: string[];
  cc: string[];
  subject: string;
  date: string | null;
  protection: MailProtection;
  decryptedWith: string | null;
  signatures: SignatureReport[];
  text: string;
  attachments: ReceivedAttachment[];
}

function invalid(reason: string): EmbargoError {
  return new EmbargoError('MailInvalid', `This is not a readable mail: ${reason}. Nothing was imported.`, { reason });
}

const FIELD = /^[\x21-\x39\x3b-\x7e]+:/;

/** The header section must be RFC 5322 fields (folded lines allowed) ended by an empty line. */
function requireHeaderSection(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.subarray(0, 256 * 1024)).toString('latin1');
  const end = /\r?\n\r?\n/.exec(head);
  if (!end) throw invalid('no header section ended by an empty line');
  const lines = head.slice(0, end.index).split(/\r?\n/);
  // A leading mbox "From " line (a message saved from an mbox) is not a header field.
  if (lines[0]?.startsWith('From ')) lines.shift();
  if (lines.length === 0 || !FIELD.test(lines[0]!)) throw invalid('it does not start with a header field');
  for (const line of lines) {
    if (!FIELD.test(line) && !/^[ \t]/.test(line)) throw invalid(`a header line is malformed (${JSON.stringify(line.slice(0, 40))})`);
    if (line.includes('\0')) throw invalid('a header contains a NUL byte');
  }
}

async function parse(bytes: Uint8Array, what: string): Promise<Email> {
  try {
    return await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer', maxNestingDepth: LIMITS.emlNestingDepth });
  } catch (error) {
    throw invalid(`the ${what} cannot be parsed (${(error as Error).message})`);
  }
}

function addresses(list: Address[] | undefined): string[] {
  return (list ?? []).flatMap((entry) => (entry.group ? entry.group.map((mailbox) => mailbox.address) : [entry.address])).filter((address) => address !== '');
}

function bytesOf(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new Uint8Array(Buffer.from(content, 'utf8'));
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function textOf(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

function header(email: Email, key: string): string | null {
  return email.headers.find((entry) => entry.key === key)?.value ?? null;
}

function contentType(email: Email): { mediaType: string; value: string } {
  const value = header(email, 'content-type') ?? 'text/plain';
  return { mediaType: value.split(';')[0]!.trim().toLowerCase(), value };
}

function parameter(value: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function describeAttachments(list: Attachment[]): ReceivedAttachment[] {
  return list.map((attachment) => {
    const bytes = bytesOf(attachment.content);
    return { filename: attachment.filename, mediaType: attachment.mimeType, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}

/** The first part of a multipart/signed, byte for byte, in the CRLF form RFC 3156 §5 signs. */
function signedPartOf(bytes: Uint8Array, boundary: string): Uint8Array {
  const raw = Buffer.from(bytes).toString('latin1');
  const body = raw.slice(/\r?\n\r?\n/.exec(raw)!.index).replace(/^\r?\n\r?\n/, '\n');
  const delimiter = `\n--${boundary}`;
  const start = body.indexOf(delimiter);
  if (start < 0) throw invalid('the signed part is missing');
  const afterLine = body.indexOf('\n', start + delimiter.length);
  const end = body.indexOf(delimiter, afterLine);
  if (afterLine < 0 || end < 0) throw invalid('the signed part is not closed');
  const part = body.slice(afterLine + 1, end).replace(/\r$/, '');
  return new Uint8Array(Buffer.from(part.replace(/\r?\n/g, '\r\n'), 'latin1'));
}

export async function readReceivedMail(session: CoreSession, bytes: Uint8Array): Promise<ReceivedMail> {
  checkLimit('mail', LIMITS.emlBytes, bytes.byteLength, 'bytes');
  if (bytes.byteLength === 0) throw invalid('the file is empty');
  requireHeaderSection(bytes);
  const outer = await parse(bytes, 'mail');
  const from = outer.from && !outer.from.group ? outer.from.address : null;
  if (!from) throw invalid('it has no From address');
  const base = {
    messageId: outer.messageId ?? null,
    from,
    to: addresses(outer.to),
    cc: addresses(outer.cc),
    subject: outer.subject ?? '',
    date: outer.date ?? null,
  };
  const type = contentType(outer);
  const protocol = parameter(type.value, 'protocol')?.toLowerCase() ?? null;

  if (type.mediaType === 'multipart/encrypted' && protocol === 'application/pgp-encrypted') {
    const part = outer.attachments.find((attachment) => attachment.mimeType === 'application/octet-stream');
    if (!part) throw invalid('the multipart/encrypted mail has no encrypted part');
    const opened = await openArmoredMessage(session, textOf(bytesOf(part.content)));
    const inner = await parse(opened.data, 'decrypted message');
    return {
      ...base,
      subject: inner.subject ?? base.subject,
      protection: 'pgp-mime-encrypted',
      decryptedWith: opened.decryptedWith,
      signatures: opened.signatures,
      text: inner.text ?? '',
      attachments: describeAttachments(inner.attachments),
    };
  }
  if (type.mediaType === 'multipart/signed' && protocol === 'application/pgp-signature') {
    const boundary = parameter(type.value, 'boundary');
    const signature = outer.attachments.find((attachment) => attachment.mimeType === 'application/pgp-signature');
    if (!boundary || !signature) throw invalid('the multipart/signed mail has no boundary or no signature part');
    const signatures = await verifyBytes(session, signedPartOf(bytes, boundary), bytesOf(signature.content));
    const rest = outer.attachments.filter((attachment) => attachment !== signature);
    return { ...base, protection: 'pgp-mime-signed', decryptedWith: null, signatures, text: outer.text ?? '', attachments: describeAttachments(rest) };
  }
  const text = outer.text ?? '';
  const inline = await openInlinePgp(session, text);
  return {
    ...base,
    protection: inline?.kind ?? 'none',
    decryptedWith: inline?.decryptedWith ?? null,
    signatures: inline?.signatures ?? [],
    text: inline ? textOf(inline.data) : text,
    attachments: describeAttachments(outer.attachments),
  };
}
