// The hostile-input corpus through the real CLI (issue 18, item 5), workspace importers:
// upstream bundles and clones, fix mails, OWNERS files. Each case: exit 1, a stable error code
// (the fsck id in the message for tree cases), `vault verify` and the vault's files unchanged;
// and real git refuses the same input in the same run (transfer.fsckObjects, fsck --strict, am).
import { truncateSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.ts';
import { LIMITS } from '../../src/shared/limits.ts';
import { git, gitStatus } from '../core/workspace/git-fixture.ts';
import { hostileCommit, hostileVault, smallUpstream, type HostileVault } from './hostile-cli-helpers.ts';

const header = 'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\nFrom: T <t@example.org>\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nSubject: [PATCH] x\n\n---\n';
const newFile = (path: string) => `${header}diff --git a/${path} b/${path}\nnew file mode 100644\nindex 0000000..7898192\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1 @@\n+a\n-- \n2.39.5\n\n`;
const nested = (depth: number) => {
  let body = `${header.split('\n---\n')[0]!.replace('Subject: [PATCH] x', 'Subject: [PATCH] x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b0')}\n\n`;
  for (let level = 0; level < depth; level++) body += `--b${level}\nContent-Type: multipart/mixed; boundary=b${level + 1}\n\n`;
  return `${body}--b${depth}\nContent-Type: text/plain\n\nx\n--b${depth}--\n`;
};

/** Mails `git am` also refuses (checked in the same run where `gitAm` is true). */
const MAILS: { label: string; bytes: string | Buffer; code: string; id?: string; gitAm: boolean }[] = [
  { label: 'a ../ path', bytes: newFile('../../../x'), code: 'FsckFailed', gitAm: true },
  { label: 'a .git/hooks path', bytes: newFile('.git/hooks/post-checkout'), code: 'FsckFailed', id: 'hasDotgit', gitAm: true },
  { label: 'an NTFS GIT~1 path', bytes: newFile('GIT~1/config'), code: 'FsckFailed', id: 'hasDotgit', gitAm: true },
  { label: 'an HFS+ .git spelling', bytes: newFile('.g\u200cit/config'), code: 'FsckFailed', id: 'hasDotgit', gitAm: false },
  { label: 'a rename out of the tree', bytes: `${header}diff --git a/README b/../README\nsimilarity index 100%\nrename from README\nrename to ../README\n-- \n2.39.5\n\n`, code: 'FsckFailed', gitAm: true },
  { label: 'a truncated hunk', bytes: `${header}diff --git a/README b/README\n--- a/README\n+++ b/README\n@@ -1,3 +1,3 @@\n hello\n`, code: 'PatchDoesNotApply', gitAm: true },
  { label: 'nothing at all', bytes: '', code: 'MboxInvalid', gitAm: true },
  { label: 'multipart nested past the limit', bytes: nested(LIMITS.patchMailMultipartDepth + 2), code: 'MboxInvalid', gitAm: true },
  {
    label: 'an unknown charset and invalid UTF-8',
    bytes: Buffer.concat([Buffer.from(header.replace('Subject: [PATCH] x', 'Subject: x\nContent-Type: text/plain; charset=x-no-such-charset')), Buffer.from([0xff, 0xfe, 0x00])]),
    code: 'MboxInvalid',
    gitAm: true,
  },
];

describe('hostile workspace inputs through the CLI', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: HostileVault;
  let upstream: string;
  const ids: Record<string, string> = {};
  const fixSha: Record<string, string> = {};

  beforeAll(async () => {
    root = await tempDir('embargo-hostile-cli-');
    upstream = smallUpstream(join(root.path, 'up'));
    const owners = {
      laughs: smallUpstream(join(root.path, 'owners-laughs'), { OWNERS: billionLaughs() }),
      huge: smallUpstream(join(root.path, 'owners-huge'), { OWNERS: `approvers: [${'a, '.repeat(LIMITS.ownersBytes / 3)}b]\n` }),
      latin1: smallUpstream(join(root.path, 'owners-latin1'), { OWNERS: Buffer.from('approvers:\n- j\xf6rg\n', 'latin1') }),
    };
    const fixMail = join(root.path, 'fix.mbox');
    writeFileSync(fixMail, `${header}diff --git a/README b/README\n--- a/README\n+++ b/README\n@@ -1 +1 @@\n-hello\n+hello, world\n-- \n2.39.5\n\n`);
    vault = await hostileVault(root.path, async (core) => {
      const create = async (title: string) => (await core.call('case.create', { title, disclosedAt: '2026-01-10T09:00:00Z' })).id;
      ids.fix = await create('fix imports');
      await core.call('workspace.import', { id: ids.fix, upstream });
      ids.upstream = await create('upstream imports');
      for (const [name, repo] of Object.entries(owners)) {
        ids[name] = await create(`owners ${name}`);
        await core.call('workspace.import', { id: ids[name]!, upstream: repo });
        fixSha[name] = (await core.call('workspace.fix', { id: ids[name]!, from: fixMail, base: 'main' })).commits[0]!;
      }
    });
  }, 180_000);

  afterAll(async () => root?.remove());

  for (const mail of MAILS) {
    it(`workspace fix refuses a mail with ${mail.label} (${mail.code}${mail.id ? ` ${mail.id}` : ''}), exit 1, vault unchanged${mail.gitAm ? '; git am refuses it too' : ''}`, () => {
      const file = join(root.path, `${mail.label.replace(/\W+/g, '-')}.mbox`);
      writeFileSync(file, mail.bytes);
      vault.expectRefused(['workspace', 'fix', ids.fix!, '--from', file, '--base', 'main'], mail.code, mail.id);
      if (mail.gitAm) {
        const clone = join(root.path, `am-${mail.label.replace(/\W+/g, '-')}`);
        git(root.path, ['clone', '-q', upstream, clone]);
        expect(gitStatus(clone, ['am', file]).code).not.toBe(0);
      }
    });
  }

  it('workspace fix refuses an mbox past the byte limit on its size (InputTooLarge), vault unchanged', () => {
    const file = join(root.path, 'huge.mbox');
    writeFileSync(file, '');
    truncateSync(file, LIMITS.mboxBytes + 1);
    vault.expectRefused(['workspace', 'fix', ids.fix!, '--from', file, '--base', 'main'], 'InputTooLarge');
  });

  /** An upstream bundle of `upstream` plus one hostile commit on main. */
  function hostileUpstreamBundle(label: string, name: string, mode: string, content?: string): string {
    const repo = join(root.path, `upb-${label}`);
    git(root.path, ['clone', '-q', upstream, repo]);
    git(repo, ['update-ref', 'refs/heads/main', hostileCommit(repo, name, mode, content)]);
    const file = join(root.path, `upstream-${label}.bundle`);
    git(repo, ['bundle', 'create', '-q', file, 'main']);
    return file;
  }

  const TREES: [string, string, string, string, string?][] = [
    ['dotgit', '.git', '100644', 'hasDotgit'],
    ['ntfs', 'GIT~1', '100644', 'hasDotgit'],
    ['dotdot', '..', '100644', 'hasDotdot'],
    ['gitmodules-symlink', '.gitmodules', '120000', 'gitmodulesSymlink'],
    ['gitmodules-url', '.gitmodules', '100644', 'gitmodulesUrl', '[submodule "x"]\n\tpath = x\n\turl = --upload-pack=touch /tmp/pwned\n'],
    ['gitmodules-name', '.gitmodules', '100644', 'gitmodulesName', '[submodule "../../x"]\n\tpath = x\n\turl = https://example.org/x\n'],
  ];
  for (const [label, name, mode, id, content] of TREES) {
    it(`workspace import refuses an upstream bundle whose tree has ${name} ${mode} (${id}), exit 1, vault unchanged; git's transfer.fsckObjects fetch refuses it too`, () => {
      const file = hostileUpstreamBundle(label, name, mode, content);
      vault.expectRefused(['workspace', 'import', ids.upstream!, '--upstream', file], 'FsckFailed', id);
      // git before 2.46 does not fsck what it unbundles, so git is asked over file:// from the
      // repository the bundle was made from: the same objects through index-pack --strict
      const target = join(root.path, `gitfetch-${label}`);
      git(root.path, ['init', '-q', target]);
      const fetched = gitStatus(target, ['-c', 'transfer.fsckObjects=true', 'fetch', '-q', `file://${join(root.path, `upb-${label}`)}`, 'main']);
      expect(fetched.code, fetched.stderr).not.toBe(0);
      expect(fetched.stderr).toContain(id);
    });
  }

  // A malformed mode cannot travel in a bundle (git's pack-objects dies on it), so it comes as a clone.
  const CLONES: [string, string, string, string][] = [
    ['dotgit', '.git', '100644', 'hasDotgit'],
    ['bad-mode', 'odd', '10a644', 'badTree'],
  ];
  for (const [label, name, mode, id] of CLONES) {
    it(`workspace import refuses a clone whose default branch tree has ${name} ${mode} (${id}), exit 1, vault unchanged; git fsck --strict refuses it too`, () => {
      const repo = join(root.path, `clone-${label}`);
      git(root.path, ['clone', '-q', upstream, repo]);
      git(repo, ['update-ref', 'refs/heads/main', hostileCommit(repo, name, mode)]);
      vault.expectRefused(['workspace', 'import', ids.upstream!, '--upstream', repo], 'FsckFailed', id);
      const fsck = gitStatus(repo, ['fsck', '--strict']);
      expect(fsck.code, fsck.stdout + fsck.stderr).not.toBe(0);
    });
  }

  it('workspace import refuses a truncated upstream bundle (PackInvalid) and a bad header (BundleInvalid); git refuses both', () => {
    const good = join(root.path, 'good.bundle');
    git(upstream, ['bundle', 'create', '-q', good, '--all']);
    const truncated = join(root.path, 'truncated.bundle');
    const bytes = readFileSync(good);
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 30));
    vault.expectRefused(['workspace', 'import', ids.upstream!, '--upstream', truncated], 'PackInvalid');
    expect(gitStatus(root.path, ['bundle', 'verify', truncated]).code).not.toBe(0);
    const garbage = join(root.path, 'garbage.bundle');
    writeFileSync(garbage, '# v2 git bundle\nnot a ref line\n\nPACK');
    vault.expectRefused(['workspace', 'import', ids.upstream!, '--upstream', garbage], 'BundleInvalid');
    expect(gitStatus(root.path, ['bundle', 'verify', garbage]).code).not.toBe(0);
  });

  it('workspace import refuses an upstream bundle past the byte limit on its size (InputTooLarge), vault unchanged', () => {
    const file = join(root.path, 'huge-upstream.bundle');
    writeFileSync(file, '# v2 git bundle\n');
    truncateSync(file, LIMITS.upstreamBundleBytes + 1); // sparse
    vault.expectRefused(['workspace', 'import', ids.upstream!, '--upstream', file], 'InputTooLarge');
  });

  it('refuses a billion-laughs OWNERS file (InputTooLarge) on status and lgtm, exit 1, vault unchanged', () => {
    vault.expectRefused(['workspace', 'status', ids.laughs!], 'InputTooLarge', 'aliases');
    vault.expectRefused(['workspace', 'lgtm', ids.laughs!, fixSha.laughs!, '--by', 'alice'], 'InputTooLarge', 'aliases');
  });

  it('refuses an OWNERS file past the byte limit (InputTooLarge) on lgtm, exit 1, vault unchanged', () => {
    vault.expectRefused(['workspace', 'lgtm', ids.huge!, fixSha.huge!, '--by', 'alice'], 'InputTooLarge', 'OWNERS');
  });

  it('an OWNERS file that is not UTF-8 names nobody, as prow reads it (no error; status changes nothing)', () => {
    const before = vault.state();
    const status = vault.cli('workspace', 'status', ids.latin1!);
    expect(status.code, status.stdout).toBe(0);
    const commits = (JSON.parse(status.stdout) as { fix: { commits: { owners: unknown }[] } }).fix.commits;
    expect(commits[0]!.owners).toEqual({ approvers: [], reviewers: [] });
    expect(vault.state()).toEqual(before);
  });
});

/** 9 levels of 9 aliases: 9^9 strings once expanded. */
function billionLaughs(): string {
  const names = 'abcdefghi'.split('');
  return ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...names.slice(1).map((name, i) => `${name}: &${name} [${Array(9).fill(`*${names[i]}`).join(', ')}]`), 'approvers: *i', ''].join('\n');
}
