// Three independent MIME parsers read every exported message: mailparser (Node), postal-mime
// (Node, a separate code base) and Python's `email` package with policy=default (run as a real
// python3 process). Each result is reduced to the same shape so the tests can ask all three the
// same questions.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import PostalMime from 'postal-mime';

type PostalAddress = { name: string; address?: string; group?: { name: string; address: string }[] };

export interface ParsedPart {
  contentType: string;
  filename: string | null;
  sha256: string;
  text: string | null;
}

export interface ParsedMail {
  parser: 'mailparser' | 'postal-mime' | 'python-email';
  subject: string | null;
  from: string[];
  to: string[];
  cc: string[];
  date: string | null;
  messageId: string | null;
  contentType: string;
  params: Record<string, string>;
  hpOuter: string[];
  /** The text/plain body (not an attachment), line ends as "\n". */
  text: string | null;
  /** Leaf parts other than the text body. */
  attachments: ParsedPart[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const lf = (text: string) => text.replace(/\r\n/g, '\n');
const asText = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

function addressList(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((object) => object.value.map((entry) => entry.address ?? ''));
}

export async function withMailparser(bytes: Buffer): Promise<ParsedMail> {
  const parsed = await simpleParser(bytes);
  const contentType = parsed.headers.get('content-type') as { value: string; params: Record<string, string> } | undefined;
  const hpOuter = parsed.headers.get('hp-outer');
  return {
    parser: 'mailparser',
    subject: parsed.subject ?? null,
    from: addressList(parsed.from),
    to: addressList(parsed.to),
    cc: addressList(parsed.cc),
    date: parsed.date ? parsed.date.toISOString() : null,
    messageId: parsed.messageId ?? null,
    contentType: contentType?.value ?? 'text/plain',
    params: contentType?.params ?? {},
    hpOuter: hpOuter === undefined ? [] : (Array.isArray(hpOuter) ? hpOuter : [hpOuter]).map(String),
    text: parsed.text === undefined ? null : lf(parsed.text),
    attachments: parsed.attachments.map((a) => ({ contentType: a.contentType, filename: a.filename ?? null, sha256: sha256(a.content), text: asText(a.content) })),
  };
}

function postalAddresses(list: PostalAddress[] | PostalAddress | undefined): string[] {
  if (!list) return [];
  return (Array.isArray(list) ? list : [list]).flatMap((entry) => (entry.group ? entry.group.map((m) => m.address) : [entry.address ?? '']));
}

/** A header's value and its parameters, as postal-mime hands the raw header line. */
function headerParams(value: string): { value: string; params: Record<string, string> } {
  const [type, ...rest] = value.replace(/\r?\n\s+/g, ' ').split(';');
  const params: Record<string, string> = {};
  for (const part of rest) {
    const match = /^\s*([^=\s]+)\s*=\s*"?([^"]*)"?\s*$/.exec(part);
    if (match) params[match[1]!.toLowerCase()] = match[2]!;
  }
  return { value: type!.trim().toLowerCase(), params };
}

export async function withPostalMime(bytes: Buffer): Promise<ParsedMail> {
  const parsed = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  const header = (key: string) => parsed.headers.filter((h) => h.key === key).map((h) => h.value);
  const contentType = headerParams(header('content-type')[0] ?? 'text/plain');
  return {
    parser: 'postal-mime',
    subject: parsed.subject ?? null,
    from: postalAddresses(parsed.from),
    to: postalAddresses(parsed.to),
    cc: postalAddresses(parsed.cc),
    date: parsed.date ? new Date(parsed.date).toISOString() : null,
    messageId: parsed.messageId ?? null,
    contentType: contentType.value,
    params: contentType.params,
    hpOuter: header('hp-outer'),
    text: parsed.text === undefined ? null : lf(parsed.text),
    attachments: parsed.attachments.map((a) => {
      const content = new Uint8Array(a.content as ArrayBuffer);
      return { contentType: a.mimeType, filename: a.filename, sha256: sha256(content), text: asText(content) };
    }),
  };
}

const PYTHON = String.raw`
import sys, json, hashlib, email
from email import policy
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
def addrs(name):
    header = msg[name]
    return [a.addr_spec for a in header.addresses] if header is not None else []
body = msg.get_body(('plain',))
parts = []
for part in msg.walk():
    if part.is_multipart() or part is body:
        continue
    payload = part.get_payload(decode=True) or b''
    parts.append({'contentType': part.get_content_type(), 'filename': part.get_filename(), 'sha256': hashlib.sha256(payload).hexdigest(), 'text': payload.decode('utf-8', 'replace')})
defects = [type(d).__name__ for part in msg.walk() for d in part.defects]
print(json.dumps({
    'subject': str(msg['Subject']) if msg['Subject'] is not None else None,
    'from': addrs('From'), 'to': addrs('To'), 'cc': addrs('Cc'),
    'date': msg['Date'].datetime.isoformat() if msg['Date'] is not None else None,
    'messageId': str(msg['Message-ID']) if msg['Message-ID'] is not None else None,
    'contentType': msg.get_content_type(),
    'params': {k: str(v) for k, v in msg['Content-Type'].params.items()} if msg['Content-Type'] is not None else {},
    'hpOuter': [str(v) for v in (msg.get_all('HP-Outer') or [])],
    'text': body.get_content() if body is not None else None,
    'attachments': parts,
    'defects': defects,
}))
`;

export function withPythonEmail(bytes: Buffer): ParsedMail & { defects: string[] } {
  const run = spawnSync('python3', ['-c', PYTHON], { input: bytes, env: { PATH: process.env.PATH, PYTHONIOENCODING: 'utf-8' }, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python3 email failed: ${run.stderr.toString()}`);
  const parsed = JSON.parse(run.stdout.toString('utf8')) as Omit<ParsedMail, 'parser'> & { defects: string[] };
  return {
    ...parsed,
    parser: 'python-email',
    date: parsed.date ? new Date(parsed.date).toISOString() : null,
    text: parsed.text === null ? null : lf(parsed.text),
  };
}

export async function withAllParsers(bytes: Buffer): Promise<ParsedMail[]> {
  const python = withPythonEmail(bytes);
  expectNoDefects(python.defects);
  return [await withMailparser(bytes), await withPostalMime(bytes), python];
}

function expectNoDefects(defects: string[]): void {
  if (defects.length > 0) throw new Error(`Python's email package found defects: ${defects.join(', ')}`);
}

const MBOX_PYTHON = String.raw`
import sys, json, base64, mailbox
box = mailbox.mbox(sys.argv[1])
print(json.dumps([base64.b64encode(box.get_bytes(key)).decode() for key in box.keys()]))
`;

/** The raw messages of an mbox as Python's mailbox module splits it. */
export function mboxMessages(path: string): Buffer[] {
  const run = spawnSync('python3', ['-c', MBOX_PYTHON, path], { env: { PATH: process.env.PATH }, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python3 mailbox failed: ${run.stderr.toString()}`);
  return (JSON.parse(run.stdout.toString('utf8')) as string[]).map((b64) => Buffer.from(b64, 'base64'));
}

/** The header section of a raw message (up to the first empty line). */
export function headerSection(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}
