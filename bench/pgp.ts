// PGP benchmark: encrypt and sign a 100 MB file to 1 and to 30 recipients, ours (openpgp.js,
// streaming file to file) and GnuPG in the same run, with the same keys, the same signing key
// and the same output format (armored, AES-256, SHA-512, uncompressed); then decrypt and verify
// the 1-recipient file both ways. Prints times, throughput, our peak RSS and the ratio
// ours/gpg. Figures only, no assertions. Size: PGP_BENCH_MB (default 100).
//
//   npm run bench -- pgp        (once registered in bench/run.ts)
//   node --import tsx bench/pgp.ts
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/core/create-core.ts';
import { createDispatch } from '../src/shared/contract/dispatch.ts';
import { exportSecretKey } from '../src/core/keyring/export-key.ts';
import { decryptFile, encryptFile } from '../src/core/keyring/files.ts';
import { fmt, printRows, timeMs } from './lib.ts';

const SIZE_MB = Number(process.env.PGP_BENCH_MB ?? 100);
const RECIPIENT_COUNTS = [1, 30];
const EXPORT_PASSPHRASE = 'benchmark export passphrase';

async function writeRandomFile(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'w');
  try {
    const chunk = 4 * 1024 * 1024;
    for (let written = 0; written < bytes; written += chunk) await handle.write(randomBytes(Math.min(chunk, bytes - written)));
  } finally {
    await handle.close();
  }
}

