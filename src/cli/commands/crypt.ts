// `embargo encrypt`, `decrypt`, `sign`, `verify` (CLI.md). These stream from file to file
// through core functions directly instead of the contract: a contract call would base64 the
// whole file into one JSON value (several copies of a 100 MB file in memory), while the core's
// file functions pass it through in chunks and write the output atomically (src/core/keyring/files.ts).
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { OutputTarget } from '../../core/keyring/files.ts';
import type { CliIo } from '../io.ts';
import type { CommandRunner } from '../main.ts';
import { printJson } from '../output.ts';
import { CliFailure, usageError, type CliSession } from '../session.ts';
import { collect, signatureLine, viaCore } from './keyring.ts';

/** Armored text to standard output through the CLI's io (ASCII, so any chunking is safe). */
function stdoutWriter(io: CliIo): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      io.stdout(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
}

/** The file operations (and openpgp with them), loaded when a crypt command runs. */
const keyringFiles = () => import('../../core/keyring/files.ts');

function target(session: CliSession, output: string, force: boolean | undefined, allowStdout: boolean): OutputTarget {
  if (output !== '-') return { path: output, overwrite: Boolean(force) };
  if (!allowStdout) throw usageError('Decrypted output goes to a file: give -o FILE.');
  if (session.options.json) throw usageError('-o - writes the output to standard output, where --json would print too: choose one.');
  return { stream: stdoutWriter(session.io), name: '-' };
}

/** FILE.asc → FILE, FILE.gpg → FILE; anything else needs -o. */
function decryptedName(file: string): string {
  const match = /^(.+)\.(asc|gpg|pgp)$/i.exec(file);
  if (!match) throw usageError(`Cannot guess the output name for ${file}: give -o FILE.`);
  return match[1]!;
}

async function distributorRecipients(session: CliSession): Promise<string[]> {
  const health = await session.call('distributors.health', {});
  if (!health.ok) {
    const lines = health.cannotReceive.map((member) => `${member.organisation}: ${member.reasons.join('; ')}`);
    throw new CliFailure(
      {
        code: 'KeyUnusable',
        message: `Not every distributor can receive encrypted mail; nothing was encrypted. ${lines.join(' | ')}`,
        data: { cannotReceive: health.cannotReceive },
      },
      1,
    );
  }
  if (health.recipients.length === 0) throw usageError('The distributors list has no current member.');
  return health.recipients;
}

const FINGERPRINT = /^([0-9A-F]{40}|[0-9A-F]{64})$/;
const compact = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/**
 * `--to A B FILE` hands FILE to the variadic option; the last value is the file when no file
 * argument came and it is not a fingerprint. Values may also be comma-separated.
 */
function splitRecipients(file: string | undefined, values: string[]): { file: string; to: string[] } {
  const to = values.flatMap((value) => collect(value));
  if (file === undefined) {
    const last = to.at(-1);
    if (last === undefined || FINGERPRINT.test(compact(last))) throw usageError('Give the file to encrypt.');
    to.pop();
    file = last;
  }
  return { file, to };
}

