// `embargo keyring generate|import|list|show|export|verify|unverify|set-own|delete|revoke|import-revocation|check` (CLI.md).
// Everything goes through the contract except printing a secret key export: the contract never
// carries secret key material, so that one step calls the core directly (exportSecretKey).
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { KeyInfo, SignatureReport } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { signatureVerdictLabel } from '../../shared/signature-verdict.ts';
import { LIMITS } from '../../shared/limits.ts';
import { EXIT_FAILED, EXIT_USAGE, type CliIo } from '../io.ts';
import type { CommandRunner } from '../main.ts';
import { bold, dim, printFields, printJson, printTable } from '../output.ts';
import { CliFailure, usageError, type CliSession } from '../session.ts';
import { readUserFile } from '../read-user-file.ts';

/** The contract's in-memory limit; larger inputs are not keys. */
const MAX_KEY_FILE = LIMITS.keyBytes;

/** Runs a direct core call (outside the contract) and reports its coded errors as the contract's would be. */
export async function viaCore<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof EmbargoError) throw new CliFailure(error.toInfo(), error.code === 'InvalidInput' ? EXIT_USAGE : EXIT_FAILED);
    throw error;
  }
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim()).filter((part) => part !== '')];
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : 'never';
}

export function trustText(key: KeyInfo): string {
  if (key.revoked) return 'REVOKED';
  if (key.expired) return 'EXPIRED';
  if (key.weakness) return 'WEAK';
  return key.verified ? 'verified' : 'unverified';
}

export function keyFields(key: KeyInfo): [string, string][] {
  const fields: [string, string][] = [
    ['fingerprint', key.fingerprintGroups],
    ['user IDs', key.userIds.join('\n              ') || '—'],
    ['algorithm', key.algorithm.label],
    ['created', key.created],
    ['expires', key.expires ?? 'never'],
    ['trust', `${trustText(key)}${key.verifiedAt ? ` (compared ${key.verifiedAt.slice(0, 10)})` : ''}`],
    ['secret key', key.secret ? (key.own ? 'in the vault (signs for you)' : 'in the vault') : 'no'],
    ['encrypt to', key.canEncrypt ? (key.encryptionKeyFingerprint ?? '—') : `no${key.weakness ? ` (${key.weakness})` : ''}`],
  ];
  for (const subkey of key.subkeys) {
    const state = subkey.revoked ? 'revoked' : subkey.expired ? 'expired' : subkey.valid ? 'valid' : 'invalid';
    fields.push(['subkey', `${subkey.algorithm.label} [${subkey.usage.join(',')}] ${subkey.fingerprint} ${state}, expires ${day(subkey.expires)}`]);
  }
  for (const warning of key.warnings) fields.push(['warning', warning.message]);
  return fields;
}

export function signatureLine(signature: SignatureReport): string {
  const who = `${signature.signer ?? 'unknown'} ${signature.fingerprint ?? signature.keyId}`;
  const label = signatureVerdictLabel(signature.verdict);
  switch (signature.verdict) {
    case 'good-verified':
      return `Good signature from ${who} (verified key)`;
    case 'good-unverified':
      return `Good signature from ${who}, but the key is NOT verified: compare its fingerprint with its owner`;
    case 'expired-signature':
    case 'expired-key':
    case 'revoked-key':
      return `${label.replace('Good signature', `Good signature from ${who}`)}${signature.reason ? ` (${signature.reason})` : ''} [${signature.gpgStatus}]`;
    case 'bad':
      return `BAD signature by ${who}: ${signature.reason ?? 'does not verify'}`;
    case 'error':
      return `${label} (${who}): ${signature.reason ?? 'refused'}`;
    default:
      return `Signature by a key not in the keyring (${signature.fingerprint ?? signature.keyId}): cannot be checked`;
  }
}

/** A file's content for the contract, refusing what cannot be a key file. */
async function readInput(session: CliSession, file: string): Promise<{ base64: string } | { text: string }> {
  if (file === '-') return { text: await session.io.readStdin() };
  return { base64: (await readUserFile(file, MAX_KEY_FILE, 'key file')).toString('base64') };
}

