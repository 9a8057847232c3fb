// The demo's upstream repository: a tiny fictional widget-controller with a main branch,
// release-1.31/1.32/1.33 branches and their patch tags, written as a git bundle (one file that
// `git clone` reads) beside the vault. Its history is public by design, so it may sit on disk
// in the clear; the fix is not in it — the demo brings the fix in as a patch series held in
// memory. Between 1.31 and 1.32 upstream rewrote the line the fix changes, so the fix
// cherry-picks cleanly everywhere except onto the 1.31 patch release: one conflict to resolve.
import { createTwoFilesPatch } from 'diff';
import { writeFileSync } from 'node:fs';
import { bundleHeaderText } from '../workspace/git/bundle.ts';
import { hashObject, MODE_FILE, MODE_TREE, serializeCommit, serializeTree, sortTreeEntries, type GitObject, type Identity, type TreeEntry } from '../workspace/git/objects.ts';
import { packEntry, writePack } from '../workspace/git/pack-writer.ts';

const DAY = 86_400_000;

type Files = Record<string, string>;

const STATUS_PATH = 'pkg/controller/widget/status.go';

function statusGo(lookup: string): string {
  return [
    'package widget',
    '',
    '// copySecret copies a referenced Secret into the Widget status.',
    'func (c *Controller) copySecret(ctx context.Context, w *Widget, ref SecretRef) error {',
    `\t${lookup}`,
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    '\tw.Status.Secret = secret.Data',
    '\treturn nil',
    '}',
    '',
  ].join('\n');
}

const OLD_LOOKUP = 'secret, err := c.client.Secrets(ref.Namespace).Get(ref.Name)';
const NEW_LOOKUP = 'secret, err := c.secrets.Get(ctx, ref.Namespace, ref.Name)';
const FIXED_LOOKUP = 'secret, err := c.secrets.Get(ctx, w.Namespace, ref.Name)';

function baseFiles(version: string, lookup: string): Files {
  return {
    'README.md': '# widget-controller (fictional)\n\nA demo project for Embargo. Nothing here is real.\n',
    'OWNERS': 'approvers:\n  - jweber\nreviewers:\n  - kaydin\n',
    'VERSION': `${version}\n`,
    [STATUS_PATH]: statusGo(lookup),
  };
}

class ObjectStore {
  readonly objects = new Map<string, GitObject>();

  put(type: GitObject['type'], data: Buffer): string {
    const sha = hashObject(type, data);
    this.objects.set(sha, { type, data });
    return sha;
  }

  tree(files: Files): string {
    const here: TreeEntry[] = [];
    const dirs = new Map<string, Files>();
    for (const [path, content] of Object.entries(files)) {
      const slash = path.indexOf('/');
      if (slash < 0) here.push({ mode: MODE_FILE, name: path, sha: this.put('blob', Buffer.from(content, 'utf8')) });
      else {
        const dir = path.slice(0, slash);
        dirs.set(dir, { ...dirs.get(dir), [path.slice(slash + 1)]: content });
      }
    }
    for (const [dir, inner] of dirs) here.push({ mode: MODE_TREE, name: dir, sha: this.tree(inner) });
    return this.put('tree', serializeTree(sortTreeEntries(here)));
  }

  commit(files: Files, parents: string[], who: Identity, message: string): string {
    return this.put('commit', serializeCommit({ tree: this.tree(files), parents, author: who, committer: who, extraHeaders: [], message }));
  }
}

export interface DemoUpstream {
  /** The bundle's refs, as `git bundle list-heads` shows them. */
  refs: { name: string; sha: string }[];
}

