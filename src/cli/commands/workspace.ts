// `embargo workspace …` (CLI.md): the patch workspace from the command line. Progress of long
// imports goes to stderr on a terminal.
import type { Command } from 'commander';
import type { WorkspaceBranchResult } from '../../shared/contract/index.ts';
import { onWorkspaceProgress } from '../../core/workspace/progress.ts';
import { printFields, printJson, printTable } from '../output.ts';
import type { CommandRunner } from '../main.ts';
import type { CliSession } from '../session.ts';
import { usageError } from '../session.ts';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseIdentity(value: string | undefined): { name: string; email: string } | undefined {
  if (value === undefined) return undefined;
  const match = /^(.+?)\s*<([^<>]+)>$/.exec(value.trim());
  if (!match) throw usageError(`--committer must look like "Name <email>", not "${value}".`);
  return { name: match[1]!, email: match[2]! };
}

function withProgress<T>(session: CliSession, work: () => Promise<T>): Promise<T> {
  if (!session.io.stdoutIsTty && !session.io.stdinIsTty) return work();
  let last = 0;
  const stop = onWorkspaceProgress((p) => {
    const now = Date.now();
    if (now - last < 200 && p.done < p.total) return;
    last = now;
    session.progress(`${p.operation}: ${p.phase} ${p.done}/${p.total}`);
  });
  return work().finally(stop);
}

function branchRows(branches: WorkspaceBranchResult[]): string[][] {
  return branches.map((b) => [
    b.branch,
    b.from,
    b.status + (b.pinned ? ' (pinned)' : '') + (b.pinChanges.length > 0 ? ' PIN CHANGED' : ''),
    String(b.commits.length),
    b.conflicts.map((c) => `${c.path} (${c.kind})`).join(', ') || '—',
  ]);
}

const BRANCH_HEADER = ['BRANCH', 'FROM', 'STATUS', 'COMMITS', 'CONFLICTS'];

