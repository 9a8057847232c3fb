// The embargo commitment (issue 14, item 1), against the real tools: its patch-ids are the ones
// `git patch-id --stable` computes, the release-day check reports a changed patch, an added
// commit and a missing branch in bundles real git made, and after the Release Date the
// transparency record is a JSON document and a signature `gpg --verify` accepts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { statusOf, tempGpg, type Gpg } from '../keyring/gpg.ts';
import { buildFix, buildUpstream, commitAll, git, write } from './git-fixture.ts';
import { systemPorts } from '../../../src/core/ports.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const LEAD = { name: 'Fix Lead', email: 'lead@example.org' };
const CANARY = 'CANARY-commitment-7f3a';
// the real clock (gpg checks key and signature times against it), the Release Date a month on
let START = new Date();
let RELEASE = '';

type Vault = Awaited<ReturnType<typeof freshVault>>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('the embargo commitment', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let upstream: string;
  let vault: Vault;
  let gpg: Gpg;
  let caseId: string;
  let distributor: string;
  let ownFingerprint: string;
  let patchDir: string;
  const clock = { now: START };

  beforeAll(async () => {
    root = await tempDir('embargo-commitment-');
    gpg = await tempGpg();
    upstream = buildUpstream(root.path);
    const fix = buildFix(root.path, upstream, CANARY);
    git(fix.repo, ['bundle', 'create', '-q', join(root.path, 'fix.bundle'), 'v1.6.0..fix']);
    distributor = gpg.generate('Distro Security <security@distro.example>', 'ed25519', 'cv25519');
    // after the distributor's key was made (its self-signature must not be in our future)
    await new Promise((r) => setTimeout(r, 1100));
    START = new Date();
    RELEASE = new Date(START.getTime() + 30 * 86_400_000).toISOString();
    clock.now = START;
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF }, ports: { ...systemPorts, now: () => clock.now } });
    ownFingerprint = (await vault.call('keyring.generate', { name: 'Fix Lead', email: 'lead@example.org' })).fingerprint;
    await vault.call('keyring.import', { data: { text: gpg.ok(['--armor', '--export', distributor]).stdout.toString('utf8') } });
    await vault.call('keyring.verify', { fingerprint: distributor });
    caseId = (await vault.call('case.create', { title: `commitment ${CANARY}`, disclosedAt: '2026-01-10T09:00:00Z' })).id;
    await vault.call('case.update', { id: caseId, edits: { cve: 'CVE-2026-51515', releaseDate: RELEASE } });
    await vault.call('workspace.import', { id: caseId, upstream });
    await vault.call('workspace.fix', { id: caseId, from: join(root.path, 'fix.bundle') });
    await vault.call('workspace.releaseBranches', { id: caseId, minors: ['1.6'], committer: LEAD });
    await vault.call('workspace.cherryPick', { id: caseId, onto: ['release-1.6'], committer: LEAD });
    patchDir = join(root.path, 'to-distros');
    await vault.call('workspace.exportPatches', { id: caseId, output: patchDir, encryptTo: [distributor] });
  }, 180_000);

  afterAll(async () => {
    await vault?.cleanup();
    await gpg?.cleanup();
    await root?.remove();
  });

  /** The exported series of a branch, decrypted by the distributor's gpg. */
  function received(branchFile: string): Buffer {
    return gpg.ok(['--decrypt'], readFileSync(join(patchDir, `${branchFile}.asc`))).stdout;
  }

  it('is recorded on the encrypted export, signed, with what each recipient received, and on the timeline', async () => {
    const commitment = await vault.call('workspace.commitment', { id: caseId });
    expect(commitment.recorded).toBe(true);
    expect(commitment.signed).toBe(true);
    expect(commitment.signer).toBe(ownFingerprint.toUpperCase());
    expect(commitment.releaseDate).toBe(RELEASE);
    expect(commitment.branches.map((b) => b.name)).toEqual(['release-1.6', 'v1.6.1']);
    expect(commitment.deliveries).toHaveLength(1);
    expect(commitment.deliveries[0]!.keys).toEqual([distributor]);
    expect(commitment.deliveries[0]!.files.map((f) => f.name).sort()).toEqual(['51515_v1.6.1.patch', '51515_v1.6.patch']);
    // the SHA-256 of each file is that of what the distributor decrypts
    for (const branch of commitment.branches) {
      const [file] = branch.files;
      expect(createHashHex(received(file!.name))).toBe(file!.sha256);
    }
    const events = (await vault.call('case.timeline', { id: caseId })).filter((e) => e.type === 'workspace.commitment-recorded');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ signed: true, via: 'patches', keys: [distributor] });
  });

  it('holds the patch-ids git patch-id --stable computes', async () => {
    const commitment = await vault.call('workspace.commitment', { id: caseId });
    for (const branch of commitment.branches) {
      const out = git(root.path, ['patch-id', '--stable'], { input: received(branch.files[0]!.name) });
      const ids = out
        .trim()
        .split('\n')
        .map((line) => line.split(' ')[0]);
      expect(ids).toEqual(branch.commits.map((c) => c.patchId));
    }
  });

  it('stays sealed in the vault: no canary, CVE ID or patch-id in clear on disk', async () => {
    const commitment = await vault.call('workspace.commitment', { id: caseId });
    const needles = [CANARY, 'CVE-2026-51515', commitment.branches[0]!.commits[0]!.patchId, 'embargo-commitment'];
    for (const file of [...filesUnder(vault.dir), ...filesUnder(patchDir)]) {
      const bytes = readFileSync(file).toString('latin1');
      for (const needle of needles) expect(bytes.includes(needle), `${needle} in ${file}`).toBe(false);
    }
  });

  describe('release-check against the commitment', () => {
    /** A repository where the distributor applied what they received, one ref per branch. */
    async function merged(name: string, change: (repo: string) => void): Promise<string> {
      const commitment = await vault.call('workspace.commitment', { id: caseId });
      const repo = join(root.path, `merged-${name}`);
      git(root.path, ['clone', '-q', upstream, repo]);
      for (const branch of commitment.branches) {
        git(repo, ['checkout', '-q', '-B', branch.name, branch.base]);
        git(repo, ['am', '-q'], { input: received(branch.files[0]!.name) });
      }
      change(repo);
      const bundle = join(root.path, `${name}.bundle`);
      const heads = git(repo, ['for-each-ref', '--format=%(refname)', 'refs/heads/release-1.6', 'refs/heads/v1.6.1']).trim().split('\n').filter(Boolean);
      git(repo, ['bundle', 'create', '-q', bundle, ...heads, ...commitment.branches.map((b) => `^${b.base}`)]);
      return bundle;
    }

    it('passes when what was merged is what distributors got', async () => {
      const report = await vault.call('workspace.releaseCheck', { id: caseId, bundle: await merged('good', () => undefined) });
      expect(report.findings).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.signed).toBe(true);
      expect(report.branches.every((b) => b.matched === b.committed && b.committed === 3)).toBe(true);
    });

    it('reports one changed patch', async () => {
      const bundle = await merged('changed', (repo) => {
        git(repo, ['checkout', '-q', 'release-1.6']);
        write(repo, 'pkg/secure/check.go', `${readFileSync(join(repo, 'pkg/secure/check.go'), 'utf8')}// changed after the notice\n`);
        git(repo, ['add', '-A']);
        git(repo, ['commit', '-q', '--amend', '--no-edit']);
      });
      const report = await vault.call('workspace.releaseCheck', { id: caseId, bundle });
      expect(report.ok).toBe(false);
      expect(report.findings).toHaveLength(1);
      expect(report.findings[0]).toMatchObject({ kind: 'changed-patch', branch: 'release-1.6', subject: 'secure: harden the check, new logo' });
    });

    it('reports one added commit', async () => {
      const bundle = await merged('added', (repo) => {
        git(repo, ['checkout', '-q', 'v1.6.1']);
        write(repo, 'pkg/extra.go', 'package extra\n');
        commitAll(repo, 'an extra commit nobody was given');
      });
      const report = await vault.call('workspace.releaseCheck', { id: caseId, bundle });
      expect(report.findings).toHaveLength(1);
      expect(report.findings[0]).toMatchObject({ kind: 'added-commit', branch: 'v1.6.1', subject: 'an extra commit nobody was given', committed: null });
    });

    it('reports one missing branch', async () => {
      const bundle = await merged('missing', (repo) => {
        git(repo, ['checkout', '-q', 'release-1.6']);
        git(repo, ['branch', '-D', 'v1.6.1']);
      });
      const report = await vault.call('workspace.releaseCheck', { id: caseId, bundle });
      expect(report.findings).toEqual([expect.objectContaining({ kind: 'missing-branch', branch: 'v1.6.1' })]);
      const events = (await vault.call('case.timeline', { id: caseId })).filter((e) => e.type === 'workspace.release-checked');
      expect(events.at(-1)!.data).toMatchObject({ ok: false });
    });
  });

  describe('advisory transparency', () => {
    it('refuses before the Release Date with EmbargoActive, writing nothing', async () => {
      const out = join(root.path, 'public-early');
      const result = await vault.result('advisory.transparency', { id: caseId, output: out });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('EmbargoActive');
      expect(() => readdirSync(out)).toThrow();
    });

    it('after the Release Date exports JSON and a detached signature that gpg --verify accepts', async () => {
      clock.now = new Date(START.getTime() + 31 * 86_400_000);
      try {
        const out = join(root.path, 'public');
        const exported = await vault.call('advisory.transparency', { id: caseId, output: out });
        const document = JSON.parse(readFileSync(exported.document, 'utf8')) as { format: string; cve: string; releaseDate: string; branches: unknown[]; deliveries: unknown[] };
        expect(document).toMatchObject({ format: 'embargo-commitment', cve: 'CVE-2026-51515', releaseDate: RELEASE });
        expect(document.branches).toHaveLength(2);
        // a fresh GNUPGHOME that knows only the Fix Lead's public key
        const verifier = await tempGpg();
        try {
          verifier.ok(['--import'], (await vault.call('keyring.exportPublic', { fingerprint: ownFingerprint })).armored);
          const verified = verifier.run(['--verify', exported.signature, exported.document]);
          expect(verified.status, verified.stderr).toBe(0);
          expect(statusOf(verified, 'GOODSIG')).toHaveLength(1);
          expect(statusOf(verified, 'VALIDSIG')[0]).toContain(ownFingerprint.toUpperCase());
          // a changed byte no longer verifies
          const tampered = join(out, 'tampered.json');
          writeFileSync(tampered, readFileSync(exported.document, 'utf8').replace('release-1.6', 'release-1.7'));
          expect(verifier.run(['--verify', exported.signature, tampered]).status).not.toBe(0);
        } finally {
          await verifier.cleanup();
        }
        const events = (await vault.call('case.timeline', { id: caseId })).filter((e) => e.type === 'advisory.transparency-exported');
        expect(events).toHaveLength(1);
      } finally {
        clock.now = START;
      }
    });
  });
});

function createHashHex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
