// The three-way merge against `git merge-file -p` in the same run: random small text triples
// (fast-check) and the cases that used to split one side of a conflict into two regions.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merge3, mergeFile } from '../../../src/core/workspace/merge3.ts';
import { tempDir } from '../../helpers/core.ts';
import { GIT_ENV } from './git-fixture.ts';

let root: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  root = await tempDir('embargo-merge3-');
});
afterAll(async () => {
  await root?.remove();
});

function gitMergeFile(base: string, ours: string, theirs: string, diff3: boolean): { content: string; conflicts: number } {
  writeFileSync(join(root.path, 'ours'), ours, 'latin1');
  writeFileSync(join(root.path, 'base'), base, 'latin1');
  writeFileSync(join(root.path, 'theirs'), theirs, 'latin1');
  const args = ['merge-file', '-p', ...(diff3 ? ['--diff3'] : []), '-L', 'ours', '-L', 'base', '-L', 'theirs', 'ours', 'base', 'theirs'];
  const run = spawnSync('git', args, { cwd: root.path, env: GIT_ENV, encoding: 'latin1' });
  if (run.status === null || run.status < 0 || run.status > 127) throw new Error(`git merge-file failed: ${run.stderr}`);
  return { content: run.stdout, conflicts: run.status };
}

function ours(base: string, mine: string, theirs: string, diff3: boolean): { content: string; conflicts: number } {
  const out = mergeFile(Buffer.from(base, 'latin1'), Buffer.from(mine, 'latin1'), Buffer.from(theirs, 'latin1'), { style: diff3 ? 'diff3' : 'merge', labels: ['ours', 'base', 'theirs'] });
  return { content: out.content.toString('latin1'), conflicts: out.conflicts };
}

/** Small texts over few distinct lines, so that diffs are ambiguous and regions overlap. */
const lineOf = (alphabet: string[]) => fc.constantFrom(...alphabet);
function textOf(alphabet: string[]) {
  return fc.tuple(fc.array(lineOf(alphabet), { maxLength: 9 }), fc.constantFrom('', '', '', 'x', 'a')).map(([lines, last]) => lines.join('') + last);
}
/** A side made from the base by a few edits, so the two sides meet in the same places. */
function sideOf(base: string[], alphabet: string[]) {
  return fc.array(fc.tuple(fc.nat(9), fc.nat(3), fc.array(lineOf(alphabet), { maxLength: 3 })), { maxLength: 3 }).map((edits) => {
    const lines = [...base];
    for (const [at, remove, insert] of edits) lines.splice(Math.min(at, lines.length), remove, ...insert);
    return lines.join('');
  });
}
const triple = (alphabet: string[]) =>
  fc.array(lineOf(alphabet), { maxLength: 9 }).chain((base) =>
    fc.tuple(fc.constant(base.join('')), fc.oneof(sideOf(base, alphabet), textOf(alphabet)), fc.oneof(sideOf(base, alphabet), textOf(alphabet))),
  );

describe('three-way merge as git merge-file does it', () => {
  it('--diff3: the same output, conflict regions and count as git (random triples)', () => {
    fc.assert(
      fc.property(triple(['a\n', 'b\n', 'c\n', 'd\n', '\n']), ([base, mine, theirs]) => {
        expect(ours(base, mine, theirs, true)).toEqual(gitMergeFile(base, mine, theirs, true));
      }),
      { numRuns: 300 },
    );
  });

  it('merge style (the zealous level): the same output as git when every line has letters', () => {
    // git merge-file's default level also joins conflicts across lines without letters or
    // digits (zealous_alnum); merge-ort, whose level we follow, does not, so lines here all have letters.
    fc.assert(
      fc.property(triple(['a\n', 'b\n', 'c\n', 'd\n']), ([base, mine, theirs]) => {
        expect(ours(base, mine, theirs, false)).toEqual(gitMergeFile(base, mine, theirs, false));
      }),
      { numRuns: 300 },
    );
  });

  const targeted: [string, string, string, string][] = [
    // the incoming side touches two of our changes: one region in git, not two
    ['incoming spans two changes', 'a\nb\nc\nd\ne\n', 'A\nb\nC\nd\ne\n', 'a\nX\nY\nd\ne\n'],
    ['insertions at the same place', 'a\nb\n', 'a\nours\nb\n', 'a\ntheirs\nb\n'],
    ['adjacent, not overlapping', 'a\nb\nc\n', 'A\nb\nc\n', 'a\nB\nc\n'],
    ['the same change on both sides', 'a\nb\nc\n', 'a\nB\nc\n', 'a\nB\nc\n'],
    ['delete against edit', 'a\nb\nc\nd\n', 'a\nd\n', 'a\nb\nC\nd\n'],
    ['no final newline', 'a\nb', 'a\nB', 'a\nb2'],
    ['CRLF lines', 'a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n', 'a\r\nb2\r\nc\r\n'],
    ['repeated lines slide', 'x\nx\nx\ny\n', 'x\nx\nx\nx\ny\n', 'x\nx\ny\n'],
  ];
  for (const [name, base, mine, theirs] of targeted) {
    it(`targeted: ${name}`, () => {
      expect(ours(base, mine, theirs, true)).toEqual(gitMergeFile(base, mine, theirs, true));
      expect(ours(base, mine, theirs, false)).toEqual(gitMergeFile(base, mine, theirs, false));
    });
  }

  it('merge3 reports one hunk per git --diff3 conflict, with each side whole', () => {
    const [, base, mine, theirs] = targeted[0]!;
    const result = merge3(Buffer.from(base), Buffer.from(mine), Buffer.from(theirs));
    expect(result.clean).toBe(false);
    const shown = gitMergeFile(base, mine, theirs, true);
    expect(result.clean ? 0 : result.hunks.length).toBe(shown.conflicts);
    if (!result.clean) expect(result.hunks[0]).toEqual({ base: 'a\nb\nc\n', ours: 'A\nb\nC\n', theirs: 'a\nX\nY\n' });
  });
});
