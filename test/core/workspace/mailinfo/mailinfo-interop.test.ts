// Mail patches read as `git am` reads them: every mail here (format-patch variants and
// hand-written ones) is imported with `workspace fix --from MBOX` and applied with real
// `git am` on the same base, with the same committer and dates (the core dates the committer
// like `git am --committer-date-is-author-date`); the commit ids must be equal, or both refuse.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemPorts } from '../../../../src/core/ports.ts';
import { ERROR_CODES } from '../../../../src/shared/errors.ts';
import { freshVault, tempDir } from '../../../helpers/core.ts';
import { commitAll, git, gitStatus, write } from '../git-fixture.ts';
import { buildBase, encoded, mail, STD } from './mail-fixture.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const COMMITTER = { name: 'Fix Lead', email: 'lead@example.org' };
const TYPED = new Set<string>(ERROR_CODES.filter((c) => c !== 'Internal'));
// git reads a zoneless Date: in the local zone; give it ours.
const LOCAL_TZ = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe('mail patches as git am reads them', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let caseId: string;
  let base: string;
  let diff: string;
  let work: string;
  let amRepo: string;
  let clock = new Date('2026-01-05T12:00:00Z');
  let counter = 0;

  beforeAll(async () => {
    root = await tempDir('embargo-mailinfo-');
    const built = buildBase(root.path);
    base = built.base;
    diff = built.diff;
    work = join(root.path, 'work');
    git(root.path, ['clone', '-q', built.repo, work]);
    amRepo = join(root.path, 'am');
    git(root.path, ['clone', '-q', built.repo, amRepo]);
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF }, ports: { ...systemPorts, now: () => clock } });
    caseId = (await vault.call('case.create', { title: 'mailinfo', disclosedAt: '2026-01-10T09:00:00Z' })).id;
    await vault.call('workspace.import', { id: caseId, upstream: built.repo });
  }, 60_000);

  afterAll(async () => {
    await vault?.cleanup();
    await root?.remove();
  });

  function gitAm(file: string): { ok: true; commits: string[] } | { ok: false; stderr: string } {
    if (existsSync(join(amRepo, '.git', 'rebase-apply'))) git(amRepo, ['am', '--abort']);
    git(amRepo, ['checkout', '-q', '--detach', base]);
    const env = { GIT_COMMITTER_NAME: COMMITTER.name, GIT_COMMITTER_EMAIL: COMMITTER.email, TZ: LOCAL_TZ };
    const result = gitStatus(amRepo, ['am', '-q', '--committer-date-is-author-date', file], env);
    if (result.code !== 0) return { ok: false, stderr: result.stderr };
    return { ok: true, commits: git(amRepo, ['rev-list', '--reverse', `${base}..HEAD`]).trim().split('\n') };
  }

  /** Both sides on the same mbox; returns git's commits (or null when both refused). */
  async function sameAsGitAm(mbox: Buffer): Promise<string[] | null> {
    const file = join(root.path, `case-${++counter}.mbox`);
    writeFileSync(file, mbox);
    const theirs = gitAm(file);
    // A mail without a date is dated "now" by both; give the core git's clock.
    if (theirs.ok) clock = new Date(Number(git(amRepo, ['log', '-1', '--format=%at', theirs.commits[0]!]).trim()) * 1000);
    const ours = await vault.result('workspace.fix', { id: caseId, from: file, base, committer: COMMITTER });
    if (!theirs.ok) {
      expect(ours.ok, `git am refused (${theirs.stderr.trim()}), we accepted`).toBe(false);
      if (!ours.ok) expect(TYPED.has(ours.error.code)).toBe(true);
      return null;
    }
    expect(ours.ok ? null : `${ours.error.code}: ${ours.error.message}`).toBeNull();
    if (ours.ok) expect(ours.value.commits).toEqual(theirs.commits);
    return theirs.commits;
  }

  const body = (text: string) => [text, '---\n', diff];

  const HANDWRITTEN: [string, () => Buffer][] = [
    ['From: with RFC 5322 comments, folded', () => mail(['From: A (zzz)\n      U Thor\n      <a.u.thor@example.com> (Comment)\n', STD[1]!, 'Subject: comments\n'], body('Body.\n'))],
    ['From: quoted name with a comma and trailing dot (fmt_ident crud)', () => mail(['From: "Thor, A. U." <a@example.com>\n', STD[1]!, 'Subject: crud\n'], body('Body.\n'))],
    ['From: quoted name with escapes', () => mail(['From: "A \\"Q\\" Thor" <a@example.com>\n', STD[1]!, 'Subject: escapes\n'], body('Body.\n'))],
    ['From: encoded words, Latin-1 and UTF-8', () => mail(['From: =?ISO-8859-1?Q?Andr=E9?= =?UTF-8?B?VGjDtnI=?= <andre@example.com>\n', STD[1]!, 'Subject: words\n'], body('Body.\n'))],
    ['From: raw UTF-8 bytes in the header', () => mail(['From: Jörg Thor <j@example.com>\n', STD[1]!, 'Subject: raw\n', 'Content-Type: text/plain; charset=UTF-8\n'], body('Body.\n'))],
    ['From: raw Latin-1 byte, no charset (made UTF-8 as git does)', () => mail([Buffer.from('From: J\xf6rg Thor <j@example.com>\n', 'latin1'), STD[1]!, 'Subject: latin1\n'], body('Body.\n'))],
    ['From: a name without an address, "<>"', () => mail(['From: A U Thor <>\n', STD[1]!, 'Subject: empty address\n'], body('Body.\n'))],
    ['From: a name without any address', () => mail(['From: A U Thor\n', STD[1]!, 'Subject: no address\n'], body('Body.\n'))],
    ['From: a login in brackets', () => mail(['From: A U Thor <athor>\n', STD[1]!, 'Subject: login\n'], body('Body.\n'))],
    ['From: an address without a name', () => mail(['From: bare@example.com\n', STD[1]!, 'Subject: bare\n'], body('Body.\n'))],
    ['From: an address in brackets without a name', () => mail(['From: <bracket@example.com>\n', STD[1]!, 'Subject: bracket\n'], body('Body.\n'))],
    ['From: address (Name)', () => mail(['From: old@example.com (Old Style)\n', STD[1]!, 'Subject: old style\n'], body('Body.\n'))],
    ['From: name with trailing crud', () => mail(['From: A. U. Thor Jr. <jr@example.com>\n', STD[1]!, 'Subject: jr\n'], body('Body.\n'))],
    ['no Subject: header (the subject comes from the body)', () => mail(STD, body('First line of the body\nsecond line\n\nMore.\n'))],
    ['[PATCH v2 3/7] and other bracket prefixes, Re:', () => mail([...STD, 'Subject: Re: [PATCH v2 3/7] [security] RE: fix the thing\n'], body('Body.\n'))],
    ['brackets that are not a prefix stay', () => mail([...STD, 'Subject: [PATCH] fix [x] and [y]\n'], body('Body.\n'))],
    ['a lone "Re:" subject', () => mail([...STD, 'Subject: Re:\n'], body('Body.\n'))],
    ['folded subject', () => mail([...STD, 'Subject: [PATCH 1/2] a subject that\n\tis folded\n   over three lines\n'], body('Body.\n'))],
    ['encoded subject, Q and B, words split across lines', () => mail([...STD, 'Subject: [PATCH] =?UTF-8?Q?caf=C3=A9_au_lait?=\n =?ISO-8859-1?B?IGZy6g==?= and plain\n'], body('Body.\n'))],
    ['a broken encoded word (git refuses)', () => mail([...STD, 'Subject: [PATCH] a =?UTF-8?Q?broken word\n'], body('Body.\n'))],
    ['two Subject: headers (the last wins)', () => mail([...STD, 'Subject: first\n', 'Subject: second\n'], body('Body.\n'))],
    ['in-body From:, Date:, Subject: override the mail', () => mail([...STD, 'Subject: [PATCH] mail subject\n'], body('From: Real Author <real@example.com>\nDate: Wed, 12 Nov 2025 08:30:00 -0500\nSubject: the real subject\n\nReal body.\n'))],
    ['in-body headers, folded, and a blank line first', () => mail([...STD, 'Subject: [PATCH] mail subject\n'], body('\nSubject: an in-body subject\n  that is folded\nFrom: =?UTF-8?Q?Ren=C3=A9?= <rene@example.com>\n\nBody.\n'))],
    ['in-body "[PATCH] subject" line', () => mail([...STD, 'Subject: ignored\n'], body('[PATCH] from the first line\n\nBody.\n'))],
    ['scissors line (git am keeps it without --scissors)', () => mail([...STD, 'Subject: [PATCH] scissors\n'], body('Discussion above.\n\n-- >8 --\nSubject: below the scissors\n\nThe message.\n'))],
    ['"---" inside the message cuts it, notes after it are dropped', () => mail([...STD, 'Subject: [PATCH] separator\n'], ['Body.\n---\nNotes for reviewers.\n\n', diff])],
    ['trailing whitespace, blank runs, CRLF line ends', () => Buffer.from(mail([...STD, 'Subject: [PATCH] crlf   \n'], body('Body with trailing space   \n\n\n\nAfter blanks.\t\n')).toString('latin1').replace(/\n/g, '\r\n'), 'latin1')],
    ['quoted-printable body', () => mail([...STD, 'Subject: [PATCH] qp\n', 'Content-Type: text/plain; charset=UTF-8\n', 'Content-Transfer-Encoding: quoted-printable\n'], [`Caf=C3=A9 with a soft=\n break and =3D sign.\n---\n${diff.replace(/=/g, '=3D')}`])],
    ['base64 body', () => mail([...STD, 'Subject: [PATCH] base64\n', 'Content-Type: text/plain; charset=UTF-8\n', 'Content-Transfer-Encoding: base64\n'], [`${Buffer.from(`Base64 body, ünïcode.\n---\n${diff}`).toString('base64').replace(/.{76}/g, '$&\n')}\n`])],
    ['ISO-8859-1 body', () => mail([...STD, 'Subject: [PATCH] latin1\n', 'Content-Type: text/plain; charset=ISO-8859-1\n', 'Content-Transfer-Encoding: 8bit\n'], [encoded('Grüße aus Köln, 0x80-0x9f: \u0085.\n---\n', 'latin1'), diff])],
    ['ISO-8859-2 body and subject word', () => mail([...STD, 'Subject: [PATCH] =?ISO-8859-2?Q?=B1?= word\n', 'Content-Type: text/plain; charset=ISO-8859-2\n'], [encoded('Zażółć gęślą jaźń.\n---\n', 'iso-8859-2'), diff])],
    ['KOI8-R body', () => mail([...STD, 'Subject: [PATCH] koi8\n', 'Content-Type: text/plain; charset=KOI8-R\n'], [encoded('Привет, мир.\n---\n', 'koi8-r'), diff])],
    ['windows-1252 body with the euro sign', () => mail([...STD, 'Subject: [PATCH] cp1252\n', 'Content-Type: text/plain; charset=windows-1252\n'], [encoded('Price: 5 € – “quoted”.\n---\n', 'windows-1252'), diff])],
    ['Shift_JIS body with a backslash byte', () => mail([...STD, 'Subject: [PATCH] sjis\n', 'Content-Type: text/plain; charset=Shift_JIS\n'], [encoded('日本語のテキスト C:\\path ~ here.\n---\n', 'shift_jis'), diff])],
    ['ISO-2022-JP body', () => mail([...STD, 'Subject: [PATCH] =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=\n', 'Content-Type: text/plain; charset=ISO-2022-JP\n'], [Buffer.from('\x1b$BF|K\\8l\x1b(B text\n---\n', 'latin1'), diff])],
    ['no charset, Latin-1 bytes in the body', () => mail([...STD, 'Subject: [PATCH] raw\n'], [Buffer.from('Gr\xfc\xdfe, and UTF-8 too: ', 'latin1'), 'ü.\n---\n', diff])],
    ['US-ASCII charset with 8-bit bytes (git refuses)', () => mail([...STD, 'Subject: [PATCH] ascii\n', 'Content-Type: text/plain; charset=us-ascii\n'], [Buffer.from('Gr\xfc\xdfe\n---\n', 'latin1'), diff])],
    ['format=flowed body', () => mail([...STD, 'Subject: [PATCH] flowed\n', 'Content-Type: text/plain; charset=UTF-8; format=flowed\n'], ['A flowed paragraph that \nwraps softly.\n \n---\n', diff])],
    ['hand-made multipart/mixed with a base64 patch attachment', () =>
      mail([...STD, 'Subject: [PATCH] multipart\n', 'MIME-Version: 1.0\n', 'Content-Type: multipart/mixed; boundary="XyZ"\n'], [
        'Preamble.\n--XyZ\nContent-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nCaf=E9 message.\n\n--XyZ\nContent-Type: text/x-patch\nContent-Transfer-Encoding: base64\n\n',
        `${Buffer.from(`---\n${diff}`).toString('base64')}\n--XyZ--\nEpilogue.\n`,
      ])],
    ['Date: zone names and odd forms', () => mail(['From: A U Thor <a@example.com>\n', 'Date: 13 Nov 2025 10:00 EDT\n', 'Subject: edt\n'], body('Body.\n'))],
    ['Date: numeric zone and a comment', () => mail(['From: A U Thor <a@example.com>\n', 'Date: Thu, 13 Nov 2025 10:00:00 -0800 (PST)\n', 'Subject: pst\n'], body('Body.\n'))],
    ['Date: ISO 8601', () => mail(['From: A U Thor <a@example.com>\n', 'Date: 2025-11-13 10:00:00 +0530\n', 'Subject: iso\n'], body('Body.\n'))],
    ['Date: without a zone', () => mail(['From: A U Thor <a@example.com>\n', 'Date: Thu, 13 Nov 2025 10:00:00\n', 'Subject: no zone\n'], body('Body.\n'))],
    ['Date: two-digit year', () => mail(['From: A U Thor <a@example.com>\n', 'Date: 13 Nov 25 10:00:00 GMT\n', 'Subject: yy\n'], body('Body.\n'))],
    ['Date: unreadable (git refuses)', () => mail(['From: A U Thor <a@example.com>\n', 'Date: sometime soon\n', 'Subject: bad date\n'], body('Body.\n'))],
    ['no Date: (dated now, as git does)', () => mail(['From: A U Thor <a@example.com>\n', 'Subject: no date\n'], body('Body.\n'))],
    ['no From: (git refuses)', () => mail([STD[1]!, 'Subject: no author\n'], body('Body.\n'))],
    ['a bare mail without the mbox From line', () => Buffer.from(mail(STD.concat('Subject: bare mail\n'), body('Body.\n')).toString('latin1').slice(MBOX_FROM_LENGTH), 'latin1')],
  ];

  for (const [name, build] of HANDWRITTEN) {
    it(name, async () => {
      await sameAsGitAm(build());
    });
  }

  it('format-patch series: numbered, prefixes, UTF-8 author, long encoded subject, "---" and "From:" in messages', async () => {
    git(work, ['checkout', '-q', '-B', 'series', base]);
    write(work, 'hello.txt', 'line 1\nline 2 changed\nline 3\nline 4\nline 5\n');
    commitAll(work, `Ünïcode subject that is long enough to be folded by format-patch into several encoded words\n\nBody with "---" below.\n---\nThis part is dropped by git am.\n`, { name: 'José Fixer', email: 'jose@example.org' });
    write(work, 'notes/a.txt', 'a\n');
    commitAll(work, 'From: looks like a header\n\nBut it is the first line.', { name: 'O\'Brien, Pat.', email: 'pat@example.org' });
    write(work, 'notes/b.txt', 'b   \n');
    commitAll(work, 'plain subject\n\n    indented body\n\n\n\nafter blanks   ', { name: 'Bob', email: 'bob@example.org' });
    for (const flags of [['-n', '--subject-prefix=PATCH v3'], ['--attach'], ['--inline'], ['--no-numbered', '--keep-subject'], ['--rfc', '--thread']]) {
      const mbox = Buffer.from(git(work, ['format-patch', '--stdout', ...flags, `${base}..series`]), 'utf8');
      const commits = await sameAsGitAm(mbox);
      expect(commits, flags.join(' ')).toHaveLength(3);
    }
  });

  it('format-patch of a commit in ISO-8859-1 (i18n.commitEncoding)', async () => {
    git(work, ['checkout', '-q', '-B', 'latin', base]);
    write(work, 'hello.txt', 'line 1\nline 2 changed\nline 3\nline 4\nline 5\n');
    git(work, ['add', '-A']);
    git(work, ['-c', 'i18n.commitEncoding=ISO-8859-1', 'commit', '-q', '-F', '-'], { input: encoded('Grüße aus Köln\n\nDer Körper.\n', 'latin1'), env: { GIT_AUTHOR_NAME: 'Jürgen', GIT_AUTHOR_DATE: '1700003600 +0100' } });
    const mbox = Buffer.from(gitRaw(work, ['-c', 'i18n.logOutputEncoding=ISO-8859-1', 'format-patch', '--stdout', `${base}..latin`]), 'latin1');
    expect(mbox.toString('latin1')).toMatch(/charset=ISO-8859-1/);
    expect(await sameAsGitAm(mbox)).toHaveLength(1);
  });
});

const MBOX_FROM_LENGTH = 'From 1234567890abcdef1234567890abcdef12345678 Mon Sep 17 00:00:00 2001\n'.length;

function gitRaw(cwd: string, args: string[]): string {
  return git(cwd, args, { env: { LC_ALL: 'C' } });
}
