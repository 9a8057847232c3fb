// Real git repositories for the workspace tests, built in temporary directories with a fixed
// identity and clock and no user or system configuration.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, chmodSync, symlinkSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const GIT_ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: '/nonexistent',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Upstream Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.org',
  GIT_COMMITTER_NAME: 'Upstream Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.org',
  GIT_AUTHOR_DATE: '1700000000 +0000',
  GIT_COMMITTER_DATE: '1700000000 +0000',
  LC_ALL: 'C',
  TZ: 'UTC',
};

export function git(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string | Buffer } = {}): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...GIT_ENV, ...options.env },
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function gitStatus(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  try {
    return { code: 0, stdout: git(cwd, args, { env }), stderr: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: String(e.stdout), stderr: String(e.stderr) };
  }
}

export function write(root: string, path: string, content: string | Buffer, mode?: number): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  if (mode !== undefined) chmodSync(file, mode);
}

let tick = 0;
export function commitAll(cwd: string, message: string, author?: { name: string; email: string }): string {
  tick += 1;
  const date = `${1700000000 + tick * 3600} +0000`;
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '-m', message], {
    env: {
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      ...(author ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email } : {}),
    },
  });
  return git(cwd, ['rev-parse', 'HEAD']).trim();
}

export function binaryBytes(seed: number, length = 300): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x & 0xff;
  }
  bytes[3] = 0;
  return bytes;
}

function lines(prefix: string, n: number): string {
  return Array.from({ length: n }, (_, i) => `${prefix} line ${i + 1}\n`).join('');
}

/**
 * An upstream project with main, release-1.5 and release-1.6, patch tags, OWNERS files, an
 * executable, a symlink and a binary file. Returns the clone path.
 */
