// `embargo mail import CASE FILE`: a received mail (.eml, a distributor's answer) onto the case
// timeline, decrypted and verified with the keyring (src/core/mail/import-eml.ts).
import { stat, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { LIMITS, inputTooLarge } from '../../shared/limits.ts';
import { EXIT_FAILED } from '../io.ts';
import type { CommandRunner } from '../main.ts';
import { printJson } from '../output.ts';
import { CliFailure, usageError } from '../session.ts';
import { signatureLine } from './keyring.ts';

async function readEml(file: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (error) {
    throw usageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  // Checked on the size before reading, as every importer does (docs/security.md, Limits).
  if (size > LIMITS.emlBytes) throw new CliFailure(inputTooLarge('mail', LIMITS.emlBytes, size, 'bytes').toInfo(), EXIT_FAILED);
  return readFile(file);
}

export function registerMailImport(mail: Command, run: CommandRunner): void {
  mail
    .command('import')
    .description('import a received mail (.eml) into a case: PGP content decrypted and verified, recorded on the timeline')
    .argument('<case>', 'case id')
    .argument('<file>', 'the .eml file')
    .action((caseId: string, file: string) =>
      run(async (session) => {
        const bytes = await readEml(file);
        await session.unlock();
        const result = await session.call('mail.importEml', { caseId, eml: bytes.toString('base64'), name: basename(file) });
        if (session.options.json) return printJson(session.io, result);
        session.io.stdout(`Imported "${result.subject}" from ${result.from ?? 'unknown'} onto ${caseId}'s timeline (event ${result.eventSeq}), ${result.protection}.\n`);
        if (result.signatures.length === 0) session.io.stdout('Not signed.\n');
        for (const signature of result.signatures) session.io.stdout(`${signatureLine(signature)}\n`);
      }),
    );
}
