// `embargo cve pool add|list`, `cve assign`, `cve status`, `cve review-text`, `cve review`,
// `cve bundle`, `cve import` (see CLI.md): the offline CNA loop. Nothing here talks to CVE
// Services: `cve bundle` writes the reviewed record and the cvelib (`cve …`) command lines the
// user runs on a connected machine.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandRunner } from '../main.ts';
import { printFields, printJson, printTable } from '../output.ts';
import { usageError } from '../session.ts';

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw usageError(`Cannot read the ${what} ${file}.`);
  }
}

function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || !Number.isInteger(year)) throw usageError(`"${value}" is not a year.`);
  return year;
}

export function registerCveCommands(program: Command, run: CommandRunner): void {
  const cve = program.command('cve').description('the offline CNA loop: reserved CVE IDs, the second review, the publishing package, importing published records');
  const pool = cve.command('pool').description("the vault's pool of reserved CVE IDs");

  pool
    .command('add')
    .description('add reserved CVE IDs: CVE-2026-1234, or ranges CVE-2026-1234..CVE-2026-1240 / CVE-2026-1234..1240')
    .argument('<ids...>', 'CVE IDs or ranges, checked with the CVE JSON 5 schema\'s pattern')
    .action((entries: string[]) =>
      run(async (session) => {
        await session.unlock();
        const result = await session.call('cve.poolAdd', { entries });
        if (session.options.json) return printJson(session.io, result);
        session.io.stdout(`Added ${result.added.length} ID${result.added.length === 1 ? '' : 's'}${result.alreadyInPool.length > 0 ? ` (${result.alreadyInPool.length} already in the pool)` : ''}.\n`);
      }),
    );

  pool
    .command('list')
    .description('the pool, with the case carrying each ID')
    .option('--year <year>', 'only this year', parseYear)
    .option('--unused', 'only the IDs no case carries (the year-end reject list)')
    .option('--reject-commands', 'print the `cve reject` (cvelib) line of each unused ID instead')
    .action((options: { year?: number; unused?: boolean; rejectCommands?: boolean }) =>
      run(async (session) => {
        await session.unlock();
        const unused = options.unused === true || options.rejectCommands === true;
        const entries = await session.call('cve.poolList', { ...(options.year !== undefined ? { year: options.year } : {}), ...(unused ? { unused } : {}) });
        if (options.rejectCommands) {
          const { rejectCommands } = await import('../../core/cna/cvelib.ts');
          const lines = rejectCommands(entries.map((e) => e.cve));
          if (session.options.json) return printJson(session.io, { commands: lines });
          for (const line of lines) session.io.stdout(`${line}\n`);
          return;
        }
        if (session.options.json) return printJson(session.io, entries);
        printTable(session.io, ['CVE', 'YEAR', 'CASE', 'ADDED'], entries.map((e) => [e.cve, String(e.year), e.assignedTo ?? '—', e.addedAt]));
      }),
    );

  cve
    .command('assign')
    .description("give a case a CVE ID from the pool (default: this year's lowest unused)")
    .argument('<case>', 'case id, e.g. EMB-0001')
    .argument('[cve]', 'a pool ID')
    .action((id: string, chosen: string | undefined) =>
      run(async (session) => {
        await session.unlock();
        const record = await session.call('cve.assign', { id, ...(chosen !== undefined ? { cve: chosen } : {}) });
        if (session.options.json) return printJson(session.io, { id: record.id, cve: record.cve });
        session.io.stdout(`${record.id}: ${record.cve}\n`);
      }),
    );

  cve
    .command('status')
    .description('whether the CVE record is reviewed, unchanged since, and ready to publish')
    .argument('<case>', 'case id')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const status = await session.call('cve.status', { id });
        if (session.options.json) return printJson(session.io, status);
        printFields(session.io, [
          ['case', status.id],
          ['cve', status.cve ?? '—'],
          ['review', status.review],
          ['reviewer', status.reviewer ? `${status.reviewer.name} (${status.reviewer.fingerprint}), ${status.reviewer.signedAt}` : '—'],
          ['ready', status.ready ? 'yes' : 'no'],
          ...status.problems.map((problem): [string, string] => ['problem', problem]),
        ]);
      }),
    );

  cve
    .command('review-text')
    .description('the CVE record as canonical JSON, for the second reviewer to sign with gpg --armor --detach-sign')
    .argument('<case>', 'case id')
    .option('-o, --output <file>', 'write it to this file (plaintext: you are warned while the case is under embargo)')
    .action((id: string, options: { output?: string }) =>
      run(async (session) => {
        await session.unlock();
        const made = await session.call('cve.reviewText', { id, ...(options.output !== undefined ? { output: resolve(options.output) } : {}) });
        for (const warning of made.warnings) session.io.stderr(`embargo: warning: ${warning}\n`);
        if (session.options.json) return printJson(session.io, made);
        if (made.written === null) return void session.io.stdout(`${made.text}\n`);
        session.io.stdout(`Wrote ${made.written} (SHA-256 ${made.sha256}).\nThe reviewer signs it with: ${made.signCommand}\n`);
      }),
    );

  cve
    .command('review')
    .description("record the second review: a PST member's detached signature over the review text (not the Fix Lead's)")
    .argument('<case>', 'case id')
    .option('--signature <file>', "the reviewer's armored detached signature (.asc)")
    .option('--sign', 'sign it with your own key (when you are the second reviewer)')
    .action((id: string, options: { signature?: string; sign?: boolean }) =>
      run(async (session) => {
        if ((options.signature === undefined) === (options.sign !== true)) throw usageError('Give --signature FILE, or --sign to sign with your own key.');
        const signature = options.signature !== undefined ? await readText(options.signature, 'signature') : undefined;
        await session.unlock();
        const event = await session.call('cve.review', { id, ...(signature !== undefined ? { signature } : {}) });
        if (session.options.json) return printJson(session.io, event);
        session.io.stdout(`Reviewed by ${String(event.data.name)} (${String(event.data.fingerprint)}).\n`);
      }),
    );

  cve
    .command('bundle')
    .description('write the reviewed record, its signature, the CNA container and a publish script with the cvelib commands')
    .argument('<case>', 'case id')
    .requiredOption('--dir <dir>', 'the directory to write into')
    .action((id: string, options: { dir: string }) =>
      run(async (session) => {
        await session.unlock();
        const bundle = await session.call('cve.publishBundle', { id, dir: resolve(options.dir) });
        for (const warning of bundle.warnings) session.io.stderr(`embargo: warning: ${warning}\n`);
        if (session.options.json) return printJson(session.io, bundle);
        session.io.stdout(`Wrote ${Object.values(bundle.files).join(', ')}.\nOn a connected machine, in that directory:\n${bundle.commands.map((c) => `  ${c}`).join('\n')}\n`);
      }),
    );

  cve
    .command('import')
    .description('import a published CVE JSON 5 record (cvelistV5, `cve show -r`) into a case, or into a new case')
    .argument('<file>', 'the record')
    .option('--case <case>', 'the case to fill (default: a new case)')
    .action((file: string, options: { case?: string }) =>
      run(async (session) => {
        const text = await readText(file, 'record');
        await session.unlock();
        const result = await session.call('cve.import', { text, ...(options.case !== undefined ? { id: options.case } : {}) });
        for (const warning of result.warnings) session.io.stderr(`embargo: warning: ${warning}\n`);
        if (session.options.json) return printJson(session.io, { id: result.record.id, cve: result.record.cve, created: result.created, filled: result.filled, warnings: result.warnings });
        session.io.stdout(`${result.created ? 'Created' : 'Filled'} ${result.record.id} from ${result.record.cve}: ${result.filled.join(', ')}.\n`);
      }),
    );
}