/** Peak resident memory of this process while `work` runs, sampled every 10 ms. */
async function withPeakRss(work: () => Promise<unknown>): Promise<{ ms: number; peakMb: number; startMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const ms = await timeMs(work);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ms, peakMb: peak / 1e6, startMb: start / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

export async function runPgpBench(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'embargo-pgp-bench-'));
  const home = await mkdtemp(join(tmpdir(), 'egpgb-'));
  const gpg = (args: string[], input?: string) => {
    const result = spawnSync('gpg', ['--homedir', home, '--batch', '--no-tty', ...args], { input, maxBuffer: 64 * 1024 * 1024, env: { PATH: process.env.PATH, GNUPGHOME: home } });
    if (result.status !== 0) throw new Error(`gpg ${args.join(' ')}: ${result.stderr.toString()}`);
    return result.stdout.toString();
  };
  const core = createCore({ vaultDir: join(root, 'vault'), createOptions: { kdf: { algorithm: 'argon2id', memoryKiB: 8192, iterations: 1, parallelism: 1 } } });
  const call = createDispatch(core.handlers);
  const must = async (method: string, input: unknown) => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };
  try {
    console.log(`PGP: encrypt+sign ${SIZE_MB} MB to 1 and 30 recipients, embargo (openpgp.js, streaming) vs gpg ${gpg(['--version']).split('\n')[0]!.split(' ').pop()}`);
    await must('vault.create', { passphrase: 'benchmark passphrase' });
    const own = String((await must('keyring.generate', { name: 'Bench Lead', email: 'lead@bench.example' })).fingerprint);

    // 30 recipients made by gpg (Ed25519 + Cv25519), shared by both tools.
    const noPass = ['--pinentry-mode', 'loopback', '--passphrase', ''];
    const recipients: string[] = [];
    for (let n = 0; n < Math.max(...RECIPIENT_COUNTS); n += 1) {
      const uid = `Recipient ${n} <r${n}@bench.example>`;
      gpg([...noPass, '--quick-gen-key', uid, 'ed25519', 'cert,sign', 'never']);
      const fpr = gpg(['--with-colons', '--list-keys', `r${n}@bench.example`]).split('\n').find((l) => l.startsWith('fpr:'))!.split(':')[9]!;
      gpg([...noPass, '--quick-add-key', fpr, 'cv25519', 'encr', 'never']);
      recipients.push(fpr);
    }
    await must('keyring.import', { data: { text: gpg(['--armor', '--export', ...recipients]) } });
    for (const fingerprint of recipients) await must('keyring.verify', { fingerprint });
    // The first recipient's secret, so we can decrypt what both tools wrote to it.
    await must('keyring.import', { data: { text: gpg([...noPass, '--armor', '--export-secret-keys', recipients[0]!]) } });
    await must('keyring.setOwn', { fingerprint: own });
    // Our signing key into gpg, so both sign with the same key.
    const secret = await exportSecretKey(core.session, { fingerprint: own, passphrase: EXPORT_PASSPHRASE, confirmed: true });
    gpg(['--pinentry-mode', 'loopback', '--passphrase', EXPORT_PASSPHRASE, '--import'], secret);

    const input = join(root, 'input.bin');
    await writeRandomFile(input, SIZE_MB * 1024 * 1024);
    const rows: [string, ...string[]][] = [['operation', 'embargo', 'gpg', 'ratio embargo/gpg', 'embargo MB/s', 'embargo RSS start → peak']];
    const gpgEncrypt = ['--pinentry-mode', 'loopback', '--passphrase', EXPORT_PASSPHRASE, '--trust-model', 'always', '--armor', '--compress-algo', 'none'];
    gpgEncrypt.push('--cipher-algo', 'AES256', '--digest-algo', 'SHA512', '--local-user', own, '--sign', '--encrypt');
    // Warm up both (gpg-agent start, passphrase cache; openpgp.js's lazy crypto set-up).
    const tiny = join(root, 'tiny.bin');
    await writeRandomFile(tiny, 1024);
    gpg([...gpgEncrypt, '--recipient', recipients[0]!, '--yes', '--output', `${tiny}.asc`, tiny]);
    await encryptFile(core.session, tiny, { path: `${tiny}.ours.asc`, overwrite: true }, { to: [recipients[0]!], sign: true, encryptToSelf: false, allowUnverified: false });
    for (const count of RECIPIENT_COUNTS) {
      const to = recipients.slice(0, count);
      const ours = join(root, `ours-${count}.asc`);
      const theirs = join(root, `gpg-${count}.asc`);
      const mine = await withPeakRss(() =>
        encryptFile(core.session, input, { path: ours, overwrite: true }, { to, sign: true, encryptToSelf: false, allowUnverified: false }),
      );
      const reference = await timeMs(async () => gpg([...gpgEncrypt, ...to.flatMap((fpr) => ['--recipient', fpr]), '--yes', '--output', theirs, input]));
      rows.push([
        `encrypt+sign, ${count} recipient${count > 1 ? 's' : ''}`,
        fmt(mine.ms),
        fmt(reference),
        (mine.ms / reference).toFixed(2),
        (SIZE_MB / (mine.ms / 1000)).toFixed(0),
        `${mine.startMb.toFixed(0)} → ${mine.peakMb.toFixed(0)} MB`,
      ]);
      if (count === 1) {
        const out = join(root, 'ours-1.out');
        const decrypt = await withPeakRss(() => decryptFile(core.session, ours, { path: out, overwrite: true }));
        const reference = await timeMs(async () => gpg(['--yes', '--output', join(root, 'gpg-1.out'), '--decrypt', theirs]));
        const same = (await stat(out)).size === SIZE_MB * 1024 * 1024;
        rows.push([
          'decrypt+verify, 1 recipient',
          fmt(decrypt.ms),
          fmt(reference),
          (decrypt.ms / reference).toFixed(2),
          (SIZE_MB / (decrypt.ms / 1000)).toFixed(0),
          `${decrypt.startMb.toFixed(0)} → ${decrypt.peakMb.toFixed(0)} MB${same ? '' : ' (SIZE MISMATCH)'}`,
        ]);
      }
    }
    printRows(`${SIZE_MB} MB, armored, AES-256, SHA-512, no compression (ratio > 1: embargo is slower)`, rows);
  } finally {
    await core.lock();
    spawnSync('gpgconf', ['--homedir', home, '--kill', 'all'], { env: { PATH: process.env.PATH, GNUPGHOME: home } });
    await rm(home, { recursive: true, force: true });
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runPgpBench();
