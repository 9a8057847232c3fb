// git's fsck rules, case by case against real `git fsck --strict` in the same run: each crafted
// tree or commit is written with `git hash-object --literally`, git names the rule it breaks,
// and our check must refuse it with the same message id.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbargoError } from '../../../../src/shared/errors.ts';
import { checkCommit, checkGitmodules, checkPath, checkTree } from '../../../../src/core/workspace/fsck/index.ts';
import { GIT_ENV } from '../git-fixture.ts';

const EMPTY_BLOB = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';

function run(cwd: string, args: string[], input?: Buffer): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync('git', args, { cwd, env: GIT_ENV, input, stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8') };
  } catch (error) {
    const e = error as { status: number; stdout: Buffer; stderr: Buffer };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

function treeBytes(entries: [string, string | Buffer, string][]): Buffer {
  return Buffer.concat(entries.map(([mode, name, sha]) => Buffer.concat([Buffer.from(`${mode} `), Buffer.from(name), Buffer.from([0]), Buffer.from(sha, 'hex')])));
}

function fsckIdOf(thrown: () => void): string | null {
  try {
    thrown();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(EmbargoError);
    expect((error as EmbargoError).code).toBe('FsckFailed');
    return (error as EmbargoError).data.fsck as string;
  }
}

describe('fsck rules, as real git fsck --strict sees them', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'embargo-fsck-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A fresh repository holding only `objects`; what git fsck --strict (INFO made ERROR) says. */
  function gitFsck(objects: { type: string; data: Buffer }[]): { code: number; out: string } {
    const repo = mkdtempSync(join(dir, 'r-'));
    run(repo, ['init', '-q', '--bare']);
    run(repo, ['hash-object', '-w', '--stdin'], Buffer.alloc(0));
    for (const o of objects) expect(run(repo, ['hash-object', '-t', o.type, '-w', '--literally', '--stdin'], o.data).code).toBe(0);
    return run(repo, ['-c', 'fsck.badFilemode=error', 'fsck', '--strict', '--no-dangling']);
  }

  const gitmodulesBlob = (text: string) => ({ type: 'blob', data: Buffer.from(text) });
  const blobSha = (data: Buffer) => execFileSync('git', ['hash-object', '--stdin'], { input: data, env: GIT_ENV }).toString().trim();

  const treeCases: [string, [string, string | Buffer, string][], string][] = [
    ['.git', [['100644', '.git', EMPTY_BLOB]], 'hasDotgit'],
    ['.GIT in upper case', [['100644', '.GIT', EMPTY_BLOB]], 'hasDotgit'],
    ['NTFS short name git~1', [['100644', 'GIT~1', EMPTY_BLOB]], 'hasDotgit'],
    ['NTFS trailing dot', [['100644', '.git.', EMPTY_BLOB]], 'hasDotgit'],
    ['NTFS trailing spaces', [['100644', '.git  ', EMPTY_BLOB]], 'hasDotgit'],
    ['NTFS stream', [['100644', '.git::$INDEX_ALLOCATION', EMPTY_BLOB]], 'hasDotgit'],
    ['HFS+ zero-width joiner', [['100644', '.g\u200dit', EMPTY_BLOB]], 'hasDotgit'],
    ['HFS+ byte-order mark', [['100644', '\ufeff.GIT', EMPTY_BLOB]], 'hasDotgit'],
    ['backslash before .git', [['100644', 'dir\\.git', EMPTY_BLOB]], 'hasDotgit'],
    ['..', [['100644', '..', EMPTY_BLOB]], 'hasDotdot'],
    ['.', [['100644', '.', EMPTY_BLOB]], 'hasDot'],
    // git 2.39's tree parser already stops at an empty name ("badTree"); fsck's own rule is emptyName
    ['an empty name', [['100644', '', EMPTY_BLOB]], 'emptyName|badTree'],
    ['a slash in a name', [['100644', 'a/b', EMPTY_BLOB]], 'fullPathname'],
    ['duplicate entries', [['100644', 'a', EMPTY_BLOB], ['100644', 'a', EMPTY_BLOB]], 'duplicateEntries'],
    ['unsorted entries', [['100644', 'b', EMPTY_BLOB], ['100644', 'a', EMPTY_BLOB]], 'treeNotSorted'],
    ['a directory sorted as a file', [['40000', 'a', '4b825dc642cb6eb9a060e54bf8d69288fbee4904'], ['100644', 'a.c', EMPTY_BLOB]], 'treeNotSorted'],
    ['mode 100666', [['100666', 'a', EMPTY_BLOB]], 'badFilemode'],
    ['mode 100664 (strict)', [['100664', 'a', EMPTY_BLOB]], 'badFilemode'],
    ['zero-padded mode', [['040000', 'a', '4b825dc642cb6eb9a060e54bf8d69288fbee4904']], 'zeroPaddedFilemode'],
    ['a symlink called .gitmodules', [['120000', '.gitmodules', EMPTY_BLOB]], 'gitmodulesSymlink'],
    ['a symlink called .GITMODULES', [['120000', '.GITMODULES', EMPTY_BLOB]], 'gitmodulesSymlink'],
    ['a symlink with the NTFS short name gitmod~1', [['120000', 'gitmod~1', EMPTY_BLOB]], 'gitmodulesSymlink'],
  ];

  /** git names the rule "<id>:" (or, where its parser stops first, the alternative after '|'). */
  const gitNames = (out: string, ids: string) => ids.split('|').some((id) => out.includes(`${id}:`) || (id === 'badParentSha1' && out.includes('bad parents')));

  for (const [label, entries, ids] of treeCases) {
    const id = ids.split('|')[0]!;
    it(`refuses a tree with ${label} (${id}), as git does`, () => {
      const data = treeBytes(entries);
      const git = gitFsck([{ type: 'blob', data: Buffer.alloc(0) }, { type: 'tree', data }]);
      expect(git.code, git.out).not.toBe(0);
      expect(gitNames(git.out, ids), git.out).toBe(true);
      expect(fsckIdOf(() => checkTree(data, { strict: true }))).toBe(id);
    });
  }

  const gitmodulesCases: [string, string, string][] = [
    ['a name with ../', '[submodule "../../hooks"]\n\tpath = x\n\turl = https://example.org/x.git\n', 'gitmodulesName'],
    ['a name with ..\\', '[submodule "a\\\\..\\\\..\\\\b"]\n\tpath = x\n\turl = https://example.org/x.git\n', 'gitmodulesName'],
    ['a URL starting with -', '[submodule "x"]\n\tpath = x\n\turl = --upload-pack=touch /tmp/pwned\n', 'gitmodulesUrl'],
    ['a relative URL escaping into the host', '[submodule "x"]\n\tpath = x\n\turl = ../../:example.org/x.git\n', 'gitmodulesUrl'],
    ['a URL with an encoded newline', '[submodule "x"]\n\tpath = x\n\turl = https://example.org/x%0a.git\n', 'gitmodulesUrl'],
    ['a path starting with -', '[submodule "x"]\n\tpath = -x\n\turl = https://example.org/x.git\n', 'gitmodulesPath'],
    ['an update command', '[submodule "x"]\n\tpath = x\n\turl = https://example.org/x.git\n\tupdate = !touch /tmp/pwned\n', 'gitmodulesUpdate'],
  ];

  for (const [label, text, id] of gitmodulesCases) {
    it(`refuses a .gitmodules with ${label} (${id}), as git does`, () => {
      const blob = gitmodulesBlob(text);
      const tree = treeBytes([['100644', '.gitmodules', blobSha(blob.data)]]);
      const git = gitFsck([blob, { type: 'tree', data: tree }]);
      expect(git.code, git.out).not.toBe(0);
      expect(git.out).toContain(`${id}:`);
      expect(checkTree(tree, { strict: true }).gitmodules).toHaveLength(1);
      expect(fsckIdOf(() => checkGitmodules(blob.data, '.gitmodules'))).toBe(id);
    });
  }

  it('accepts an ordinary .gitmodules and tree, as git does', () => {
    const blob = gitmodulesBlob('[submodule "vendor/lib"]\n\tpath = vendor/lib\n\turl = ../lib.git\n');
    const tree = treeBytes([['100644', '.gitmodules', blobSha(blob.data)], ['100644', 'a.c', EMPTY_BLOB], ['40000', 'a', '4b825dc642cb6eb9a060e54bf8d69288fbee4904'], ['100755', 'run', EMPTY_BLOB]]);
    const git = gitFsck([blob, { type: 'tree', data: Buffer.alloc(0) }, { type: 'tree', data: tree }]);
    expect(git.code, git.out).toBe(0);
    expect(fsckIdOf(() => checkGitmodules(blob.data, '.gitmodules'))).toBeNull();
    expect(fsckIdOf(() => checkTree(tree, { strict: true }))).toBeNull();
  });

  const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
  const commitCases: [string, string, string][] = [
    ['no email', `tree ${EMPTY_TREE}\nauthor A 1700000000 +0000\ncommitter A <a@b> 1700000000 +0000\n\nx\n`, 'missingEmail'],
    ['no space before the email', `tree ${EMPTY_TREE}\nauthor A<a@b> 1700000000 +0000\ncommitter A <a@b> 1700000000 +0000\n\nx\n`, 'missingSpaceBeforeEmail'],
    ['a bad time zone', `tree ${EMPTY_TREE}\nauthor A <a@b> 1700000000 +00\ncommitter A <a@b> 1700000000 +0000\n\nx\n`, 'badTimezone'],
    ['a zero-padded date', `tree ${EMPTY_TREE}\nauthor A <a@b> 01700000000 +0000\ncommitter A <a@b> 1700000000 +0000\n\nx\n`, 'zeroPaddedDate'],
    ['two authors', `tree ${EMPTY_TREE}\nauthor A <a@b> 1700000000 +0000\nauthor B <b@b> 1700000000 +0000\ncommitter A <a@b> 1700000000 +0000\n\nx\n`, 'multipleAuthors'],
    ['no committer', `tree ${EMPTY_TREE}\nauthor A <a@b> 1700000000 +0000\n\nx\n`, 'missingCommitter'],
    ['a bad parent', `tree ${EMPTY_TREE}\nparent 123\nauthor A <a@b> 1700000000 +0000\ncommitter A <a@b> 1700000000 +0000\n\nx\n`, 'badParentSha1'],
  ];
  for (const [label, text, id] of commitCases) {
    it(`refuses a commit with ${label} (${id}), as git does`, () => {
      const data = Buffer.from(text);
      const git = gitFsck([{ type: 'tree', data: Buffer.alloc(0) }, { type: 'commit', data }]);
      expect(git.code, git.out).not.toBe(0);
      expect(gitNames(git.out, id), git.out).toBe(true);
      expect(fsckIdOf(() => checkCommit(data))).toBe(id);
    });
  }

  it('refuses paths a patch names the way git am does, naming the rule and the path', () => {
    const cases: [string, string][] = [
      ['../x', 'hasDotdot'],
      ['d/../x', 'hasDotdot'],
      ['./x', 'hasDot'],
      ['.git/hooks/post-checkout', 'hasDotgit'],
      ['x/.Git/config', 'hasDotgit'],
      ['/etc/passwd', 'fullPathname'],
      ['d//x', 'emptyName'],
      ['x/', 'emptyName'],
      ['d\\..\\x', 'hasDotdot'],
    ];
    for (const [path, id] of cases) {
      const error = (() => {
        try {
          checkPath(path);
        } catch (e) {
          return e as EmbargoError;
        }
        return null;
      })();
      expect(error?.data, path).toEqual({ fsck: id, path });
      expect(error!.message).toContain(id);
      expect(error!.message).toContain(path);
    }
    expect(() => checkPath('src/.github/workflows/ci.yml')).not.toThrow();
    expect(() => checkPath('docs/git~2.txt')).not.toThrow();
  });

  it('never throws anything but a coded error on arbitrary tree bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          checkTree(Buffer.from(bytes), { strict: true });
        } catch (error) {
          expect((error as EmbargoError).code).toBe('FsckFailed');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every tree git itself would write from ordinary names (property)', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,11}$/).filter((n) => !/^(\.|git~1|\.git)/i.test(n));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, fc.constantFrom('100644', '100755', '120000', '40000')), { selector: ([n]) => n, maxLength: 12 }), (entries) => {
        const sorted = [...entries].sort(([a, ma], [b, mb]) => Buffer.compare(Buffer.from(ma === '40000' ? `${a}/` : a), Buffer.from(mb === '40000' ? `${b}/` : b)));
        expect(() => checkTree(treeBytes(sorted.map(([n, m]) => [m, n, EMPTY_BLOB])), { strict: true })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
