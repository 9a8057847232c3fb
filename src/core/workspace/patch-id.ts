// `git patch-id --stable`: a SHA-1 over the diff with all whitespace removed, hunk headers
// and index lines ignored, summed file by file so that the order of files does not matter.
import { createHash, type Hash } from 'node:crypto';

function addInto(result: Buffer, hash: Hash): void {
  const digest = hash.digest();
  let carry = 0;
  for (let i = 0; i < 20; i++) {
    carry += result[i]! + digest[i]!;
    result[i] = carry & 0xff;
    carry >>= 8;
  }
}

export interface PatchIdOptions {
  /**
   * git 2.39 taught patch-id to hash binary diffs by their blob ids; before it, the first
   * blank line of a binary patch ended the patch. Default: the current behaviour.
   */
  legacyBinary?: boolean;
}

/** The stable patch-id of one commit's diff text, or null for an empty diff. */
export function patchId(diff: Buffer, options: PatchIdOptions = {}): string | null {
  const text = diff.toString('latin1');
  const lines = text.split('\n');
  const result = Buffer.alloc(20);
  let hash = createHash('sha1');
  let patchLength = 0;
  let before = -1;
  let after = -1;
  let binary = false;
  let preOid = '';
  let postOid = '';
  const flush = () => {
    addInto(result, hash);
    hash = createHash('sha1');
  };
  for (const line of lines) {
    if (line.startsWith('\\ ') && line.length > 12) continue;
    if (patchLength === 0 && !line.startsWith('diff ')) continue;
    if (before === -1) {
      if (!options.legacyBinary && (line.startsWith('GIT binary patch') || line.startsWith('Binary files'))) {
        binary = true;
        before = 0;
        hash.update(preOid, 'latin1');
        hash.update(postOid, 'latin1');
        flush();
        continue;
      } else if (line.startsWith('index ')) {
        const match = /^index ([0-9a-f]+)\.\.([0-9a-f]+)/.exec(line);
        if (match) {
          preOid = match[1]!;
          postOid = match[2]!;
        }
        continue;
      } else if (line.startsWith('--- ')) {
        before = after = 1;
      } else if (!/^[A-Za-z]/.test(line)) break;
    }
    if (binary) {
      if (line.startsWith('diff ')) {
        binary = false;
        before = -1;
      }
      // git skips the next file's "diff --git" line too (its hash starts at the next header)
      continue;
    }
    if (before === 0 && after === 0) {
      if (line.startsWith('@@ -')) {
        const match = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
        before = match?.[1] !== undefined ? Number(match[1]) : 1;
        after = match?.[2] !== undefined ? Number(match[2]) : 1;
        continue;
      }
      if (!line.startsWith('diff ')) break;
      flush();
      before = after = -1;
    }
    if (line[0] === '-' || line[0] === ' ') before--;
    if (line[0] === '+' || line[0] === ' ') after--;
    const stripped = line.replace(/[ \t\n\r]/g, ''); // git's isspace: no \v or \f
    patchLength += stripped.length;
    hash.update(stripped, 'latin1');
  }
  if (patchLength === 0 && !binary) return null;
  flush();
  return result.toString('hex');
}
