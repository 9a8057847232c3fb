// Workspace benchmark: a synthetic repository of Kubernetes-like size built with real git
// (git fast-import: 20,000 files, 5,000 commits, release branches and patch tags), then the
// Fix Lead's work timed against the git CLI doing the same in the same run: import, a
// 3-commit fix cherry-picked onto 4 branches, patch export and bundle export. Ratios only;
// no assertions.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/core/create-core.ts';
import { createDispatch } from '../src/shared/contract/dispatch.ts';
import type { InputOf, MethodName, OutputOf } from '../src/shared/contract/index.ts';
import { fmt, printRows, timeMs } from './lib.ts';

const FILES = Number(process.env.BENCH_FILES ?? 20_000);
const COMMITS = Number(process.env.BENCH_COMMITS ?? 5_000);
const MINORS = [26, 27, 28, 29];

const ENV = {
  PATH: process.env.PATH,
  HOME: '/nonexistent',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.org',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.org',
  GIT_AUTHOR_DATE: '1700000000 +0000',
  GIT_COMMITTER_DATE: '1700000000 +0000',
};

function git(cwd: string, args: string[], input?: string | Buffer): string {
  return execFileSync('git', args, { cwd, env: ENV, input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

function fileContent(i: number, version: number): string {
  let out = `package p${i % 400}\n\n// file ${i}, version ${version}\n`;
  for (let line = 0; line < 25; line++) out += `func F${i}_${line}() int { return ${line * (i + 1)} }\n`;
  return out;
}

function filePath(i: number): string {
  return `staging/src/k8s.io/pkg${i % 40}/sub${(i >> 3) % 25}/file${i}.go`;
}

/** The fast-import stream: one big initial commit, then small commits, releases along the way. */
function fastImportStream(): string {
  const parts: string[] = [];
  let mark = 0;
  const versions = new Map<number, number>();
  const commit = (ref: string, time: number, message: string, changes: string[], from?: string): number => {
    mark += 1;
    parts.push(`commit ${ref}\nmark :${mark}\ncommitter Bench <bench@example.org> ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
    if (from) parts.push(`from ${from}\n`);
    parts.push(...changes, '\n');
    return mark;
  };
  const modify = (i: number): string => {
    const version = (versions.get(i) ?? 0) + 1;
    versions.set(i, version);
    const content = fileContent(i, version);
    return `M 100644 inline ${filePath(i)}\ndata ${Buffer.byteLength(content)}\n${content}\n`;
  };
  const initial: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const content = fileContent(i, 0);
    initial.push(`M 100644 inline ${filePath(i)}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
  }
  let last = commit('refs/heads/master', 1600000000, 'Initial import', initial);
  const releaseAt = new Map(MINORS.map((minor, k) => [Math.floor(((k + 1) * COMMITS) / (MINORS.length + 1)), minor]));
  for (let n = 1; n < COMMITS; n++) {
    const changes = [modify((n * 7919) % FILES), modify((n * 104729) % FILES)];
    last = commit('refs/heads/master', 1600000000 + n * 600, `Change ${n}`, changes);
    const minor = releaseAt.get(n);
    if (minor !== undefined) {
      parts.push(`reset refs/tags/v1.${minor}.0\nfrom :${last}\n\n`);
      let tip = last;
      for (let patch = 1; patch <= 3; patch++) {
        tip = commit(`refs/heads/release-1.${minor}`, 1600000000 + n * 600 + patch, `Release 1.${minor}.${patch}`, [modify((minor * 31 + patch) % FILES)], `:${tip}`);
        parts.push(`reset refs/tags/v1.${minor}.${patch}\nfrom :${tip}\n\n`);
      }
    }
  }
  return parts.join('');
}

type Call = <M extends MethodName>(method: M, input: InputOf<M>) => Promise<OutputOf<M>>;

export async function runWorkspaceBench(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'embargo-bench-ws-'));
  try {
    const repo = join(root, 'upstream');
    mkdirSync(repo);
    git(repo, ['init', '-q', '-b', 'master']);
    const buildTime = await timeMs(async () => {
      git(repo, ['fast-import', '--quiet'], fastImportStream());
      git(repo, ['repack', '-adq']);
      git(repo, ['checkout', '-q', 'master']);
    });
    const objects = git(repo, ['count-objects', '-v']).match(/in-pack: (\d+)/)?.[1];
    console.log(`synthetic repository: ${FILES} files, ${COMMITS} commits, ${objects} objects, built in ${fmt(buildTime)}`);

    // The fix: three commits on master, as the Fix Team would hand over.
    const work = join(root, 'fixwork');
    git(root, ['clone', '-q', repo, work]);
    git(work, ['checkout', '-q', '-b', 'fix']);
    const fixFiles = [filePath(11), filePath(12345 % FILES), filePath(777)];
    for (const [k, path] of fixFiles.entries()) {
      const text = git(work, ['show', `HEAD:${path}`]).replace('// file', `// checked input ${k}\n// file`);
      execFileSync('sh', ['-c', `cat > "${join(work, path)}"`], { input: text });
      git(work, ['commit', '-qam', `Fix part ${k + 1}`]);
    }
    git(work, ['bundle', 'create', '-q', join(root, 'fix.bundle'), 'master..fix']);
    git(repo, ['bundle', 'create', '-q', join(root, 'upstream.bundle'), '--all']);

    const core = createCore({ vaultDir: join(root, 'vault'), createOptions: { kdf: { algorithm: 'argon2id', memoryKiB: 1024, iterations: 1, parallelism: 1 } } });
    const dispatch = createDispatch(core.handlers);
    const call: Call = async (method, input) => {
      const result = await dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    };
    await call('vault.create', { passphrase: 'bench passphrase' });
    const clone = (await call('case.create', { title: 'bench clone', disclosedAt: '2026-01-01T00:00:00Z' })).id;
    const fromBundle = (await call('case.create', { title: 'bench bundle', disclosedAt: '2026-01-01T00:00:00Z' })).id;

    const rows: [string, ...string[]][] = [['operation', 'embargo', 'git', 'ratio (embargo / git)']];
    const row = (name: string, ours: number, theirs: number) => rows.push([name, fmt(ours), fmt(theirs), `${(ours / theirs).toFixed(2)}×`]);

    row(
      'import a local clone (ours: in place; git: clone --no-local --bare)',
      await timeMs(() => call('workspace.import', { id: clone, upstream: repo })),
      await timeMs(async () => git(root, ['clone', '-q', '--no-local', '--bare', repo, join(root, 'git-clone.git')])),
    );
    row(
      'import a full bundle (ours: index in place; git: clone --bare)',
      await timeMs(() => call('workspace.import', { id: fromBundle, upstream: join(root, 'upstream.bundle') })),
      await timeMs(async () => git(root, ['clone', '-q', '--bare', join(root, 'upstream.bundle'), join(root, 'git-bundle-clone.git')])),
    );
    await call('workspace.fix', { id: clone, from: join(root, 'fix.bundle') });
    await call('workspace.fix', { id: fromBundle, from: join(root, 'fix.bundle') });

    const targets = ['master', ...MINORS.slice(1).map((m) => `release-1.${m}`)];
    const gitWork = join(root, 'git-work');
    git(root, ['clone', '-q', repo, gitWork]);
    git(gitWork, ['fetch', '-q', join(root, 'fix.bundle'), 'fix:fix']);
    const fixShas = git(gitWork, ['rev-list', '--reverse', 'master..fix']).trim().split('\n');
    for (const target of targets) if (target !== 'master') git(gitWork, ['branch', '-q', target, `origin/${target}`]);
    const committer = { name: 'Fix Lead', email: 'lead@example.org' };
    row(
      `cherry-pick a 3-commit fix onto ${targets.length} branches (git: checkout + cherry-pick)`,
      await timeMs(() => call('workspace.cherryPick', { id: clone, onto: targets, committer })),
      await timeMs(async () => {
        for (const target of targets) {
          git(gitWork, ['checkout', '-q', '-B', `pick-${target}`, target]);
          git(gitWork, ['cherry-pick', ...fixShas]);
        }
      }),
    );
    const bundleCase = await timeMs(() => call('workspace.cherryPick', { id: fromBundle, onto: targets, committer }));
    const outDir = join(root, 'patches');
    mkdirSync(outDir);
    row(
      `export patch series for ${targets.length} branches (git: format-patch)`,
      await timeMs(() => call('workspace.exportPatches', { id: clone, output: outDir })),
      await timeMs(async () => {
        for (const target of targets) git(gitWork, ['format-patch', '-q', '-o', join(root, 'git-patches', target), `${target}..pick-${target}`]);
      }),
    );
    row(
      'export a bundle of the case branches (git: bundle create base..tip)',
      await timeMs(() => call('workspace.exportBundle', { id: clone, output: join(root, 'case.bundle') })),
      await timeMs(async () =>
        git(gitWork, ['bundle', 'create', '-q', join(root, 'git-case.bundle'), 'fix', ...targets.map((t) => `pick-${t}`), ...targets.map((t) => `^${t}`), '^master']),
      ),
    );
    printRows('workspace vs git (same machine, same run)', rows);
    console.log(`  (cherry-pick onto ${targets.length} branches with the upstream read from the bundle: ${fmt(bundleCase)})`);
    await core.lock();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runWorkspaceBench();
