// Building the messages with nodemailer's MIME builder (MailComposer for a message in clear,
// MimeNode for the cryptographic payload and the RFC 3156 wrappers): header encoding, folding,
// boundaries and transfer encodings are nodemailer's. What it does not know is written here,
// each in one place:
//   - RFC 9788 header protection: the payload's own headers (the real Subject, From, To,
//     Date, Message-ID), the `hp` parameter on its Content-Type, and one HP-Outer field per
//     outer header, so a reader can tell what travelled in clear;
//   - the RFC 3156 structures: multipart/encrypted with its "Version: 1" part and the armored
//     message, and multipart/signed around bytes that must not change after they were signed
//     (nodemailer's setRaw carries them unchanged).
// The payload is always a multipart/mixed (text, then attachments), as mail clients that
// protect headers write it; MailComposer would make a lone text/plain of a message without
// attachments, so the payload is assembled from MimeNodes.
// All output uses CRLF line ends, the canonical form RFC 3156 signs over.
import MailComposer from 'nodemailer/lib/mail-composer';
import MimeNode from 'nodemailer/lib/mime-node';
import type { Mailbox } from '../../shared/contract/mail.ts';
import type { AttachmentFile } from './attachments.ts';

export interface MessageHeaders {
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string;
  date: Date;
  messageId: string;
}

export interface MessageContent {
  text: string;
  attachments: AttachmentFile[];
}

const SAFE = { newline: 'win', disableFileAccess: true, disableUrlAccess: true } as const;

/** RFC 9788 spells the field HP-Outer; nodemailer would write "Hp-Outer" (header names are case-insensitive, but match the spec). */
function headerKey(key: string): string {
  return key.toLowerCase() === 'hp-outer' ? 'HP-Outer' : key;
}

function addresses(list: Mailbox[]): { name: string; address: string }[] {
  return list.map(({ name, address }) => ({ name, address }));
}

/**
 * The text's transfer encoding. Quoted-printable keeps it readable and 7-bit safe (RFC 3156
 * asks signed parts to be); but a line starting with "From " would be altered by mbox readers
 * that quote it ("From " is not escaped by quoted-printable), which breaks a signature, so
 * such a text goes in base64.
 */
function textEncoding(text: string): 'quoted-printable' | 'base64' {
  return /(^|\n)From /.test(text) ? 'base64' : 'quoted-printable';
}

function textContent(text: string): { text: string; encoding: 'quoted-printable' | 'base64' } {
  return { text: text.replace(/\r?\n/g, '\r\n'), encoding: textEncoding(text) };
}

/** A message in clear (text/plain, or multipart/mixed with attachments). */
function composer(headers: MessageHeaders, content: MessageContent): MailComposer {
  const body = textContent(content.text);
  return new MailComposer({
    ...SAFE,
    from: { name: headers.from.name, address: headers.from.address },
    to: addresses(headers.to),
    ...(headers.cc.length > 0 ? { cc: addresses(headers.cc) } : {}),
    subject: headers.subject,
    date: headers.date,
    messageId: headers.messageId,
    text: { content: body.text, contentTransferEncoding: body.encoding },
    attachments: content.attachments.map((file) => ({
      filename: file.name,
      content: file.bytes,
      contentType: file.mediaType,
      // Bytes exactly as they are (a patch must apply with git am): never re-wrapped or re-ended.
      contentTransferEncoding: 'base64',
    })),
  });
}

/** The payload: multipart/mixed with the real headers, the text, then every attachment. */
function payloadNode(headers: MessageHeaders, content: MessageContent, hp: 'cipher' | 'clear'): MimeNode {
  const root = new MimeNode(`multipart/mixed; hp="${hp}"`, SAFE);
  root.normalizeHeaderKey = headerKey;
  root.setHeader('From', addresses([headers.from]));
  root.setHeader('To', addresses(headers.to));
  if (headers.cc.length > 0) root.setHeader('Cc', addresses(headers.cc));
  root.setHeader('Subject', headers.subject);
  root.setHeader('Date', headers.date);
  root.setHeader('Message-ID', headers.messageId);
  const body = textContent(content.text);
  root.createChild('text/plain; charset=utf-8').setHeader('Content-Transfer-Encoding', body.encoding).setContent(body.text);
  for (const file of content.attachments) {
    root
      .createChild(file.mediaType, { filename: file.name })
      .setHeader('Content-Disposition', 'attachment')
      // Bytes exactly as they are (a patch must apply with git am): never re-wrapped or re-ended.
      .setHeader('Content-Transfer-Encoding', 'base64')
      .setContent(file.bytes);
  }
  return root;
}