export function buildUpstream(root: string): string {
  const repo = join(root, 'upstream');
  mkdirSync(repo, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  write(repo, 'OWNERS', 'approvers:\n  - root-approver\nreviewers:\n  - root-reviewer\n');
  write(repo, 'OWNERS_ALIASES', 'aliases:\n  sig-node-approvers:\n    - alice\n    - bob\n');
  write(repo, 'pkg/kubelet/OWNERS', 'approvers:\n  - sig-node-approvers\nreviewers:\n  - carol\n');
  write(repo, 'pkg/secure/OWNERS', 'options:\n  no_parent_owners: true\napprovers:\n  - dave\n');
  write(repo, 'pkg/kubelet/server.go', `package kubelet\n\nfunc Serve() {\n${lines('\tserve', 40)}}\n`);
  write(repo, 'pkg/kubelet/auth.go', `package kubelet\n\nfunc Auth() bool {\n${lines('\tauth', 20)}\treturn true\n}\n`);
  write(repo, 'pkg/secure/check.go', `package secure\n\n${lines('// check', 10)}`);
  write(repo, 'pkg/util/old_name.go', `package util\n\n${lines('// util', 30)}`);
  write(repo, 'hack/build.sh', '#!/bin/sh\necho build\n', 0o644);
  write(repo, 'docs/README.md', 'Docs without final newline');
  write(repo, 'assets/logo.bin', binaryBytes(1));
  symlinkSync('../docs/README.md', join(repo, 'hack/readme-link'));
  for (let i = 0; i < 30; i++) write(repo, `vendor/lib${i % 5}/file${i}.go`, lines(`vendor ${i}`, 5));
  commitAll(repo, 'Initial import');
  git(repo, ['tag', 'v1.5.0']);
  write(repo, 'pkg/kubelet/server.go', `package kubelet\n\nfunc Serve() {\n${lines('\tserve', 40)}\t// 1.5 patch\n}\n`);
  commitAll(repo, 'Patch for 1.5.1');
  git(repo, ['tag', '-a', 'v1.5.1', '-m', 'v1.5.1']);
  git(repo, ['branch', 'release-1.5']);
  git(repo, ['checkout', '-q', 'release-1.5']);
  write(repo, 'pkg/secure/check.go', `package secure\n\n${lines('// check', 10)}// 1.5.2 backport\n`);
  commitAll(repo, 'Backport for 1.5.2');
  git(repo, ['tag', 'v1.5.2']);
  write(repo, 'vendor/lib1/file1.go', lines('vendor 1 patched', 5));
  commitAll(repo, 'Release 1.5.3');
  git(repo, ['tag', 'v1.5.3']);
  write(repo, 'vendor/lib1/file1.go', lines('vendor 1 patched twice', 5));
  commitAll(repo, 'Release 1.5.4-rc.0');
  git(repo, ['tag', 'v1.5.4-rc.0']);
  git(repo, ['checkout', '-q', 'main']);
  write(repo, 'pkg/kubelet/auth.go', `package kubelet\n\n// Auth checks.\nfunc Auth() bool {\n${lines('\tauth', 20)}\treturn true\n}\n`);
  commitAll(repo, 'Document Auth');
  git(repo, ['tag', 'v1.6.0']);
  git(repo, ['branch', 'release-1.6']);
  write(repo, 'pkg/kubelet/server.go', `package kubelet\n\nfunc Serve() {\n${lines('\tserve', 40)}\t// 1.5 patch\n\t// main grows\n}\n`);
  commitAll(repo, 'Main grows');
  // A change on main that conflicts with the fix's change to auth.go line 10.
  write(repo, 'pkg/kubelet/auth.go', `package kubelet\n\n// Auth checks.\nfunc Auth() bool {\n${lines('\tauth', 20).replace('\tauth line 8\n', '\tauth line 8 (main rewrote this)\n')}\treturn true\n}\n`);
  commitAll(repo, 'Rewrite auth line 8 on main');
  rmSync(join(repo, '.git', 'hooks'), { recursive: true, force: true });
  git(repo, ['gc', '-q']);
  return repo;
}

/**
 * The private fix, three commits on release-1.6's tag base v1.6.0... made on main's parent
 * line: a text change, new/deleted/renamed files, a mode change, a file without a final
 * newline and a binary change. `canary` goes into the code and a message.
 */
export function buildFix(root: string, upstream: string, canary: string, base = 'v1.6.0'): { repo: string; commits: string[] } {
  const repo = join(root, 'fixwork');
  git(root, ['clone', '-q', upstream, repo]);
  git(repo, ['checkout', '-q', '-b', 'fix', base]);
  const commits: string[] = [];
  write(repo, 'pkg/kubelet/auth.go', `package kubelet\n\n// Auth checks.\nfunc Auth() bool {\n${lines('\tauth', 20).replace('\tauth line 8\n', `\tif token == "" { return false } // ${canary}\n`)}\treturn true\n}\n`);
  write(repo, 'pkg/kubelet/authz_test.go', `package kubelet\n\n// regression test ${canary}\n`);
  commits.push(commitAll(repo, `kubelet: check the token before serving\n\nThe handler trusted an empty token.\nSee ${canary}.\n`, { name: 'José Fixer', email: 'jose@example.org' }));
  git(repo, ['mv', 'pkg/util/old_name.go', 'pkg/util/new_name.go']);
  write(repo, 'pkg/util/new_name.go', `package util\n\n${lines('// util', 30).replace('// util line 3\n', '// util line 3 (renamed)\n')}`);
  git(repo, ['rm', '-q', 'vendor/lib0/file0.go']);
  write(repo, 'hack/build.sh', '#!/bin/sh\necho build\n', 0o755);
  write(repo, 'docs/README.md', 'Docs without final newline, edited');
  commits.push(commitAll(repo, 'util: rename, drop an unused vendor file, make build.sh executable', { name: 'Fix Team', email: 'team@example.org' }));
  write(repo, 'assets/logo.bin', binaryBytes(2, 400));
  write(repo, 'pkg/secure/check.go', `package secure\n\n${lines('// check', 10)}// hardened\n`);
  commits.push(commitAll(repo, 'secure: harden the check, new logo', { name: 'Fix Team', email: 'team@example.org' }));
  return { repo, commits };
}
