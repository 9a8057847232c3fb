// Patch mails whose paths or modes git refuses: real `git am` refuses each in the same run,
// and `workspace fix` refuses it too, naming git's fsck rule and the path, storing nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, tempDir } from '../../../helpers/core.ts';
import { commitAll, git, gitStatus, write } from '../git-fixture.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;

function mail(diff: string): string {
  return `From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\nFrom: T <t@example.org>\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nSubject: [PATCH] x\n\n---\n${diff}\n-- \n2.39.5\n\n`;
}
const newFile = (path: string, mode = '100644') =>
  mail(`diff --git a/${path} b/${path}\nnew file mode ${mode}\nindex 0000000..7898192\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1 @@\n+a`);

const CASES: [string, string, string, string[]?][] = [
  ['a path climbing out of the tree', newFile('../../../x'), 'hasDotdot'],
  ['a hook under .git', newFile('.git/hooks/post-checkout'), 'hasDotgit'],
  ['.GIT in another case', newFile('.GIT/config'), 'hasDotgit'],
  ['the NTFS short name', newFile('git~1/config'), 'hasDotgit'],
  ['a trailing dot', newFile('.git./config'), 'hasDotgit'],
  ['an HFS+ spelling of .git (git with core.protectHFS)', newFile('.g\u200cit/config'), 'hasDotgit', ['-c', 'core.protectHFS=true']],
  ['./x', newFile('./x'), 'hasDot'],
  ['an absolute path', newFile('/etc/passwd'), 'fullPathname'],
  ['a rename out of the tree', mail('diff --git a/README b/../README\nsimilarity index 100%\nrename from README\nrename to ../README'), 'hasDotdot'],
  ['a copy into .git', mail('diff --git a/README b/.git/README\nsimilarity index 100%\ncopy from README\ncopy to .git/README'), 'hasDotgit'],
  ['an invalid mode', newFile('n', '10064x'), 'PatchInvalid'],
];

describe('patch mails git am refuses', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let upstream: string;
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let caseId: string;

  beforeAll(async () => {
    root = await tempDir('embargo-refused-');
    upstream = join(root.path, 'up');
    mkdirSync(upstream);
    git(upstream, ['init', '-q', '-b', 'main']);
    write(upstream, 'README', 'hello\n');
    commitAll(upstream, 'init');
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    caseId = (await vault.call('case.create', { title: 'hostile mails', disclosedAt: '2026-01-10T09:00:00Z' })).id;
    await vault.call('workspace.import', { id: caseId, upstream });
  }, 60_000);

  afterAll(async () => {
    await vault?.cleanup();
    await root?.remove();
  });

  for (const [label, text, id, gitConfig] of CASES) {
    it(`refuses ${label} (${id}), as git am does`, async () => {
      const file = join(root.path, `${id}-${label.replace(/\W+/g, '-')}.mbox`);
      writeFileSync(file, text);
      const clone = join(root.path, `am-${label.replace(/\W+/g, '-')}`);
      git(root.path, ['clone', '-q', upstream, clone]);
      const am = gitStatus(clone, [...(gitConfig ?? []), 'am', file]);
      expect(am.code, am.stdout + am.stderr).not.toBe(0);
      const before = await vault.call('workspace.status', { id: caseId });
      const outcome = await vault.result('workspace.fix', { id: caseId, from: file, base: 'main' });
      const error = outcome.ok ? null : outcome.error;
      if (id === 'PatchInvalid') expect(error?.code).toBe('PatchInvalid');
      else {
        expect({ code: error?.code, fsck: error?.data?.fsck }).toEqual({ code: 'FsckFailed', fsck: id });
        expect(error!.message).toContain(id);
      }
      expect(await vault.call('workspace.status', { id: caseId })).toEqual(before);
    });
  }
});
