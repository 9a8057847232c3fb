// `embargo workspace stale` and `embargo workspace refresh` (CLI.md): the branches left behind
// when the imported upstream moved, and their rebuild with the interdiff and the draft.
import type { Command } from 'commander';
import { printFields, printJson, printTable } from '../output.ts';
import type { CommandRunner } from '../main.ts';
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

/** Adds the two commands to the existing `workspace` command. */
export function registerWorkspaceRefreshCommands(program: Command, run: CommandRunner): void {
  const ws = program.commands.find((c) => c.name() === 'workspace');
  if (!ws) throw new Error('the workspace command must be registered first');

  ws.command('stale')
    .description('which branches no longer sit on what the upstream has, and whether the fix still applies there (exit 1 when any is stale)')
    .argument('<case>', 'case id')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const out = await session.call('workspace.staleness', { id });
        if (session.options.json) printJson(session.io, out);
        else {
          printTable(
            session.io,
            ['BRANCH', 'STATE', 'FROM', 'NEW BASE', 'PATCH-IDS', 'CONFLICTS'],
            out.branches.map((b) => [
              b.branch + (b.newName ? ` -> ${b.newName}` : ''),
              b.state,
              b.newFrom && b.newFrom !== b.from ? `${b.from} -> ${b.newFrom}` : b.from,
              b.newBase && b.newBase !== b.base ? b.newBase.slice(0, 12) : '—',
              b.patchIdsSame === null ? '—' : b.patchIdsSame ? 'same' : 'changed',
              [...new Set(b.conflicts.map((c) => c.path))].join(', ') || '—',
            ]),
          );
          session.io.stdout(out.stale === 0 ? 'Every branch is current.\n' : `Upstream moved: ${out.stale} branch${out.stale === 1 ? '' : 'es'} stale; "embargo workspace refresh ${id}" rebuilds them.\n`);
        }
        return out.stale === 0 ? 0 : 1;
      }),
    );

  ws.command('refresh')
    .description('rebuild the stale branches on the moved upstream, print the interdiff and draft the "patches updated" email')
    .argument('<case>', 'case id')
    .option('--branch <name>', 'only this branch (repeat; default: every stale one)', collect)
    .option('--committer <identity>', '"Name <email>" for the new commits')
    .option('--no-draft', 'do not draft the distributors email')
    .action((id: string, options: { branch?: string[]; committer?: string; draft: boolean }) =>
      run(async (session) => {
        await session.unlock();
        const out = await session.call('workspace.refresh', { id, branches: options.branch, committer: parseIdentity(options.committer), draft: options.draft });
        if (session.options.json) return printJson(session.io, out);
        if (out.branches.length === 0) session.io.stdout('Every branch is current.\n');
        else session.io.stdout(`${out.interdiff}\n`);
        printFields(session.io, [['draft', out.draft ? `${out.draft.id} ${out.draft.subject}` : (out.draftNote ?? '—')]]);
      }),
    );
}