export function registerCryptCommands(program: Command, run: CommandRunner): void {
  program
    .command('encrypt')
    .description('encrypt (and sign) a file to several recipients: an armored message GnuPG reads')
    .argument('[file]', 'the file to encrypt')
    // Variadic as CLI.md writes it (--to A B FILE), also repeatable or comma-separated.
    .option('--to <fpr...>', 'recipient fingerprints')
    .option('--to-distributors', 'every current member of the distributors list (refused unless all can receive)')
    .option('--sign', 'sign with your own key')
    .option('-o, --output <file>', 'output file ("-" for standard output; default FILE.asc)')
    .option('--force', 'overwrite an existing output file')
    .option('--allow-unverified', 'encrypt to recipients whose fingerprints are not verified (this once)')
    .option('--no-encrypt-to-self', 'do not also encrypt to your own key')
    .action(
      (
        fileArgument: string | undefined,
        options: { to?: string[]; toDistributors?: boolean; sign?: boolean; output?: string; force?: boolean; allowUnverified?: boolean; encryptToSelf: boolean },
      ) =>
        run(async (session) => {
          const { file, to: given } = splitRecipients(fileArgument, options.to ?? []);
          if (given.length === 0 && !options.toDistributors) throw usageError('Give at least one recipient with --to FPR (or --to-distributors).');
          const bad = given.map(compact).find((fingerprint) => !FINGERPRINT.test(fingerprint));
          if (bad) throw usageError(`${bad} is not a full fingerprint (40 hex digits).`);
          const output = target(session, options.output ?? `${file}.asc`, options.force, true);
          await session.unlock();
          const fingerprints = [...given, ...(options.toDistributors ? await distributorRecipients(session) : [])].map(compact);
          session.progress(`Encrypting ${file}…`);
          const result = await viaCore(async () =>
            (await keyringFiles()).encryptFile(session.core.session, file, output, {
              to: fingerprints,
              sign: Boolean(options.sign),
              encryptToSelf: options.encryptToSelf,
              allowUnverified: Boolean(options.allowUnverified),
            }),
          );
          if (session.options.json) printJson(session.io, result);
          else if (result.output !== '-') {
            session.io.stdout(`Encrypted to ${result.recipients.length} key(s)${result.signedBy ? ', signed' : ''}: ${result.output}\n`);
          }
        }),
    );

  program
    .command('decrypt')
    .description('decrypt a file with your secret key and report every signature')
    .argument('<file>')
    .option('-o, --output <file>', 'output file (default: FILE without .asc/.gpg/.pgp)')
    .option('--force', 'overwrite an existing output file')
    .action((file: string, options: { output?: string; force?: boolean }) =>
      run(async (session) => {
        const output = target(session, options.output ?? decryptedName(file), options.force, false);
        await session.unlock();
        session.progress(`Decrypting ${file}…`);
        const result = await viaCore(async () => (await keyringFiles()).decryptFile(session.core.session, file, output));
        if (session.options.json) return printJson(session.io, result);
        session.io.stdout(`Decrypted with ${result.decryptedWith}: ${result.output}\n`);
        if (result.signatures.length === 0) session.io.stdout('Not signed.\n');
        for (const signature of result.signatures) session.io.stdout(`${signatureLine(signature)}\n`);
      }),
    );

  program
    .command('sign')
    .description('a detached, armored signature of a file by your own key (gpg --verify reads it)')
    .argument('<file>')
    .option('-o, --output <file>', 'signature file ("-" for standard output; default FILE.asc)')
    .option('--force', 'overwrite an existing signature file')
    .action((file: string, options: { output?: string; force?: boolean }) =>
      run(async (session) => {
        const output = target(session, options.output ?? `${file}.asc`, options.force, true);
        await session.unlock();
        const result = await viaCore(async () => (await keyringFiles()).signFile(session.core.session, file, output));
        if (session.options.json) printJson(session.io, result);
        else if (result.output !== '-') session.io.stdout(`Signed by ${result.signedBy}: ${result.output}\n`);
      }),
    );

  program
    .command('verify')
    .description('check a detached signature over a file, or a cleartext-signed (gpg --clearsign) or signed (gpg --sign) file; exit 1 unless every signature is good')
    .argument('<file>')
    .option('--signature <file>', 'the detached signature (without it, FILE carries its own signature)')
    .action((file: string, options: { signature?: string }) =>
      run(async (session) => {
        await session.unlock();
        const signatures = options.signature
          ? await viaCore(async () => (await keyringFiles()).verifyFile(session.core.session, file, options.signature!))
          : (await viaCore(async () => (await import('../../core/keyring/verify-message.ts')).verifyInlineFile(session.core.session, file))).signatures;
        if (session.options.json) printJson(session.io, { signatures });
        else for (const signature of signatures) session.io.stdout(`${signatureLine(signature)}\n`);
        return signatures.length > 0 && signatures.every((signature) => signature.valid) ? 0 : 1;
      }),
    );
}
