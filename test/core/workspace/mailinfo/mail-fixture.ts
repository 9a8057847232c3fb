// Mails for the mailinfo tests: a tiny base repository, the diff of one change to it, and
// mail builders (hand-crafted headers and bodies around that diff, in any charset).
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { commitAll, git, write } from '../git-fixture.ts';

export const MBOX_FROM = 'From 1234567890abcdef1234567890abcdef12345678 Mon Sep 17 00:00:00 2001\n';

export function buildBase(root: string): { repo: string; base: string; diff: string } {
  const repo = join(root, 'base');
  mkdirSync(repo, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  write(repo, 'hello.txt', 'line 1\nline 2\nline 3\nline 4\nline 5\n');
  write(repo, 'notes/README', 'notes\n');
  const base = commitAll(repo, 'base');
  write(repo, 'hello.txt', 'line 1\nline 2 changed\nline 3\nline 4\nline 5\n');
  const diff = git(repo, ['diff']);
  git(repo, ['checkout', '-q', '--', '.']);
  return { repo, base, diff };
}

/** Bytes of `text` in `charset` (a JS string in, raw bytes out). */
export function encoded(text: string, charset: string): Buffer {
  return iconv.encode(text, charset);
}

export type Part = string | Buffer;

/** A mail: mbox From line, headers, blank line, body; parts joined as bytes (strings as UTF-8). */
export function mail(headers: Part[], body: Part[]): Buffer {
  const bytes = (part: Part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
  return Buffer.concat([Buffer.from(MBOX_FROM), ...headers.map(bytes), Buffer.from('\n'), ...body.map(bytes)]);
}

export const STD = ['From: A U Thor <author@example.com>\n', 'Date: Thu, 13 Nov 2025 10:00:00 +0100\n'];

/** The blob id git gives `content`, for hand-written "new file" diffs. */
export function blobId(content: string): string {
  const data = Buffer.from(content);
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

/** A diff that creates `path` with `content` (one line). */
export function newFileDiff(path: string, content: string): string {
  return [
    `diff --git a/${path} b/${path}`,
    'new file mode 100644',
    `index 0000000..${blobId(content).slice(0, 7)}`,
    '--- /dev/null',
    `+++ b/${path}`,
    '@@ -0,0 +1 @@',
    `+${content.replace(/\n$/, '')}`,
    '',
  ].join('\n');
}
