// Removing a member: the shared case gets a new key (a new epoch) that the removed member's key
// cannot unwrap — tried with their real secret key in openpgp, in the keyring, and in the real
// gpg — while a remaining member's key opens it; what they could already read is listed, and
// revocation is said to be not retroactive.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import * as openpgp from 'openpgp';
import { makeCanary } from '../../helpers/canary.ts';
import { tempGpg } from '../keyring/gpg.ts';
import { ownKey } from '../../../src/core/team/team-keys.ts';
import { readTeamDocument, requireTeam } from '../../../src/core/team/team-store.ts';
import { logLabel } from '../../../src/core/team/remote-state.ts';
import { openWithKey } from '../../../src/core/team/team-crypto.ts';
import { runCli } from '../../helpers/cli.ts';
import { TEST_PASSPHRASE } from '../../helpers/core.ts';
import { git, gitEnv, makeTeam, syncAll, type Team } from './team-fixture.ts';

let team: Team | null = null;
afterEach(async () => {
  await team?.cleanup();
  team = null;
});

function blob(t: Team, memberId: string, name: string): Buffer {
  const commit = git(t.home, ['--git-dir', t.remote, 'rev-parse', `refs/embargo/${memberId}`]).trim();
  return execFileSync('git', ['--git-dir', t.remote, 'cat-file', 'blob', `${commit}:${name}`], { env: gitEnv(t.home) });
}

describe('a removed member', () => {
  it('cannot decrypt what came after the removal (openpgp, keyring and gpg with their real key); the Fix Lead gets what they could read', async () => {
    team = await makeTeam();
    const [alice, bob, carol] = team.members;
    const opened = await alice.call('case.create', { title: 'before the removal', disclosedAt: '2026-11-01T10:00:00Z', kind: 'private', profile: 'kubernetes-current' });
    const other = await alice.call('case.create', { title: 'never shared with Carol', disclosedAt: '2026-11-01T10:00:00Z', kind: 'private', profile: 'kubernetes-current' });
    await alice.call('team.share', { id: opened.id });
    await alice.call('team.share', { id: other.id, with: [bob.fingerprint] });
    await syncAll(team);
    const carolTeam = requireTeam(await readTeamDocument(carol.core.session));
    const [tag, carolCase] = Object.entries(carolTeam.cases)[0]!;
    const carolKeys = Object.values(carolCase.keys);
    expect(carolKeys.length).toBeGreaterThan(0);

    const info = await alice.call('team.removeMember', { fingerprint: carol.fingerprint });
    expect(info.members.map((m) => m.fingerprint)).not.toContain(carol.fingerprint);
    // What Carol could read: the case shared with her, not the one that never was.
    expect(info.removals).toHaveLength(1);
    expect(info.removals[0]!.couldRead.map((r) => r.caseId)).toEqual([opened.id]);
    const shared = info.cases.find((c) => c.caseId === opened.id)!;
    expect(shared.sharedWith).not.toContain(carolTeam.me);

    const canary = makeCanary();
    await alice.call('case.update', { id: opened.id, edits: { summary: `after the removal ${canary}` } });
    await alice.call('team.sync', {});
    await bob.call('team.sync', {});
    const bobView = (await bob.call('team.show', {})).cases.find((c) => c.tag === tag)!;
    expect((await bob.call('case.show', { id: bobView.caseId! })).summary).toBe(`after the removal ${canary}`);

    const aliceTeam = requireTeam(await readTeamDocument(alice.core.session));
    const index = Object.values(aliceTeam.cases).sort((a, b) => a.tag.localeCompare(b.tag)).findIndex((c) => c.tag === tag);
    const wrapped = blob(team, aliceTeam.me, `k${index}`);
    const sealedLog = blob(team, aliceTeam.me, `l${index}`);
    const epoch = aliceTeam.cases[tag]!.epoch;
    expect(epoch).toBeGreaterThan(carolCase.epoch);

    // openpgp with Carol's real secret key.
    const carolKey = (await ownKey(carol.core.session)).key;
    const message = await openpgp.readMessage({ binaryMessage: wrapped });
    await expect(openpgp.decrypt({ message, decryptionKeys: carolKey, format: 'binary' })).rejects.toThrow();
    // Her vault's keyring, which holds that key; Bob's opens the same bytes.
    const asCarol = await carol.result('keyring.decrypt', { data: { base64: wrapped.toString('base64') } });
    expect(asCarol.ok).toBe(false);
    if (!asCarol.ok) expect(['NoSecretKey', 'DecryptionFailed']).toContain(asCarol.error.code);
    expect((await bob.result('keyring.decrypt', { data: { base64: wrapped.toString('base64') } })).ok).toBe(true);
    // Every key Carol ever held for the case fails on the new log; the new key opens it.
    for (const key of carolKeys) expect(() => openWithKey(Buffer.from(key, 'base64'), logLabel(tag, aliceTeam.me, epoch), sealedLog)).toThrow();
    expect(openWithKey(Buffer.from(aliceTeam.cases[tag]!.keys[String(epoch)]!, 'base64'), logLabel(tag, aliceTeam.me, epoch), sealedLog).toString('utf8')).toContain(canary);

    // The real gpg, with Carol's secret key imported: no secret key for it. Bob's gpg decrypts.
    const carolGpg = await tempGpg();
    const bobGpg = await tempGpg();
    try {
      carolGpg.ok(['--import'], carolKey.armor());
      const refused = carolGpg.run(['--decrypt'], wrapped);
      expect(refused.status).not.toBe(0);
      expect(refused.statusLines.some((line) => line.includes('NO_SECKEY'))).toBe(true);
      expect(refused.statusLines.some((line) => line.includes('DECRYPTION_OKAY'))).toBe(false);
      bobGpg.ok(['--import'], (await ownKey(bob.core.session)).key.armor());
      const opened2 = bobGpg.run(['--decrypt'], wrapped);
      expect(opened2.statusLines.some((line) => line.includes('DECRYPTION_OKAY')), opened2.stderr).toBe(true);
    } finally {
      await carolGpg.cleanup();
      await bobGpg.cleanup();
    }

    // Carol syncing again gets nothing of it, whatever the sync says.
    await carol.result('team.sync', {});
    const carolCaseId = carolCase.localCaseId!;
    expect((await carol.call('case.show', { id: carolCaseId })).summary).not.toContain(canary);

    // The CLI says what she could read and that revocation is not retroactive.
    await alice.core.lock();
    const shown = await runCli(['--vault', alice.dir, '--no-agent', 'team', 'show'], { EMBARGO_PASSPHRASE: TEST_PASSPHRASE });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`removed ${carol.fingerprint} .*could read \\(not retroactive\\): ${opened.id}\\b`));
    expect(shown.stdout).not.toContain(other.id + '\n');
  }, 180_000);
});