export function registerWorkspaceCommands(program: Command, run: CommandRunner): void {
  const ws = program.command('workspace').description('the patch workspace: upstream, fix, LGTMs, branches, cherry-picks, exports');

  ws.command('status')
    .description('upstream, fix commits with LGTMs, branches and pins')
    .argument('<case>', 'case id')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const status = await session.call('workspace.status', { id });
        if (session.options.json) return printJson(session.io, status);
        printFields(session.io, [
          ['upstream', status.upstream ? `${status.upstream.kind} ${status.upstream.path}${status.upstream.available ? '' : ' (UNAVAILABLE)'}` : '—'],
          ['fix complete', status.fixComplete ? 'yes' : 'no'],
          ['suggested team', status.suggestedFixTeam.join(', ') || '—'],
        ]);
        if (status.fix) {
          printTable(
            session.io,
            ['COMMIT', 'LGTM', 'SUBJECT'],
            status.fix.commits.map((c) => [c.sha.slice(0, 12), c.approvals.map((a) => `${a.by}${a.owner ? '' : '?'}`).join(',') || '—', c.subject]),
          );
        }
        if (status.branches.length > 0) printTable(session.io, BRANCH_HEADER, branchRows(status.branches));
      }),
    );

  ws.command('import')
    .description('attach the upstream repository (a local clone or a git bundle)')
    .argument('<case>', 'case id')
    .requiredOption('--upstream <path>', 'a local clone or a bundle file')
    .action((id: string, options: { upstream: string }) =>
      run(async (session) => {
        await session.unlock();
        const summary = await withProgress(session, () => session.call('workspace.import', { id, upstream: options.upstream }));
        if (session.options.json) return printJson(session.io, summary);
        session.io.stdout(`Imported ${summary.kind} ${summary.path}: ${summary.branches} branches, ${summary.tags} tags, ${summary.objects} objects.\n`);
      }),
    );

  ws.command('fix')
    .description('bring in the private fix commits (bundle or mbox)')
    .argument('<case>', 'case id')
    .requiredOption('--from <path>', 'a git bundle or an mbox patch series')
    .option('--ref <ref>', 'the bundle ref holding the fix')
    .option('--base <rev>', 'for an mbox: the upstream branch, tag or commit it applies to')
    .option('--committer <ident>', 'for an mbox: "Name <email>" (default: each author)')
    .action((id: string, options: { from: string; ref?: string; base?: string; committer?: string }) =>
      run(async (session) => {
        const committer = parseIdentity(options.committer);
        await session.unlock();
        const out = await session.call('workspace.fix', { id, from: options.from, ref: options.ref, base: options.base, committer });
        if (session.options.json) return printJson(session.io, { commits: out.commits, base: out.base });
        session.io.stdout(`${out.commits.length} fix commit(s) on ${out.base.slice(0, 12)}:\n${out.commits.map((c) => `  ${c}\n`).join('')}`);
      }),
    );

  ws.command('lgtm')
    .description('record an LGTM on a fix commit')
    .argument('<case>', 'case id')
    .argument('<commit>', 'fix commit id (a unique prefix is enough)')
    .requiredOption('--by <name>', 'who gave the LGTM (their OWNERS name)')
    .action((id: string, commit: string, options: { by: string }) =>
      run(async (session) => {
        await session.unlock();
        const out = await session.call('workspace.lgtm', { id, commit, by: options.by });
        if (session.options.json) return printJson(session.io, out);
        session.io.stdout(
          `${out.commit.slice(0, 12)}: ${out.approvals.map((a) => `${a.by}${a.owner ? '' : ' (not an OWNERS assignee)'}`).join(', ')}${out.fixComplete ? '\nEvery fix commit is approved.' : ''}\n`,
        );
      }),
    );

  ws.command('release-branches')
    .description('a patch-release branch per minor, from its latest patch tag, holding only the fix')
    .argument('<case>', 'case id')
    .requiredOption('--minor <X.Y>', 'a supported minor (repeat)', collect)
    .option('--committer <ident>', '"Name <email>" for the cherry-picked commits')
    .action((id: string, options: { minor: string[]; committer?: string }) =>
      run(async (session) => {
        const committer = parseIdentity(options.committer);
        await session.unlock();
        const out = await session.call('workspace.releaseBranches', { id, minors: options.minor, committer });
        if (session.options.json) return printJson(session.io, out);
        printTable(session.io, BRANCH_HEADER, branchRows(out.branches));
      }),
    );

  ws.command('cherry-pick')
    .description('the fix onto each branch (default: main/master, release branches, patch releases)')
    .argument('<case>', 'case id')
    .option('--onto <branch>', 'a target branch (repeat)', collect)
    .option('--committer <ident>', '"Name <email>" for the new commits')
    .option('--force', 'rebuild pinned branches (recorded as a pin change)')
    .action((id: string, options: { onto?: string[]; committer?: string; force?: boolean }) =>
      run(async (session) => {
        const committer = parseIdentity(options.committer);
        await session.unlock();
        const out = await session.call('workspace.cherryPick', { id, onto: options.onto, committer, force: Boolean(options.force) });
        if (session.options.json) printJson(session.io, out);
        else printTable(session.io, BRANCH_HEADER, branchRows(out));
        // a conflict is a failed pick for scripts, even though the clean branches were recorded
        return out.some((b) => b.status === 'conflict') ? 1 : 0;
      }),
    );

  ws.command('resolve')
    .description("replace a branch's cherry-pick with a resolved patch series (mbox onto the branch's base)")
    .argument('<case>', 'case id')
    .argument('<branch>', 'the branch')
    .requiredOption('--patch <file>', 'the resolved series (git format-patch output)')
    .option('--committer <ident>', '"Name <email>"')
    .option('--force', 'replace a pinned branch (recorded as a pin change)')
    .action((id: string, branch: string, options: { patch: string; committer?: string; force?: boolean }) =>
      run(async (session) => {
        const committer = parseIdentity(options.committer);
        await session.unlock();
        const out = await session.call('workspace.resolve', { id, branch, patch: options.patch, committer, force: Boolean(options.force) });
        if (session.options.json) return printJson(session.io, out);
        printTable(session.io, BRANCH_HEADER, branchRows([out]));
      }),
    );

  ws.command('export-patches')
    .description('per branch, an mbox patch series that git am applies')
    .argument('<case>', 'case id')
    .option('--branch <name>', 'a branch (repeat; default: every built branch)', collect)
    .option('--encrypt-to <fpr>', 'encrypt to this key (repeat)', collect)
    .option('--sign', 'sign the files with your own key (not needed to encrypt)')
    .requiredOption('-o, --output <dir>', 'directory to write into (made when missing)')
    .action((id: string, options: { branch?: string[]; encryptTo?: string[]; sign?: boolean; output: string }) =>
      run(async (session) => {
        await session.unlock();
        const out = await session.call('workspace.exportPatches', {
          id,
          branches: options.branch,
          output: options.output,
          encryptTo: options.encryptTo ?? [],
          sign: Boolean(options.sign),
        });
        if (session.options.json) return printJson(session.io, out);
        for (const file of out.files) session.io.stdout(`${file}\n`);
        for (const left of out.leftOut) session.io.stderr(`left out: ${left.branch} (${left.status === 'conflict' ? 'unresolved conflicts' : 'not built yet'})\n`);
      }),
    );

  ws.command('export-bundle')
    .description("a git bundle of the case's branches (git bundle verify accepts it)")
    .argument('<case>', 'case id')
    .requiredOption('-o, --output <file>', 'the bundle file')
    .option('--branch <name>', 'a branch (repeat; default: all)', collect)
    .option('--full', 'include the whole upstream history (a bundle git clone accepts on its own)')
    .option('--encrypt-to <fpr>', 'encrypt to this key (repeat)', collect)
    .option('--sign', 'sign the file with your own key (not needed to encrypt)')
    .action((id: string, options: { output: string; branch?: string[]; full?: boolean; encryptTo?: string[]; sign?: boolean }) =>
      run(async (session) => {
        await session.unlock();
        const out = await session.call('workspace.exportBundle', {
          id,
          output: options.output,
          branches: options.branch,
          full: Boolean(options.full),
          encryptTo: options.encryptTo ?? [],
          sign: Boolean(options.sign),
        });
        if (session.options.json) return printJson(session.io, { output: out.output, refs: out.refs, prerequisites: out.prerequisites, sha256: out.sha256 });
        session.io.stdout(`${out.output}\n`);
      }),
    );

  ws.command('verify-release')
    .description('release day: match the merged commits (a bundle) with what was built, by patch-id')
    .argument('<case>', 'case id')
    .requiredOption('--merged <bundle>', 'a bundle of the merged commits')
    .action((id: string, options: { merged: string }) =>
      run(async (session) => {
        await session.unlock();
        const out = await session.call('workspace.verifyRelease', { id, bundle: options.merged });
        if (session.options.json) printJson(session.io, out);
        else {
          for (const branch of out.branches) {
            for (const c of branch.commits) {
              const state = c.merged === null ? 'NOT MERGED' : c.sameSha ? 'merged' : `merged as ${c.merged.slice(0, 12)} (id changed)`;
              session.io.stdout(`${branch.branch}  ${c.sha.slice(0, 12)}  ${state}  ${c.subject}\n`);
            }
          }
          for (const u of out.unmatched) session.io.stdout(`unexpected: ${u.sha.slice(0, 12)} ${u.subject} (${u.ref})\n`);
        }
        return out.ok ? 0 : 1;
      }),
    );

  ws.command('lint')
    .description('flag branch names and commit messages that mention the CVE ID or listed words')
    .argument('<case>', 'case id')
    .option('--word <word>', 'a word to flag (repeat)', collect)
    .option('--save', 'remember the words for this case')
    .action((id: string, options: { word?: string[]; save?: boolean }) =>
      run(async (session) => {
        await session.unlock();
        const out = await session.call('workspace.lint', { id, words: options.word, save: Boolean(options.save) });
        if (session.options.json) printJson(session.io, out);
        else if (out.ok) session.io.stdout('No leaks found.\n');
        else printTable(session.io, ['WHERE', 'BRANCH', 'COMMIT', 'WORD', 'TEXT'], out.findings.map((f) => [f.where, f.branch, f.commit?.slice(0, 12) ?? '—', f.word, f.text]));
        return out.ok ? 0 : 1;
      }),
    );
}
