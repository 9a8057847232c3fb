// A mail archive of several hundred patches (one `git format-patch` series of 300 commits by
// authors with names in several scripts, some with quoted-printable bodies) imports as one fix,
// with the same commit ids as real `git am` of the same mbox on the same base.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemPorts } from '../../../../src/core/ports.ts';
import { freshVault, tempDir } from '../../../helpers/core.ts';
import { commitAll, git, gitStatus, write } from '../git-fixture.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const COMMITTER = { name: 'Fix Lead', email: 'lead@example.org' };
const AUTHORS = ['A U Thor <a@example.com>', 'Jörg Müller <jm@example.de>', 'Łukasz Żółw <lz@example.pl>', '山田 太郎 <yamada@example.jp>', '"Thor, A. U." <t@example.com>'];
const MAILS = 300;

describe('a mail archive of several hundred patches', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: Awaited<ReturnType<typeof freshVault>>;

  beforeAll(async () => {
    root = await tempDir('embargo-mail-archive-');
  });

  afterAll(async () => {
    await vault?.cleanup();
    await root?.remove();
  });

  it(`imports ${MAILS} mails as git am does (equal commit ids)`, async () => {
    const repo = join(root.path, 'repo');
    git(root.path, ['init', '-q', '-b', 'main', repo]);
    write(repo, 'README', 'base\n');
    const base = commitAll(repo, 'base');
    for (let index = 0; index < MAILS; index += 1) {
      const dir = `pkg/part${index % 17}`;
      write(repo, `${dir}/file${index}.go`, `package part\n\n// change ${index}: ${'é'.repeat(index % 3)} line\n`);
      const author = AUTHORS[index % AUTHORS.length]!;
      const date = `2026-01-${String(1 + (index % 28)).padStart(2, '0')}T10:${String(index % 60).padStart(2, '0')}:00+01:00`;
      git(repo, ['add', '-A']);
      git(repo, ['commit', '-q', '--author', author, '-m', `part: change ${index}${index % 4 === 0 ? ' — naïve' : ''}\n\nBody of change ${index}.`], {
        env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      });
    }
    const mbox = join(root.path, 'archive.mbox');
    writeFileSync(mbox, git(repo, ['format-patch', '--stdout', `${base}..HEAD`]));

    const am = join(root.path, 'am');
    git(root.path, ['clone', '-q', repo, am]);
    git(am, ['checkout', '-q', '--detach', base]);
    const applied = gitStatus(am, ['am', '-q', '--committer-date-is-author-date', mbox], { GIT_COMMITTER_NAME: COMMITTER.name, GIT_COMMITTER_EMAIL: COMMITTER.email });
    expect(applied.code, applied.stderr).toBe(0);
    const theirs = git(am, ['rev-list', '--reverse', `${base}..HEAD`]).trim().split('\n');
    expect(theirs).toHaveLength(MAILS);

    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF }, ports: systemPorts });
    const caseId = (await vault.call('case.create', { title: 'archive', disclosedAt: '2026-01-10T09:00:00Z' })).id;
    await vault.call('workspace.import', { id: caseId, upstream: repo });
    const ours = await vault.result('workspace.fix', { id: caseId, from: mbox, base, committer: COMMITTER });
    expect(ours.ok ? null : `${ours.error.code}: ${ours.error.message}`).toBeNull();
    if (ours.ok) expect(ours.value.commits).toEqual(theirs);
  }, 240_000);
});
