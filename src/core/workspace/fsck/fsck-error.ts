// The error every fsck rule raises: code FsckFailed, the rule named by git's own fsck message
// id (so a report can be matched against `git fsck` output and fsck.<id> settings), and the
// offending path or object.
import { EmbargoError } from '../../../shared/errors.ts';

/** git's fsck message ids (fsck.h), camelCased as git prints them. */
export type FsckMessageId =
  | 'hasDot'
  | 'hasDotdot'
  | 'hasDotgit'
  | 'emptyName'
  | 'fullPathname'
  | 'nullSha1'
  | 'zeroPaddedFilemode'
  | 'badFilemode'
  | 'duplicateEntries'
  | 'treeNotSorted'
  | 'badTree'
  | 'gitmodulesSymlink'
  | 'gitmodulesBlob'
  | 'gitmodulesName'
  | 'gitmodulesUrl'
  | 'gitmodulesPath'
  | 'gitmodulesUpdate'
  | 'nulInHeader'
  | 'unterminatedHeader'
  | 'missingTree'
  | 'badTreeSha1'
  | 'badParentSha1'
  | 'missingAuthor'
  | 'multipleAuthors'
  | 'missingCommitter'
  | 'missingNameBeforeEmail'
  | 'missingEmail'
  | 'badName'
  | 'missingSpaceBeforeEmail'
  | 'badEmail'
  | 'missingSpaceBeforeDate'
  | 'badDate'
  | 'zeroPaddedDate'
  | 'badDateOverflow'
  | 'badTimezone'
  | 'nulInCommit';

export function fsckError(id: FsckMessageId, path: string, detail: string, object?: string): EmbargoError {
  const where = path ? ` at '${path}'` : '';
  const of = object ? ` (object ${object})` : '';
  return new EmbargoError('FsckFailed', `git fsck refuses this (${id})${where}${of}: ${detail}. Nothing was stored.`, {
    fsck: id,
    path,
    ...(object ? { object } : {}),
  });
}
