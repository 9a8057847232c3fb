// A start on the hostile-input corpus (issue 18, item 5): crafted fix mails and bundles, each
// refused with a coded error while the vault stays as it was (`vault.verify` and the file
// listing before and after are equal). Through the core, not yet the CLI.
import { readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, tempDir } from '../helpers/core.ts';
import { commitAll, git, write } from '../core/workspace/git-fixture.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;

function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(`${relative(dir, path)} ${statSync(path).size}`);
    }
  };
  walk(dir);
  return out.sort();
}

const header = 'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\nFrom: T <t@example.org>\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nSubject: [PATCH] x\n\n---\n';
const newFile = (path: string) => `${header}diff --git a/${path} b/${path}\nnew file mode 100644\nindex 0000000..7898192\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1 @@\n+a\n-- \n2.39.5\n\n`;

const MAILS: [string, string | Buffer, string][] = [
  ['dotdot path', newFile('../../x'), 'FsckFailed'],
  ['.git hook', newFile('.git/hooks/post-checkout'), 'FsckFailed'],
  ['NTFS git~1', newFile('GIT~1/config'), 'FsckFailed'],
  ['HFS+ .git', newFile('.g\u200cit/config'), 'FsckFailed'],
  ['symlink .gitmodules', `${header}diff --git a/.gitmodules b/.gitmodules\nnew file mode 120000\nindex 0000000..7898192\n--- /dev/null\n+++ b/.gitmodules\n@@ -0,0 +1 @@\n+a\n\\ No newline at end of file\n`, 'FsckFailed'],
  ['.gitmodules with a -url', `${header}diff --git a/.gitmodules b/.gitmodules\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/.gitmodules\n@@ -0,0 +1,3 @@\n+[submodule "x"]\n+\tpath = x\n+\turl = --upload-pack=touch /tmp/pwned\n`, 'FsckFailed'],
  ['truncated hunk', `${header}diff --git a/README b/README\n--- a/README\n+++ b/README\n@@ -1,3 +1,3 @@\n hello\n`, 'PatchDoesNotApply'],
  ['empty', '', 'MboxInvalid'],
  ['nested multipart', `From: T <t@example.org>\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nSubject: x\nContent-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\n--b--\n--a--\n`, 'MboxInvalid'],
  ['wrong encoding', Buffer.concat([Buffer.from(header.replace('Subject: [PATCH] x', 'Subject: x\nContent-Type: text/plain; charset=x-no-such-charset')), Buffer.from([0xff, 0xfe, 0x00])]), 'MboxInvalid'],
];

describe('hostile fix imports change nothing', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let caseId: string;
  let upstreamDir: string;

  beforeAll(async () => {
    root = await tempDir('embargo-hostile-');
    const upstream = join(root.path, 'up');
    mkdirSync(upstream);
    git(upstream, ['init', '-q', '-b', 'main']);
    write(upstream, 'README', 'hello\n');
    commitAll(upstream, 'init');
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    caseId = (await vault.call('case.create', { title: 'hostile', disclosedAt: '2026-01-10T09:00:00Z' })).id;
    await vault.call('workspace.import', { id: caseId, upstream });
    upstreamDir = upstream;
  }, 120_000);

  afterAll(async () => {
    await vault?.cleanup();
    await root?.remove();
  });

  for (const [label, bytes, code] of MAILS) {
    it(`refuses a mail with ${label} (${code}) and changes nothing`, async () => {
      const file = join(root.path, `${label.replace(/\W+/g, '-')}.mbox`);
      writeFileSync(file, bytes);
      const before = { verify: await vault.call('vault.verify', {}), files: listing(vault.dir) };
      const outcome = await vault.result('workspace.fix', { id: caseId, from: file, base: 'main' });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error.code, outcome.error.message).toBe(code);
      expect({ verify: await vault.call('vault.verify', {}), files: listing(vault.dir) }).toEqual(before);
    });
  }

  /** A fix bundle whose one commit's tree holds `name` (written with hash-object --literally). */
  function hostileBundle(name: string, mode = '100644'): string {
    const repo = join(root.path, `b-${name.replace(/\W+/g, '-')}-${mode}`);
    git(root.path, ['clone', '-q', upstreamDir, repo]);
    const blob = git(repo, ['hash-object', '-w', '--stdin'], { input: 'x\n' }).trim();
    const readme = git(repo, ['rev-parse', 'HEAD:README']).trim();
    const entries = [['100644', 'README', readme], [mode, name, blob]].sort((a, b) => Buffer.compare(Buffer.from(a[1]!), Buffer.from(b[1]!)));
    const tree = Buffer.concat(entries.map(([m, n, sha]) => Buffer.concat([Buffer.from(`${m} ${n}\0`), Buffer.from(sha!, 'hex')])));
    const treeSha = git(repo, ['hash-object', '-t', 'tree', '-w', '--literally', '--stdin'], { input: tree }).trim();
    const commit = git(repo, ['commit-tree', treeSha, '-p', 'HEAD', '-m', 'hostile']).trim();
    git(repo, ['update-ref', 'refs/heads/fix', commit]);
    const file = join(root.path, `${name.replace(/\W+/g, '-')}-${mode}.bundle`);
    git(repo, ['bundle', 'create', '-q', file, 'main..fix']);
    return file;
  }

  const BUNDLES: [string, string, string][] = [
    ['.git', '100644', 'hasDotgit'],
    ['.GIT.', '100644', 'hasDotgit'],
    ['..', '100644', 'hasDotdot'],
    ['.gitmodules', '120000', 'gitmodulesSymlink'],
    ['odd', '100666', 'badFilemode'],
  ];
  for (const [name, mode, id] of BUNDLES) {
    it(`refuses a fix bundle whose tree has ${name} ${mode} (${id}) and changes nothing`, async () => {
      const file = hostileBundle(name, mode);
      const before = { verify: await vault.call('vault.verify', {}), files: listing(vault.dir) };
      const outcome = await vault.result('workspace.fix', { id: caseId, from: file });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect({ code: outcome.error.code, fsck: outcome.error.data?.fsck }).toEqual({ code: 'FsckFailed', fsck: id });
      expect({ verify: await vault.call('vault.verify', {}), files: listing(vault.dir) }).toEqual(before);
    });
  }
});