/** The outer header fields of an encrypted message, as they will be written. */
export function outerFields(headers: MessageHeaders, outerSubject: string): [string, unknown][] {
  const fields: [string, unknown][] = [
    ['Date', headers.date],
    ['From', addresses([headers.from])],
    ['To', addresses(headers.to)],
  ];
  if (headers.cc.length > 0) fields.push(['Cc', addresses(headers.cc)]);
  fields.push(['Subject', outerSubject], ['Message-ID', headers.messageId]);
  return fields;
}

/**
 * The Cryptographic Payload: the message itself (text and attachments) with its real headers.
 * `hp` is "cipher" inside an encrypted message (with HP-Outer for each outer field) and
 * "clear" inside a signed-only one.
 */
export async function buildPayload(
  headers: MessageHeaders,
  content: MessageContent,
  protection: { hp: 'cipher'; outer: [string, unknown][] } | { hp: 'clear' },
): Promise<Buffer> {
  const root = payloadNode(headers, content, protection.hp);
  if (protection.hp === 'cipher') {
    for (const [key, value] of protection.outer) {
      // The value is already encoded (ASCII) as the outer field is, so nodemailer leaves it as it is.
      root.addHeader('HP-Outer', `${key}: ${root.encodeHeaderValue(key, value as never)}`);
    }
  }
  return root.build();
}

/** A message in clear, with no cryptographic protection at all. */
export async function buildClear(headers: MessageHeaders, content: MessageContent): Promise<Buffer> {
  return composer(headers, content).compile().build();
}

function outerNode(contentType: string, fields: [string, unknown][]): MimeNode {
  const root = new MimeNode(contentType, SAFE);
  for (const [key, value] of fields) root.setHeader(key, value as never);
  return root;
}

/** RFC 3156 §4: multipart/encrypted, the "Version: 1" control part, then the armored message. */
export async function buildEncrypted(fields: [string, unknown][], armored: string): Promise<Buffer> {
  const root = outerNode('multipart/encrypted; protocol="application/pgp-encrypted"', fields);
  root
    .createChild('application/pgp-encrypted')
    .setHeader('Content-Description', 'PGP/MIME version identification')
    .setHeader('Content-Transfer-Encoding', '7bit')
    .setContent('Version: 1\r\n');
  root
    .createChild('application/octet-stream; name="encrypted.asc"')
    .setHeader('Content-Description', 'OpenPGP encrypted message')
    .setHeader('Content-Disposition', 'inline; filename="encrypted.asc"')
    .setHeader('Content-Transfer-Encoding', '7bit')
    .setContent(armored.replace(/\r?\n/g, '\r\n'));
  return root.build();
}

/** RFC 3156 §5: multipart/signed around the signed part's exact bytes, then the detached signature. */
export async function buildSigned(headers: MessageHeaders, signedPart: Buffer, signature: string, hashAlgorithm: string): Promise<Buffer> {
  const fields: [string, unknown][] = [
    ['Date', headers.date],
    ['From', addresses([headers.from])],
    ['To', addresses(headers.to)],
  ];
  if (headers.cc.length > 0) fields.push(['Cc', addresses(headers.cc)]);
  fields.push(['Subject', headers.subject], ['Message-ID', headers.messageId]);
  const root = outerNode(`multipart/signed; micalg="pgp-${hashAlgorithm}"; protocol="application/pgp-signature"`, fields);
  // setRaw: the part goes out byte for byte as it was signed (it already has CRLF line ends).
  root.createChild('text/plain').setRaw(signedPart);
  root
    .createChild('application/pgp-signature; name="signature.asc"')
    .setHeader('Content-Description', 'OpenPGP digital signature')
    .setHeader('Content-Disposition', 'attachment; filename="signature.asc"')
    .setHeader('Content-Transfer-Encoding', '7bit')
    .setContent(signature.replace(/\r?\n/g, '\r\n'));
  return root.build();
}