/** Writes the demo upstream bundle to `file`; its commits are dated before `before`. */
export function writeDemoUpstream(file: string, before: number): DemoUpstream {
  const store = new ObjectStore();
  const at = (daysBefore: number): Identity => ({
    name: 'Jonas Weber',
    email: 'jonas.weber@example.org',
    timestamp: Math.floor((before - daysBefore * DAY) / 1000),
    tzOffset: 60,
  });
  const v131 = store.commit(baseFiles('1.31.0', OLD_LOOKUP), [], at(300), 'Release 1.31.0\n');
  const v1315 = store.commit(baseFiles('1.31.5', OLD_LOOKUP), [v131], at(40), 'Release 1.31.5\n');
  const lister = store.commit(baseFiles('1.31.0', NEW_LOOKUP), [v131], at(250), 'widget: read Secrets through the shared lister\n');
  const v132 = store.commit(baseFiles('1.32.0', NEW_LOOKUP), [lister], at(200), 'Release 1.32.0\n');
  const v1322 = store.commit(baseFiles('1.32.2', NEW_LOOKUP), [v132], at(35), 'Release 1.32.2\n');
  const v133 = store.commit(baseFiles('1.33.0', NEW_LOOKUP), [v132], at(90), 'Release 1.33.0\n');
  const docs = {
    ...baseFiles('1.34.0-alpha.0', NEW_LOOKUP),
    'docs/widgets.md': '# Widgets\n\nA Widget may reference a Secret by name.\n',
  };
  const main = store.commit(docs, [v133], at(20), 'docs: describe Widget secret references\n');
  const refs = [
    { name: 'refs/heads/main', sha: main },
    { name: 'refs/heads/release-1.31', sha: v1315 },
    { name: 'refs/heads/release-1.32', sha: v1322 },
    { name: 'refs/heads/release-1.33', sha: v133 },
    { name: 'refs/tags/v1.31.0', sha: v131 },
    { name: 'refs/tags/v1.31.5', sha: v1315 },
    { name: 'refs/tags/v1.32.0', sha: v132 },
    { name: 'refs/tags/v1.32.2', sha: v1322 },
    { name: 'refs/tags/v1.33.0', sha: v133 },
  ];
  const chunks: Buffer[] = [bundleHeaderText([], [{ name: 'HEAD', sha: main }, ...refs])];
  const objects = [...store.objects.values()];
  writePack(objects.length, objects.map(packEntry), (chunk) => chunks.push(Buffer.from(chunk)));
  writeFileSync(file, Buffer.concat(chunks), { mode: 0o600 });
  return { refs };
}

function mail(who: { name: string; email: string }, date: Date, subject: string, body: string, diff: string, n: number, of: number): string {
  return [
    'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001',
    `From: ${who.name} <${who.email}>`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Subject: [PATCH ${n}/${of}] ${subject}`,
    '',
    body,
    '---',
    diff,
    '-- ',
    '2.43.0',
    '',
  ].join('\n');
}

/** A unified diff in git's form (`diff --git` header), from the `diff` package's patch. */
function gitDiff(path: string, before: string | null, after: string): string {
  const patch = createTwoFilesPatch(before === null ? '/dev/null' : `a/${path}`, `b/${path}`, before ?? '', after, '', '', { context: 3 });
  const body = patch.split('\n').slice(1).join('\n').replace(/\t\n/g, '\n').replace(/^(---|\+\+\+) (\S+)\t?$/gm, '$1 $2');
  return `diff --git a/${path} b/${path}\n${before === null ? 'new file mode 100644\n' : ''}${body}`;
}

/**
 * The fictional fix as a two-mail patch series (the fix and its test), held in memory only;
 * `backport` gives the Fix Lead's resolution for 1.31, which still uses the old client call.
 */
export function demoFixSeries(authoredAt: number, backport = false): Buffer {
  const [before, after] = backport
    ? [statusGo(OLD_LOOKUP), statusGo('secret, err := c.client.Secrets(w.Namespace).Get(ref.Name)')]
    : [statusGo(NEW_LOOKUP), statusGo(FIXED_LOOKUP)];
  const who = { name: 'Jonas Weber', email: 'jonas.weber@example.org' };
  const test = [
    'package widget',
    '',
    'func TestCopySecretStaysInNamespace(t *testing.T) {',
    '\tw := &Widget{Namespace: "team-a"}',
    '\tif err := newFakeController().copySecret(ctx, w, SecretRef{Namespace: "team-b", Name: "db"}); err == nil {',
    '\t\tt.Fatal("a Secret of another namespace was copied")',
    '\t}',
    '}',
    '',
  ].join('\n');
  return Buffer.from(
    mail(
      who,
      new Date(authoredAt),
      'widget: read referenced Secrets from the Widget namespace only',
      'The Secret a Widget references is looked up in the Widget\'s own\nnamespace, whatever the reference says.',
      gitDiff(STATUS_PATH, before, after),
      1,
      2,
    ) +
      mail(
        who,
        new Date(authoredAt + 3_600_000),
        'widget: test that Secrets stay in their namespace',
        'A regression test for the namespace check.',
        gitDiff('pkg/controller/widget/status_test.go', null, test),
        2,
        2,
      ),
    'utf8',
  );
}
