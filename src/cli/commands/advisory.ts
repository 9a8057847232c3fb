// `embargo advisory cve|osv|csaf|issue|release-notes CASE [-o FILE]` (see CLI.md): the
// document on stdout, or written to FILE (only when it validates). Warnings, such as a
// plaintext file of a case still under embargo, go to stderr.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { AdvisoryExport, AdvisoryFormat } from '../../shared/contract/index.ts';
import type { CommandRunner } from '../main.ts';
import { printJson } from '../output.ts';
import { usageError, type CliSession } from '../session.ts';

const DESCRIPTIONS: Record<AdvisoryFormat, string> = {
  cve: 'CVE JSON 5.1 record (Kubernetes CNA conventions), validated against the official schema',
  osv: 'OSV record, validated against the official schema',
  csaf: 'CSAF 2.0 security advisory, validated against the schema and the mandatory tests',
  issue: 'public tracking issue: title (checked against the CVE feed pattern), body and labels, as JSON',
  'release-notes': 'release-notes CVE data map: one YAML document per cherry-pick PR',
};

function printWarnings(session: CliSession, result: AdvisoryExport): void {
  for (const warning of result.warnings) session.io.stderr(`embargo: warning: ${warning}\n`);
}

function printDocument(session: CliSession, format: AdvisoryFormat, result: AdvisoryExport): void {
  if (session.options.json) {
    // The record itself is the JSON document; the YAML map is wrapped.
    if (result.mediaType === 'application/json') session.io.stdout(result.text);
    else printJson(session.io, { yaml: result.text });
    return;
  }
  if (format === 'issue') {
    const issue = JSON.parse(result.text) as { title: string; body: string; labels: string[] };
    session.io.stdout(`Title:  ${issue.title}\nLabels: ${issue.labels.join(', ')}\n\n${issue.body}`);
    return;
  }
  session.io.stdout(result.text);
}

function parsePr(value: string, previous: number[] = []): number[] {
  const number = Number(value.replace(/^#/, ''));
  if (!Number.isInteger(number) || number <= 0) throw usageError(`"${value}" is not a PR number.`);
  return [...previous, number];
}

export function registerAdvisoryCommands(program: Command, run: CommandRunner): void {
  const advisory = program.command('advisory').description('CVE, OSV and CSAF records, the tracking issue and the release-notes map, from a case');

  for (const format of ['cve', 'osv', 'csaf', 'issue', 'release-notes'] as const) {
    const command = advisory
      .command(format)
      .description(DESCRIPTIONS[format])
      .argument('<case>', 'case id, e.g. EMB-0001')
      .option('-o, --output <file>', 'write the document to this file (plaintext: you are warned while the case is under embargo)');
    if (format === 'release-notes') command.requiredOption('--pr <number>', 'a cherry-pick PR number (repeat for each PR)', parsePr);
    if (format === 'cve') command.option('--cna-container', 'only the CNA container, as `cve publish CVE-ID -f FILE` (cvelib) takes it');
    command.action((id: string, options: { output?: string; pr?: number[]; cnaContainer?: boolean }) =>
      run(async (session) => {
        await session.unlock();
        const result = await session.call('advisory.export', {
          id,
          format,
          ...(options.output !== undefined ? { output: resolve(options.output) } : {}),
          ...(options.pr ? { prs: options.pr } : {}),
          ...(options.cnaContainer ? { cnaContainer: true } : {}),
        });
        printWarnings(session, result);
        if (result.written === null) return printDocument(session, format, result);
        if (session.options.json) printJson(session.io, { output: result.written, format, checkedAgainst: result.validation.checkedAgainst, warnings: result.warnings });
        else session.io.stdout(`Wrote ${result.written} (valid: ${result.validation.checkedAgainst.join('; ')}).\n`);
      }),
    );
  }
}
