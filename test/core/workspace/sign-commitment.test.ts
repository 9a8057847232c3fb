// A commitment recorded while the vault had no own key (issue 14, item 1) can be signed later:
// the deliveries stay as recorded, the document names the signer, and after the Release Date the
// transparency record verifies with `gpg --verify` against the Fix Lead's public key alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { statusOf, tempGpg, type Gpg } from '../keyring/gpg.ts';
import { buildFix, buildUpstream, git } from './git-fixture.ts';
import { systemPorts } from '../../../src/core/ports.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const LEAD = { name: 'Fix Lead', email: 'lead@example.org' };

describe('signing an unsigned commitment later', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let gpg: Gpg;
  let caseId: string;
  let distributor: string;
  let start = new Date();
  const clock = { now: start };

  beforeAll(async () => {
    root = await tempDir('embargo-sign-commitment-');
    gpg = await tempGpg();
    const upstream = buildUpstream(root.path);
    const fix = buildFix(root.path, upstream, 'sign later');
    git(fix.repo, ['bundle', 'create', '-q', join(root.path, 'fix.bundle'), 'v1.6.0..fix']);
    distributor = gpg.generate('Distro Security <security@distro.example>', 'ed25519', 'cv25519');
    await new Promise((r) => setTimeout(r, 1100)); // the distributor's self-signature must not be in our future
    start = new Date();
    clock.now = start;
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF }, ports: { ...systemPorts, now: () => clock.now } });
    await vault.call('keyring.import', { data: { text: gpg.ok(['--armor', '--export', distributor]).stdout.toString('utf8') } });
    await vault.call('keyring.verify', { fingerprint: distributor });
    caseId = (await vault.call('case.create', { title: 'sign later', disclosedAt: '2026-01-10T09:00:00Z' })).id;
    await vault.call('case.update', { id: caseId, edits: { releaseDate: new Date(start.getTime() + 30 * 86_400_000).toISOString() } });
    await vault.call('workspace.import', { id: caseId, upstream });
    await vault.call('workspace.fix', { id: caseId, from: join(root.path, 'fix.bundle') });
    await vault.call('workspace.releaseBranches', { id: caseId, minors: ['1.6'], committer: LEAD });
    await vault.call('workspace.cherryPick', { id: caseId, onto: ['release-1.6'], committer: LEAD });
    // no own key yet: the export is encrypted to the distributor, the commitment is not signed
    await vault.call('workspace.exportPatches', { id: caseId, output: join(root.path, 'to-distros'), encryptTo: [distributor] });
  }, 180_000);

  afterAll(async () => {
    await vault?.cleanup();
    await gpg?.cleanup();
    await root?.remove();
  });

  it('is refused with NoSecretKey while the vault has no own key, and nothing changes', async () => {
    const before = await vault.call('workspace.commitment', { id: caseId });
    expect(before).toMatchObject({ recorded: true, signed: false, signer: null });
    const refused = await vault.dispatch('workspace.signCommitment', { id: caseId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('NoSecretKey');
    expect(await vault.call('workspace.commitment', { id: caseId })).toEqual(before);
  });

  it('signs it with the key the vault has now, keeps the deliveries, and gpg verifies the published record', async () => {
    const before = await vault.call('workspace.commitment', { id: caseId });
    const own = (await vault.call('keyring.generate', LEAD)).fingerprint;
    const signed = await vault.call('workspace.signCommitment', { id: caseId });
    expect(signed).toMatchObject({ recorded: true, signed: true, signer: own.toUpperCase() });
    expect(signed.deliveries).toEqual(before.deliveries);
    expect(signed.branches).toEqual(before.branches);
    expect(signed.recordedAt).toBe(before.recordedAt);
    const again = await vault.dispatch('workspace.signCommitment', { id: caseId });
    expect(again.ok ? null : again.error.code).toBe('Conflict');
    const events = (await vault.call('case.timeline', { id: caseId })).filter((e) => e.type === 'workspace.commitment-signed');
    expect(events).toHaveLength(1);

    clock.now = new Date(start.getTime() + 31 * 86_400_000);
    try {
      const exported = await vault.call('advisory.transparency', { id: caseId, output: join(root.path, 'public') });
      const verifier = await tempGpg();
      try {
        verifier.ok(['--import'], (await vault.call('keyring.exportPublic', { fingerprint: own })).armored);
        const verified = verifier.run(['--verify', exported.signature, exported.document]);
        expect(verified.status, verified.stderr).toBe(0);
        expect(statusOf(verified, 'VALIDSIG')[0]).toContain(own.toUpperCase());
        expect(JSON.parse(readFileSync(exported.document, 'utf8'))).toMatchObject({ signer: own.toUpperCase() });
      } finally {
        await verifier.cleanup();
      }
    } finally {
      clock.now = start;
    }
  });
});
