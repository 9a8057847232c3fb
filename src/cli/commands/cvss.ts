// `embargo cvss score VECTOR...` and `embargo cvss score -` (see CLI.md). Scoring needs no
// vault, so this never asks for a passphrase. Standard input is streamed in batches, so a
// hundred thousand vectors neither wait for the end of input nor sit in memory at once.
import type { Command } from 'commander';
import { CVSS_BATCH_LIMIT, CVSS_INPUT_MAX_LENGTH } from '../../shared/contract/cvss-limits.ts';
import type { CvssResult } from '../../shared/contract/index.ts';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io.ts';
import type { CommandRunner } from '../main.ts';
import { bold } from '../output.ts';
import { CliFailure, usageError, type CliSession } from '../session.ts';

/** Vectors per contract call: big enough to amortise validation, small enough to stream. */
const BATCH = Math.min(2000, CVSS_BATCH_LIMIT);

/** The lines of standard input, without line endings; blank lines are skipped. */
async function* stdinLines(io: CliIo): AsyncGenerator<string> {
  const keep = (line: string) => line.replace(/\r$/, '');
  if (!io.stdinStream) {
    for (const line of (await io.readStdin()).split('\n')) if (line.trim() !== '') yield keep(line);
    return;
  }
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of io.stdinStream) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') yield keep(line);
  }
  pending += decoder.decode();
  if (pending.trim() !== '') yield keep(pending);
}

async function* batches(source: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string[]> {
  let batch: string[] = [];
  for await (const vector of source) {
    batch.push(vector);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The CLI.md shape: vector, version, score, severity, plus the three v3 scores. */
function jsonLine(result: CvssResult): string {
  if (!result.ok) return JSON.stringify({ vector: result.vector, error: result.error });
  const { vector, version, score, severity } = result;
  if (version === '4.0') return JSON.stringify({ vector, version, score, severity, nomenclature: result.nomenclature });
  const { baseScore, temporalScore, environmentalScore } = result;
  return JSON.stringify({ vector, version, score, severity, baseScore, temporalScore, environmentalScore });
}

const oneDecimal = (score: number | undefined) => (score === undefined ? '—' : score.toFixed(1));

function humanLine(result: CvssResult & { ok: true }): string {
  const v4 = result.version === '4.0';
  const cells = [
    oneDecimal(result.score).padStart(5),
    result.severity.padEnd(8),
    (v4 ? '—' : oneDecimal(result.baseScore)).padStart(5),
    (v4 ? '—' : oneDecimal(result.temporalScore)).padStart(5),
    (v4 ? '—' : oneDecimal(result.environmentalScore)).padStart(5),
    v4 ? `${result.vector} (${result.nomenclature})` : result.vector,
  ];
  return cells.join('  ');
}

async function scoreAll(session: CliSession, source: AsyncIterable<string> | Iterable<string>): Promise<number> {
  const io = session.io;
  const json = Boolean(session.options.json);
  let total = 0;
  let invalid = 0;
  if (!json) io.stdout(`${bold(io, ['SCORE', 'SEVERITY', ' BASE', ' TEMP', '  ENV', 'VECTOR'].join('  '))}\n`);
  for await (const vectors of batches(source)) {
    // A line longer than the contract accepts is still just one invalid vector: send a prefix
    // (the core rejects it as too long) and report it under the whole line.
    const sent = vectors.map((vector) => (vector.length > CVSS_INPUT_MAX_LENGTH ? vector.slice(0, CVSS_INPUT_MAX_LENGTH) : vector));
    const result = await session.dispatch('cvss.score', { vectors: sent });
    if (!result.ok) throw new CliFailure(result.error, EXIT_FAILED);
    const out: string[] = [];
    const errors: string[] = [];
    for (const [index, answer] of (result.value as { results: CvssResult[] }).results.entries()) {
      const scored = { ...answer, vector: vectors[index] as string } as CvssResult;
      total += 1;
      if (!scored.ok) {
        invalid += 1;
        errors.push(`embargo: ${scored.error.message}\n`);
        if (json) out.push(`${jsonLine(scored)}\n`);
        continue;
      }
      out.push(`${json ? jsonLine(scored) : humanLine(scored)}\n`);
    }
    if (out.length > 0) io.stdout(out.join(''));
    if (errors.length > 0) io.stderr(errors.join(''));
  }
  if (total === 0) throw usageError('No vectors on standard input.');
  if (invalid > 0 && !json) io.stderr(`embargo: ${invalid} of ${total} vector${total > 1 ? 's are' : ' is'} invalid.\n`);
  return invalid > 0 ? EXIT_FAILED : EXIT_OK;
}

export function registerCvssCommands(program: Command, run: CommandRunner): void {
  const cvss = program.command('cvss').description('CVSS v3.0, v3.1 and v4.0 scores (no vault needed)');

  cvss
    .command('score')
    .description('score vectors given as arguments, or one per line on standard input with "-"')
    .argument('<vectors...>', 'CVSS vectors, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, or - for standard input')
    .action((vectors: string[]) =>
      run(async (session) => {
        if (vectors.includes('-')) {
          if (vectors.length > 1) throw usageError('Give vectors as arguments or "-" for standard input, not both.');
          return scoreAll(session, stdinLines(session.io));
        }
        return scoreAll(session, vectors);
      }),
    );
}
