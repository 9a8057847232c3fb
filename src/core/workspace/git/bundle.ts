// The `git bundle` container (v2 and v3): a text header of prerequisites and refs, then a
// pack. We parse the header strictly and leave the pack in place; writing produces a v2
// bundle (SHA-1), which every git since 1.5 reads.
import { closeSync, openSync, readSync } from 'node:fs';
import { EmbargoError } from '../../../shared/errors.ts';
import { isSha } from './objects.ts';
import { LIMITS, inputTooLarge } from '../../../shared/limits.ts';

export interface BundleHeader {
  version: 2 | 3;
  prerequisites: { sha: string; comment: string }[];
  refs: { sha: string; name: string }[];
  /** Byte offset where the pack starts. */
  packStart: number;
}

function invalid(detail: string): EmbargoError {
  return new EmbargoError('BundleInvalid', `This is not a valid git bundle: ${detail}.`, { detail });
}

export function readBundleHeader(file: string): BundleHeader {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let position = 0;
    let end = -1;
    while (end < 0) {
      const buffer = Buffer.allocUnsafe(64 * 1024);
      const n = readSync(fd, buffer, 0, buffer.length, position);
      if (n === 0) throw invalid('the header never ends (no blank line before the pack)');
      const chunk = buffer.subarray(0, n);
      // search only the new bytes (and the one before them), so a long header costs linear time
      const previous = chunks.at(-1)?.subarray(-1) ?? Buffer.alloc(0);
      const found = Buffer.concat([previous, chunk]).indexOf('\n\n');
      const from = position - previous.length;
      chunks.push(chunk);
      position += n;
      if (found >= 0) end = from + found;
      if ((found < 0 ? position : end) > LIMITS.bundleHeaderBytes) throw inputTooLarge('bundle header', LIMITS.bundleHeaderBytes, position, 'bytes');
    }
    const text = Buffer.concat(chunks).toString('utf8', 0, end + 1);
    return parseBundleHeaderText(text, end + 2);
  } finally {
    closeSync(fd);
  }
}

export function parseBundleHeaderText(text: string, packStart: number): BundleHeader {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const signature = lines.shift();
  let version: 2 | 3;
  if (signature === '# v2 git bundle') version = 2;
  else if (signature === '# v3 git bundle') version = 3;
  else throw invalid('it does not start with "# v2 git bundle" or "# v3 git bundle"');
  const prerequisites: BundleHeader['prerequisites'] = [];
  const refs: BundleHeader['refs'] = [];
  for (const line of lines) {
    if (line.startsWith('@')) {
      if (version !== 3) throw invalid('a capability line in a v2 bundle');
      const [key, value] = line.slice(1).split('=');
      if (key === 'object-format' && value !== 'sha1') {
        throw new EmbargoError('UnsupportedFormat', `The bundle uses object format ${value}; only SHA-1 repositories are supported.`, { format: value });
      }
      if (key === 'filter') throw new EmbargoError('UnsupportedFormat', 'The bundle is filtered (partial); a complete bundle is needed.', {});
      if (key !== 'object-format') throw invalid(`unknown capability @${key}`);
      continue;
    }
    if (line.startsWith('-')) {
      const sha = line.slice(1, 41);
      if (!isSha(sha) || (line.length > 41 && line[41] !== ' ')) throw invalid(`bad prerequisite line "${line.slice(0, 60)}"`);
      prerequisites.push({ sha, comment: line.slice(42) });
      continue;
    }
    const sha = line.slice(0, 40);
    const name = line.slice(41);
    if (!isSha(sha) || line[40] !== ' ' || !/^(refs\/\S+|HEAD)$/.test(name)) throw invalid(`bad ref line "${line.slice(0, 60)}"`);
    refs.push({ sha, name });
  }
  if (refs.length === 0) throw invalid('it lists no refs');
  return { version, prerequisites, refs, packStart };
}

export function bundleHeaderText(prerequisites: { sha: string; comment: string }[], refs: { sha: string; name: string }[]): Buffer {
  const lines = ['# v2 git bundle'];
  for (const p of prerequisites) lines.push(`-${p.sha} ${p.comment}`.trimEnd());
  for (const r of refs) lines.push(`${r.sha} ${r.name}`);
  return Buffer.from(`${lines.join('\n')}\n\n`, 'utf8');
}
