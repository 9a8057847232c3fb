// Reading a patch series the way `git am` does: `git mailsplit` splits the mbox, `git
// mailinfo` (./mailinfo/) takes each mail apart, and am builds the commit: the subject line,
// a blank line and the message, cleaned by stripspace; the author through fmt_ident(), which
// strips "crud" (blanks, quotes, dots, commas...) from both ends of name and address; the
// date through git's date parser. Finally git makes the commit valid UTF-8 (bytes that are
// not UTF-8 are read as Latin-1), and so do we.
import { EmbargoError } from '../../shared/errors.ts';
import type { Identity } from './git/objects.ts';
import { gitUtf8, hasNonCrud, stripspace, withoutCrud } from './mailinfo/bytes.ts';
import { CharsetError } from './mailinfo/charset.ts';
import { parseGitDate } from './mailinfo/mail-date.ts';
import { mailinfo, MailInfoError } from './mailinfo/mailinfo.ts';
import { looksLikeMail, mailsplit } from './mailinfo/mailsplit.ts';

export interface MailPatch {
  author: Identity;
  subject: string;
  /** The commit message git am would write. */
  message: string;
  /** The diff part (raw bytes). */
  patch: Buffer;
}

export function mailError(detail: string, index?: number): EmbargoError {
  return new EmbargoError('MboxInvalid', `The patch series is not readable${index !== undefined ? ` (mail ${index + 1})` : ''}: ${detail}.`, {
    detail,
    ...(index !== undefined ? { mail: index + 1 } : {}),
  });
}

/** Splits an mbox into its mails (raw bytes each), refusing what `git am` would not take as mail. */
export function splitMbox(bytes: Buffer): Buffer[] {
  const text = bytes.toString('latin1');
  if (text.trim() === '') throw mailError('it is empty');
  if (!looksLikeMail(text)) throw mailError('it does not start with an mbox "From " line or a mail header');
  return mailsplit(text).map((mail) => Buffer.from(mail, 'latin1'));
}

function readMail(raw: Buffer, index: number) {
  try {
    return mailinfo(raw.toString('latin1'));
  } catch (error) {
    if (error instanceof MailInfoError || error instanceof CharsetError) throw mailError(error.message, index);
    throw error;
  }
}

/**
 * One mail as the commit `git am` makes of it, or null for a mail git am skips (pine's
 * "Mail System Internal Data"). A mail without Date: is dated `now`, as git dates it with
 * the current time.
 */
export function parseMail(raw: Buffer, index: number, now: Date = new Date()): MailPatch | null {
  const info = readMail(raw, index);
  const name = info.author?.name ?? '';
  const email = info.author?.email ?? '';
  if (name === 'Mail System Internal Data') return null;
  if (info.patchLines === 0) throw mailError('a mail holds no patch', index);
  if (name === '') throw mailError('a mail names no author (no usable From: line)', index);
  if (!hasNonCrud(name)) throw mailError(`the author name "${gitUtf8(name).slice(0, 80)}" has only disallowed characters`, index);
  let when = { timestamp: Math.floor(now.getTime() / 1000), tzOffset: 0 };
  if (info.date) {
    const parsed = parseGitDate(info.date, now);
    if (!parsed) throw mailError(`cannot read the date "${gitUtf8(info.date).slice(0, 60)}"`, index);
    when = parsed;
  }
  const message = gitUtf8(stripspace(`${info.subject ?? ''}\n\n${info.message}`));
  const subject = message.split('\n\n')[0]!.replace(/\n/g, ' ');
  return {
    author: { name: gitUtf8(withoutCrud(name)), email: gitUtf8(withoutCrud(email)), ...when },
    subject,
    message,
    patch: Buffer.from(info.patch, 'latin1'),
  };
}
