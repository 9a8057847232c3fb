// git's fsck rules for a commit object (fsck.c fsck_commit and fsck_ident), on the raw bytes.
import { fsckError, type FsckMessageId } from './fsck-error.ts';

const HEX40 = /^[0-9a-f]{40}$/;

/** The rule one "Name <email> 1700000000 +0000" identity breaks, or null. */
export function identProblem(ident: string): FsckMessageId | null {
  if (ident.startsWith('<')) return 'missingNameBeforeEmail';
  const open = ident.search(/[<>]/);
  if (open < 0) return 'missingEmail';
  if (ident[open] === '>') return 'badName';
  if (ident[open - 1] !== ' ') return 'missingSpaceBeforeEmail';
  const close = ident.slice(open + 1).search(/[<>]/);
  if (close < 0 || ident[open + 1 + close] === '<') return 'badEmail';
  const rest = ident.slice(open + 1 + close + 1);
  if (!rest.startsWith(' ')) return 'missingSpaceBeforeDate';
  const date = /^[ \t]*(\d+)/.exec(rest.slice(1));
  if (!date) return 'badDate';
  if (date[1]!.startsWith('0') && date[1] !== '0') return 'zeroPaddedDate';
  if (date[1]!.length > 19 || BigInt(date[1]!) > 2n ** 63n - 1n) return 'badDateOverflow';
  const zone = rest.slice(1 + date[0].length);
  if (!zone.startsWith(' ')) return 'badDate';
  if (!/^ [+-]\d{4}$/.test(zone)) return 'badTimezone';
  return null;
}

/** Throws the first rule the commit breaks. */
export function checkCommit(data: Buffer, object?: string): void {
  const end = data.indexOf('\n\n');
  const headerEnd = end < 0 ? data.length : end + 1;
  if (data.subarray(0, headerEnd).includes(0)) throw fsckError('nulInHeader', '', 'a NUL byte in the commit header', object);
  if (end < 0 && data.at(-1) !== 0x0a) throw fsckError('unterminatedHeader', '', 'the commit header does not end with a newline', object);
  const lines = data.toString('utf8', 0, headerEnd).split('\n');
  let at = 0;
  const take = (key: string): string | null => (lines[at]?.startsWith(`${key} `) ? lines[at++]!.slice(key.length + 1) : null);
  const tree = take('tree');
  if (tree === null) throw fsckError('missingTree', '', "expected a 'tree' line", object);
  if (!HEX40.test(tree)) throw fsckError('badTreeSha1', '', "a bad 'tree' line", object);
  for (let parent = take('parent'); parent !== null; parent = take('parent')) {
    if (!HEX40.test(parent)) throw fsckError('badParentSha1', '', "a bad 'parent' line", object);
  }
  const authors: string[] = [];
  for (let author = take('author'); author !== null; author = take('author')) authors.push(author);
  if (authors.length === 0) throw fsckError('missingAuthor', '', "expected an 'author' line", object);
  if (authors.length > 1) throw fsckError('multipleAuthors', '', "several 'author' lines", object);
  const authorProblem = identProblem(authors[0]!);
  if (authorProblem) throw fsckError(authorProblem, '', `the author "${authors[0]!.slice(0, 80)}" is malformed`, object);
  const committer = take('committer');
  if (committer === null) throw fsckError('missingCommitter', '', "expected a 'committer' line", object);
  const committerProblem = identProblem(committer);
  if (committerProblem) throw fsckError(committerProblem, '', `the committer "${committer.slice(0, 80)}" is malformed`, object);
  if (data.includes(0)) throw fsckError('nulInCommit', '', 'a NUL byte in the commit message', object);
}
