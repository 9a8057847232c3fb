// A vault ready to write mail: the Fix Lead's own key, two distributors whose keys live in
// real GnuPG homes, a Fix Team engineer with a key, the PST roster, and a well-filled case
// (optionally with a patch-release branch in its workspace). The clock is a port the test
// moves; it stays at or before the real time, because gpg refuses signatures from the future.
import { join } from 'node:path';
import type { CaseEdits } from '../../../src/shared/contract/index.ts';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { WELL_FILLED } from '../advisory/case-fixture.ts';
import { tempGpg, type Gpg } from '../keyring/gpg.ts';
import { buildFix, buildUpstream, git } from '../workspace/git-fixture.ts';

export const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Party {
  gpg: Gpg;
  fingerprint: string;
  email: string;
  personId: string;
}

export interface MailWorld {
  vault: Awaited<ReturnType<typeof freshVault>>;
  work: Awaited<ReturnType<typeof tempDir>>;
  clock: { now: number; set(ms: number): void };
  /** The real time the world was made at; the clock never passes it. */
  start: number;
  own: string;
  /** Two distributors (an Ed25519/Cv25519 key and an RSA-3072 key) and a Fix Team engineer. */
  acme: Party & { memberId: string };
  globex: Party & { memberId: string };
  engineer: Party;
  caseId: string;
  cleanup(): Promise<void>;
}

/** A gpg key made `createdAt` (the vault's clock runs in the past: the key must exist by then). */
function generateAt(gpg: Gpg, userId: string, primary: string, subkey: string, createdAt: number): string {
  const options = ['--pinentry-mode', 'loopback', '--passphrase', '', '--faked-system-time', `${Math.floor(createdAt / 1000)}!`];
  gpg.ok([...options, '--quick-gen-key', userId, primary, 'cert,sign', 'never']);
  const fingerprint = gpg.fingerprintOf(userId);
  gpg.ok([...options, '--quick-add-key', fingerprint, subkey, 'encr', 'never']);
  return fingerprint;
}

async function party(
  vault: MailWorld['vault'],
  createdAt: number,
  name: string,
  email: string,
  primary: string,
  subkey: string,
  roles: ('fix-team' | 'distributor-contact')[],
): Promise<Party> {
  const gpg = await tempGpg();
  const fingerprint = generateAt(gpg, `${name} <${email}>`, primary, subkey, createdAt);
  await vault.call('keyring.import', { data: { text: gpg.ok(['--armor', '--export', fingerprint]).stdout.toString() } });
  await vault.call('keyring.verify', { fingerprint });
  const person = await vault.call('people.add', { name, emails: [email], roles, fingerprints: [fingerprint] });
  return { gpg, fingerprint, email, personId: person.id };
}

export async function mailWorld(options: { edits?: CaseEdits; patches?: boolean; releaseInDays?: number } = {}): Promise<MailWorld> {
  const start = Date.now();
  const clock = {
    now: start - 10 * DAY,
    set(ms: number) {
      if (ms > start) throw new Error('the test clock must not pass the real time (gpg refuses signatures from the future)');
      clock.now = ms;
    },
  };
  const { randomBytes } = await import('node:crypto');
  const vault = await freshVault({
    createOptions: { kdf: CHEAP_KDF, actorName: 'Chiara Bellini' },
    ports: { now: () => new Date(clock.now), randomBytes: (n) => new Uint8Array(randomBytes(n)) },
  });
  const work = await tempDir('embargo-mail-work-');
  const own = (await vault.call('keyring.generate', { name: 'Chiara Bellini', email: 'chiara@example.org' })).fingerprint;
  const acme = await party(vault, start - 30 * DAY, 'Acme Security', 'security@acme.example', 'ed25519', 'cv25519', ['distributor-contact']);
  const globex = await party(vault, start - 30 * DAY, 'Globex PSIRT', 'psirt@globex.example', 'rsa3072', 'rsa3072', ['distributor-contact']);
  const engineer = await party(vault, start - 30 * DAY, 'Jonas Weber', 'jonas@example.net', 'ed25519', 'cv25519', ['fix-team']);
  const ownPublic = (await vault.call('keyring.exportPublic', { fingerprint: own })).armored;
  for (const p of [acme, globex, engineer]) p.gpg.ok(['--import'], ownPublic);
  const acmeMember = await vault.call('distributors.addMember', { organisation: 'Acme Linux', distribution: 'Acme Kubernetes Engine', contacts: [acme.personId] });
  const globexMember = await vault.call('distributors.addMember', { organisation: 'Globex', distribution: 'Globex Container Platform', contacts: [globex.personId] });
  const lead = await vault.call('roster.addMember', { name: 'Chiara Bellini', contact: 'chiara@example.org', fingerprint: own });

  const opened = await vault.call('case.create', { title: 'Kubelet subPath symlink escape', disclosedAt: new Date(clock.now - 2 * DAY).toISOString() });
  await vault.call('roster.takeFixLead', { caseId: opened.id, memberId: lead.id });
  const releaseDate = new Date(start + (options.releaseInDays ?? 5) * DAY);
  releaseDate.setUTCHours(16, 0, 0, 0);
  await vault.call('case.update', {
    id: opened.id,
    edits: {
      ...WELL_FILLED,
      releaseDate: releaseDate.toISOString(),
      embargo: { deployBeforeRelease: false, patchUnderEmbargo: true, hostedServiceExceptions: 'Hosted providers may deploy 24 hours early, silently.' },
      people: { fixLead: lead.id, fixTeam: [engineer.personId, 'Kemal Aydin (sig-auth)'], releaseManagers: [], reporter: 'Ada Lovelace' },
      links: [{ label: 'Release binaries', url: 'https://github.com/kubernetes/kubernetes/releases' }],
      ...options.edits,
    },
  });

  if (options.patches) {
    const upstream = buildUpstream(work.path);
    const fix = buildFix(work.path, upstream, 'mail-fixture');
    git(fix.repo, ['bundle', 'create', '-q', join(work.path, 'fix.bundle'), 'v1.6.0..fix']);
    await vault.call('workspace.import', { id: opened.id, upstream });
    await vault.call('workspace.fix', { id: opened.id, from: join(work.path, 'fix.bundle') });
    await vault.call('workspace.releaseBranches', { id: opened.id, minors: ['1.6'], committer: { name: 'Chiara Bellini', email: 'chiara@example.org' } });
  }

  return {
    vault,
    work,
    clock,
    start,
    own,
    acme: { ...acme, memberId: acmeMember.id },
    globex: { ...globex, memberId: globexMember.id },
    engineer,
    caseId: opened.id,
    cleanup: async () => {
      await vault.cleanup();
      await work.remove();
      for (const p of [acme, globex, engineer]) await p.gpg.cleanup();
    },
  };
}
