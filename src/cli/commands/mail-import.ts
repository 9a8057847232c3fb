// `embargo mail import CASE FILE`: a received mail (.eml, a distributor's answer) onto the case
// timeline, decrypted and verified with the keyring (src/core/mail/import-eml.ts).
import { basename } from 'node:path';
import type { Command } from 'commander';
import { LIMITS } from '../../shared/limits.ts';
import type { CommandRunner } from '../main.ts';
import { printJson } from '../output.ts';
import { readUserFile } from '../read-user-file.ts';
import { signatureLine } from './keyring.ts';

export function registerMailImport(mail: Command, run: CommandRunner): void {
  mail
    .command('import')
    .description('import a received mail (.eml) into a case: PGP content decrypted and verified, recorded on the timeline')
    .argument('<case>', 'case id')
    .argument('<file>', 'the .eml file')
    .action((caseId: string, file: string) =>
      run(async (session) => {
        const bytes = await readUserFile(file, LIMITS.emlBytes, 'mail');
        await session.unlock();
        const result = await session.call('mail.importEml', { caseId, eml: bytes.toString('base64'), name: basename(file) });
        if (session.options.json) return printJson(session.io, result);
        session.io.stdout(`Imported "${result.subject}" from ${result.from ?? 'unknown'} onto ${caseId}'s timeline (event ${result.eventSeq}), ${result.protection}.\n`);
        if (result.signatures.length === 0) session.io.stdout('Not signed.\n');
        for (const signature of result.signatures) session.io.stdout(`${signatureLine(signature)}\n`);
      }),
    );
}
