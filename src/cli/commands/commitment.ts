// The embargo commitment and the leak guard from the command line:
//   embargo workspace commitment CASE
//   embargo workspace sign-commitment CASE
//   embargo workspace release-check CASE --merged BUNDLE
//   embargo workspace install-hook CASE --repo PATH [--word W]… [--force]
//   embargo advisory transparency CASE --out DIR
// They hang under the existing `workspace` and `advisory` commands.
import type { Command } from 'commander';
import type { CommandRunner } from '../main.ts';
import { printFields, printJson, printTable } from '../output.ts';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function group(program: Command, name: string): Command {
  const found = program.commands.find((c) => c.name() === name);
  if (!found) throw new Error(`no ${name} command to extend`);
  return found;
}

const KIND_LABEL = {
  'changed-patch': 'CHANGED',
  'added-commit': 'ADDED',
  'missing-commit': 'MISSING',
  'missing-branch': 'MISSING BRANCH',
} as const;

export function registerCommitmentCommands(program: Command, run: CommandRunner): void {
  const ws = group(program, 'workspace');
  const advisory = group(program, 'advisory');

  ws.command('commitment')
    .description('the signed embargo commitment: what each distributor received, per branch patch-ids and SHA-256s')
    .argument('<case>', 'case id')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const out = await session.call('workspace.commitment', { id });
        if (session.options.json) return printJson(session.io, out);
        if (!out.recorded) {
          session.io.stdout('No commitment yet: it is recorded when the patches go to distributors encrypted.\n');
          return;
        }
        printFields(session.io, [
          ['signed', out.signed ? `yes, by ${out.signer}` : 'NO (no usable own key when it was recorded)'],
          ['recorded', out.recordedAt ?? '—'],
          ['release date', out.releaseDate ?? '—'],
        ]);
        printTable(
          session.io,
          ['BRANCH', 'COMMIT', 'PATCH-ID', 'SUBJECT'],
          out.branches.flatMap((b) => b.commits.map((c) => [b.name, c.sha.slice(0, 12), c.patchId.slice(0, 12), c.subject])),
        );
        printTable(
          session.io,
          ['AT', 'VIA', 'TO', 'FILES'],
          out.deliveries.map((d) => [d.at, d.via, [...d.to, ...d.keys].join(', ') || '—', d.files.map((f) => `${f.name} (${f.sha256.slice(0, 12)})`).join(', ')]),
        );
      }),
    );

  ws.command('sign-commitment')
    .description('sign a commitment recorded without a signature (the vault had no usable own key then) with your key now')
    .argument('<case>', 'case id')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const out = await session.call('workspace.signCommitment', { id });
        if (session.options.json) return printJson(session.io, out);
        session.io.stdout(`Signed the embargo commitment of ${id} with ${out.signer}; the deliveries are unchanged.\n`);
      }),
    );

  ws.command('release-check')
    .description('release day: the merged commits (a bundle) against the signed commitment, branch by branch')
    .argument('<case>', 'case id')
    .requiredOption('--merged <bundle>', 'a bundle of the merged branches (or tags)')
    .action((id: string, options: { merged: string }) =>
      run(async (session) => {
        await session.unlock();
        const out = await session.call('workspace.releaseCheck', { id, bundle: options.merged });
        if (session.options.json) printJson(session.io, out);
        else {
          for (const b of out.branches) session.io.stdout(`${b.branch}  ${b.ref ?? 'NOT IN THE BUNDLE'}  ${b.matched}/${b.committed} matched\n`);
          for (const f of out.findings) {
            const which = f.kind === 'missing-branch' ? '' : `  ${(f.committed ?? f.merged ?? '').slice(0, 12)}${f.kind === 'changed-patch' ? ` -> ${f.merged!.slice(0, 12)}` : ''}  ${f.subject}`;
            session.io.stdout(`${KIND_LABEL[f.kind]}  ${f.branch}${which}\n`);
          }
          if (out.ok) session.io.stdout('What was merged is what distributors were given.\n');
        }
        return out.ok ? 0 : 1;
      }),
    );

  ws.command('install-hook')
    .description('install a git pre-push hook that refuses the fix, the CVE ID and case words before the Release Date')
    .argument('<case>', 'case id')
    .requiredOption('--repo <path>', 'the public repository clone')
    .option('--word <word>', 'another word to refuse (repeat; the case lint words are included)', collect)
    .option('--force', 'replace a pre-push hook that is not Embargo’s')
    .action((id: string, options: { repo: string; word?: string[]; force?: boolean }) =>
      run(async (session) => {
        await session.unlock();
        const out = await session.call('workspace.installHook', { id, repo: options.repo, words: options.word ?? [], force: Boolean(options.force) });
        if (session.options.json) return printJson(session.io, out);
        session.io.stdout(
          `${out.hook}\n${out.list} (${out.patchIds} patch-ids, ${out.words} words, hashed)\nUntil ${out.releaseDate ?? 'a Release Date is set'}, pushes carrying them are refused; override with EMBARGO_ALLOW_PUSH=1 git push (or git push --no-verify).\n`,
        );
      }),
    );

  advisory
    .command('transparency')
    .description('after the Release Date: the embargo commitment as a public JSON document and its detached signature (gpg --verify)')
    .argument('<case>', 'case id')
    .requiredOption('--out <dir>', 'directory to write into (made when missing)')
    .action((id: string, options: { out: string }) =>
      run(async (session) => {
        await session.unlock();
        const out = await session.call('advisory.transparency', { id, output: options.out });
        if (session.options.json) return printJson(session.io, out);
        session.io.stdout(`${out.document}\n${out.signature}\nsha256 ${out.sha256}${out.signer ? `, signed by ${out.signer}` : ''}\n`);
      }),
    );
}