async function secretFromFile(file: string, what: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).replace(/\r?\n$/, '');
  } catch (error) {
    throw usageError(`Cannot read the ${what} file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
}

/** A secret from --X-file, else an environment variable, else the terminal (twice when new). */
async function askSecret(io: CliIo, options: { file?: string; env: string; prompt: string; repeat: boolean; what: string }): Promise<string | undefined> {
  if (options.file) return secretFromFile(options.file, options.what);
  const fromEnv = io.env[options.env];
  if (fromEnv) return fromEnv;
  if (!io.stdinIsTty) return undefined;
  const first = await io.promptHidden(options.prompt);
  if (options.repeat && (await io.promptHidden('Repeat it: ')) !== first) throw usageError(`The two ${options.what}s differ.`);
  return first;
}

async function confirmSecretExport(session: CliSession, key: KeyInfo, flag: boolean | undefined): Promise<void> {
  if (flag) return;
  if (session.io.stdinIsTty) {
    session.io.stderr(`Exporting the SECRET key of ${key.primaryUserId ?? key.fingerprint}\n  ${key.fingerprintGroups}\nIt will leave the vault, protected by an export passphrase.\n`);
    const answer = await session.io.promptHidden('Type "yes" to export it: ');
    if (answer.trim().toLowerCase() === 'yes') return;
  }
  throw new CliFailure(
    { code: 'ConfirmationRequired', message: 'Exporting a secret key needs confirmation: add --yes-export-secret (or answer "yes" on a terminal).' },
    EXIT_USAGE,
  );
}

export function registerKeyringCommands(program: Command, run: CommandRunner): void {
  const keyring = program.command('keyring').description('the PGP keyring in the vault: your key pair and everyone’s public keys');

  keyring
    .command('generate')
    .description('generate your own key pair (Ed25519 + Curve25519, readable by GnuPG 2.2); the secret key stays in the vault')
    .requiredOption('--name <name>', 'your name, as in the user ID')
    .requiredOption('--email <email>', 'your email address')
    .option('--expires <days|never>', 'days until the key expires, or "never"', '730')
    .action((options: { name: string; email: string; expires: string }) =>
      run(async (session) => {
        const expiresInDays = options.expires === 'never' ? null : Number(options.expires);
        if (expiresInDays !== null && !Number.isInteger(expiresInDays)) throw usageError('--expires takes a number of days or "never".');
        await session.unlock();
        session.progress('Generating the key pair…');
        const key = await session.call('keyring.generate', { name: options.name, email: options.email, expiresInDays });
        if (session.options.json) return printJson(session.io, key);
        session.io.stdout(`Generated your key ${bold(session.io, key.fingerprintGroups)}\n`);
        printFields(session.io, keyFields(key));
      }),
    );

  keyring
    .command('import')
    .description('import armored or binary keys, one or many per file (gpg --export, --export-secret-keys); all or nothing')
    .argument('<file...>', 'key files ("-" reads armored keys from standard input)')
    .option('--key-passphrase-file <file>', 'passphrase of protected secret keys (else $EMBARGO_KEY_PASSPHRASE, else asked)')
    .action((files: string[], options: { keyPassphraseFile?: string }) =>
      run(async (session) => {
        const inputs = [];
        for (const file of files) inputs.push(await readInput(session, file));
        await session.unlock();
        session.progress(`Importing keys from ${files.length} file(s)…`);
        let passphrase = options.keyPassphraseFile
          ? await secretFromFile(options.keyPassphraseFile, 'key passphrase')
          : session.io.env.EMBARGO_KEY_PASSPHRASE || undefined;
        let outcome;
        try {
          outcome = await session.call('keyring.import', { data: inputs, ...(passphrase ? { passphrase } : {}) });
        } catch (error) {
          if (!(error instanceof CliFailure) || error.info.code !== 'KeyPassphraseRequired' || passphrase || !session.io.stdinIsTty) throw error;
          passphrase = await session.io.promptHidden(`Passphrase of the secret key ${String(error.info.data?.fingerprint ?? '')}: `);
          outcome = await session.call('keyring.import', { data: inputs, passphrase });
        }
        if (session.options.json) return printJson(session.io, outcome);
        for (const key of outcome.keys) {
          const state = outcome.new.includes(key.fingerprint) ? 'new' : outcome.updated.includes(key.fingerprint) ? 'updated' : 'unchanged';
          session.io.stdout(`${state.padEnd(9)} ${key.fingerprint}  ${key.primaryUserId ?? ''}${key.secret ? '  (secret)' : ''}\n`);
          for (const warning of key.warnings) session.io.stdout(`          ${dim(session.io, warning.message)}\n`);
        }
      }),
    );

  keyring
    .command('list')
    .description('every key with its trust and warnings')
    .option('--query <text>', 'only keys whose fingerprint or user ID contains this')
    .action((options: { query?: string }) =>
      run(async (session) => {
        await session.unlock();
        const keys = await session.call('keyring.list', options.query ? { query: options.query } : {});
        if (session.options.json) return printJson(session.io, { keys });
        if (keys.length === 0) return session.io.stdout('No keys yet. Generate yours with "embargo keyring generate", import others with "embargo keyring import".\n');
        printTable(
          session.io,
          ['FINGERPRINT', 'ALGO', 'EXPIRES', 'TRUST', 'USER ID', ''],
          keys.map((key) => [
            key.fingerprint,
            key.algorithm.label,
            day(key.expires),
            trustText(key),
            key.primaryUserId ?? '—',
            [key.own ? 'own' : key.secret ? 'secret' : '', ...key.warnings.filter((w) => w.code === 'expiring-soon').map(() => 'expiring soon')].filter(Boolean).join(', '),
          ]),
        );
      }),
    );

  keyring
    .command('show')
    .description('one key in detail')
    .argument('<fingerprint>')
    .action((fingerprint: string) =>
      run(async (session) => {
        await session.unlock();
        const key = await session.call('keyring.show', { fingerprint });
        if (session.options.json) printJson(session.io, key);
        else printFields(session.io, keyFields(key));
      }),
    );

  keyring
    .command('export')
    .description('the armored key on standard output (or -o FILE); --secret needs confirmation and an export passphrase')
    .argument('<fingerprint>')
    .option('--secret', 'export the secret key (protected by an export passphrase)')
    .option('--yes-export-secret', 'confirm the secret export without asking')
    .option('--export-passphrase-file <file>', 'the export passphrase (else $EMBARGO_EXPORT_PASSPHRASE, else asked twice)')
    .option('-o, --output <file>', 'write to a new file instead of standard output')
    .action((fingerprint: string, options: { secret?: boolean; yesExportSecret?: boolean; exportPassphraseFile?: string; output?: string }) =>
      run(async (session) => {
        await session.unlock();
        const key = await session.call('keyring.show', { fingerprint });
        let armored: string;
        if (options.secret) {
          await confirmSecretExport(session, key, options.yesExportSecret);
          const passphrase = await askSecret(session.io, {
            file: options.exportPassphraseFile,
            env: 'EMBARGO_EXPORT_PASSPHRASE',
            prompt: 'Export passphrase (protects the exported key): ',
            repeat: true,
            what: 'export passphrase',
          });
          if (!passphrase) throw usageError('No export passphrase: use --export-passphrase-file or $EMBARGO_EXPORT_PASSPHRASE.');
          // Direct core call by design: secret key material never crosses the contract.
          armored = await viaCore(async () => (await import('../../core/keyring/export-key.ts')).exportSecretKey(session.core.session, { fingerprint: key.fingerprint, passphrase, confirmed: true }));
        } else {
          armored = (await session.call('keyring.exportPublic', { fingerprint: key.fingerprint })).armored;
        }
        if (options.output) {
          try {
            await writeFile(options.output, armored, { flag: 'wx', mode: options.secret ? 0o600 : 0o644 });
          } catch (error) {
            throw new CliFailure({ code: 'Conflict', message: `Cannot create ${options.output}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.` }, 1);
          }
          if (session.options.json) printJson(session.io, { fingerprint: key.fingerprint, output: options.output, secret: Boolean(options.secret) });
          else session.io.stderr(`Wrote ${options.secret ? 'the protected secret' : 'the public'} key to ${options.output}.\n`);
          return;
        }
        if (session.options.json) printJson(session.io, { fingerprint: key.fingerprint, secret: Boolean(options.secret), armored });
        else session.io.stdout(armored);
      }),
    );

  keyring
    .command('verify')
    .description('mark a key verified after comparing its full fingerprint with its owner')
    .argument('<fingerprint>', 'the full fingerprint you compared (spaces allowed)')
    .action((fingerprint: string) =>
      run(async (session) => {
        await session.unlock();
        const key = await session.call('keyring.verify', { fingerprint });
        if (session.options.json) return printJson(session.io, key);
        session.io.stdout(`Verified ${key.fingerprintGroups}  ${key.primaryUserId ?? ''}\n`);
        for (const warning of key.warnings) session.io.stdout(`  ${warning.message}\n`);
      }),
    );

  keyring
    .command('unverify')
    .description('withdraw the verification of a key')
    .argument('<fingerprint>')
    .action((fingerprint: string) =>
      run(async (session) => {
        await session.unlock();
        const key = await session.call('keyring.unverify', { fingerprint });
        if (session.options.json) printJson(session.io, key);
        else session.io.stdout(`${key.fingerprint} is unverified now.\n`);
      }),
    );

  keyring
    .command('set-own')
    .description('choose which of your secret keys signs')
    .argument('<fingerprint>')
    .action((fingerprint: string) =>
      run(async (session) => {
        await session.unlock();
        const key = await session.call('keyring.setOwn', { fingerprint });
        if (session.options.json) printJson(session.io, key);
        else session.io.stdout(`${key.fingerprint} signs for you now.\n`);
      }),
    );

  keyring
    .command('delete')
    .description('delete a key from the keyring (a secret key needs --yes-delete-secret)')
    .argument('<fingerprint>')
    .option('--yes-delete-secret', 'confirm deleting a secret key: it cannot be recovered')
    .action((fingerprint: string, options: { yesDeleteSecret?: boolean }) =>
      run(async (session) => {
        await session.unlock();
        const removed = await session.call('keyring.remove', { fingerprint, confirmSecret: Boolean(options.yesDeleteSecret) });
        if (session.options.json) printJson(session.io, removed);
        else session.io.stdout(`Deleted ${removed.removed}.\n`);
      }),
    );

  keyring
    .command('revoke')
    .description('revoke a key whose secret part the vault holds (yours); prints the revocation certificate; export the revoked key with "keyring export"')
    .argument('<fingerprint>')
    .option('--reason <reason>', 'compromised, superseded, retired or unspecified', 'unspecified')
    .option('--description <text>', 'a line shown with the reason', '')
    .option('--yes-revoke', 'confirm without asking: a revocation cannot be undone')
    .option('-o, --output <file>', 'write the revocation certificate to a new file instead of standard output')
    .action((fingerprint: string, options: { reason: string; description: string; yesRevoke?: boolean; output?: string }) =>
      run(async (session) => {
        const reasons = ['compromised', 'superseded', 'retired', 'unspecified'] as const;
        const reason = reasons.find((value) => value === options.reason);
        if (!reason) throw usageError(`--reason takes one of ${reasons.join(', ')}.`);
        await session.unlock();
        const key = await session.call('keyring.show', { fingerprint });
        if (!options.yesRevoke) {
          let yes = false;
          if (session.io.stdinIsTty) {
            session.io.stderr(`Revoking ${key.primaryUserId ?? key.fingerprint}\n  ${key.fingerprintGroups}\nA revocation cannot be undone: nobody will encrypt to this key again.\n`);
            yes = (await session.io.promptHidden('Type "revoke" to revoke it: ')).trim().toLowerCase() === 'revoke';
          }
          if (!yes) throw new CliFailure({ code: 'ConfirmationRequired', message: 'Revoking a key needs confirmation: add --yes-revoke (or answer "revoke" on a terminal).' }, EXIT_USAGE);
        }
        const outcome = await session.call('keyring.revoke', { fingerprint: key.fingerprint, reason, description: options.description, confirm: true });
        if (options.output) {
          try {
            await writeFile(options.output, outcome.revocationCertificate, { flag: 'wx', mode: 0o644 });
          } catch (error) {
            throw new CliFailure({ code: 'Conflict', message: `Cannot create ${options.output}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.` }, 1);
          }
        }
        if (session.options.json) return printJson(session.io, { ...outcome, ...(options.output ? { output: options.output } : {}) });
        session.io.stderr(`Revoked ${key.fingerprintGroups} (${reason}). Send the revoked key ("embargo keyring export ${key.fingerprint}") to your correspondents.\n`);
        if (!options.output) session.io.stdout(outcome.revocationCertificate);
      }),
    );

  keyring
    .command('import-revocation')
    .description("apply a correspondent's revocation certificate (gpg --gen-revoke, openpgp-revocs.d) to their key")
    .argument('<file>', 'the certificate ("-" reads it from standard input)')
    .action((file: string) =>
      run(async (session) => {
        const data = await readInput(session, file);
        await session.unlock();
        const key = await session.call('keyring.importRevocation', { data });
        if (session.options.json) return printJson(session.io, key);
        session.io.stdout(`Revoked ${key.fingerprint}  ${key.primaryUserId ?? ''}${key.revocationReason ? `: ${key.revocationReason}` : ''}\n`);
      }),
    );

  keyring
    .command('check')
    .description('can these keys receive encrypted mail now, and if not why')
    .argument('<fingerprint...>')
    .action((fingerprints: string[]) =>
      run(async (session) => {
        await session.unlock();
        const checks = await session.call('keyring.checkRecipients', { fingerprints });
        if (session.options.json) printJson(session.io, { recipients: checks });
        else for (const check of checks) session.io.stdout(`${check.ok ? 'ok  ' : 'NO  '} ${check.fingerprint}${check.reason ? `  ${check.reason}` : ''}\n`);
        return checks.every((check) => check.ok) ? 0 : 1;
      }),
    );
}
