// The distributors list through the contract: founding members, membership requests checked
// against the nine criteria with evidence and vouching, decisions, removals, leak counts, and
// the keyring health that must hold before anything is sent to the list.
import * as openpgp from 'openpgp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEMBERSHIP_CRITERIA } from '../../../src/shared/contract/distributors.ts';
import { freshVault } from '../../helpers/core.ts';

const DAY = 24 * 60 * 60;

async function keyFor(name: string, options: { created?: Date; expiresIn?: number } = {}) {
  const { publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org` }],
    date: options.created ?? new Date(),
    keyExpirationTime: options.expiresIn ?? 0,
    format: 'object',
  });
  return { armored: publicKey.armor(), fingerprint: publicKey.getFingerprint().toUpperCase() };
}

describe('distributors list', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  beforeEach(async () => {
    vault = await freshVault();
  });
  afterEach(async () => vault.cleanup());

  /** A person with an imported key, verified or not. */
  async function contact(name: string, options: { verified?: boolean; created?: Date; expiresIn?: number } = {}) {
    const key = await keyFor(name, options);
    await vault.call('keyring.import', { data: { text: key.armored } });
    if (options.verified ?? true) await vault.call('keyring.verify', { fingerprint: key.fingerprint });
    const person = await vault.call('people.add', { name, roles: ['distributor-contact'], fingerprints: [key.fingerprint] });
    return { person, key };
  }

  it('lists the nine criteria of the reference text, in order', async () => {
    const criteria = await vault.call('distributors.criteria', {});
    expect(criteria.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(criteria[0]!.text).toBe('Be an actively maintained distribution of kubernetes components.');
    expect(criteria[8]!.text).toMatch(/^Have someone already on the list vouch/);
  });

  it('health: every member must have a verified, valid, non-weak encryption key, else the list says who cannot and why', async () => {
    const good = await contact('Good Contact');
    const unverified = await contact('Unverified Contact', { verified: false });
    const expired = await contact('Expired Contact', { created: new Date(Date.now() - 400 * DAY * 1000), expiresIn: 30 * DAY });
    const noKey = await vault.call('people.add', { name: 'Keyless Contact', roles: ['distributor-contact'] });
    const alpha = await vault.call('distributors.addMember', { organisation: 'Alpha', distribution: 'AlphaK8s', contacts: [good.person.id, unverified.person.id] });
    const beta = await vault.call('distributors.addMember', { organisation: 'Beta', distribution: 'BetaK8s', contacts: [expired.person.id, noKey.id] });
    const gamma = await vault.call('distributors.addMember', { organisation: 'Gamma', distribution: 'GammaK8s' });

    expect(alpha.health).toMatchObject({ ok: true, recipients: [good.key.fingerprint] });
    expect(alpha.health.problems).toEqual([{ fingerprint: unverified.key.fingerprint, personId: unverified.person.id, reason: 'its fingerprint is not verified' }]);
    expect(beta.health.ok).toBe(false);
    expect(beta.health.problems.map((p) => p.reason)).toEqual(['Keyless Contact has no key', expect.stringMatching(/^it expired on /)]);
    expect(gamma.health).toMatchObject({ ok: false, problems: [{ reason: 'no contact and no key' }] });

    const health = await vault.call('distributors.health', {});
    expect(health.ok).toBe(false);
    expect(health.cannotReceive.map((m) => m.organisation)).toEqual(['Beta', 'Gamma']);
    expect(health.recipients).toEqual([good.key.fingerprint]);

    // Fixing the keys makes the list healthy; removed members do not count.
    const teamKey = await keyFor('Beta Security Team');
    await vault.call('keyring.import', { data: { text: teamKey.armored } });
    await vault.call('keyring.verify', { fingerprint: teamKey.fingerprint });
    await vault.call('distributors.updateMember', { id: beta.id, fingerprints: [teamKey.fingerprint] });
    await vault.call('distributors.removeMember', { id: gamma.id, reason: 'no longer ships Kubernetes' });
    const healed = await vault.call('distributors.health', {});
    expect(healed).toMatchObject({ ok: true, cannotReceive: [] });
    expect(new Set(healed.recipients)).toEqual(new Set([good.key.fingerprint, teamKey.fingerprint]));
    // …and a message to the list is encrypted to exactly those keys.
    const sent = await vault.call('keyring.encrypt', { to: healed.recipients, data: { text: 'patches' }, encryptToSelf: false });
    expect(new Set(sent.recipients)).toEqual(new Set(healed.recipients));
  });

  it('a request is accepted only with all nine criteria met and a vouch from a current member’s contact', async () => {
    const voucher = await contact('Crash Override');
    await vault.call('distributors.addMember', { organisation: 'Founders', distribution: 'FoundersK8s', contacts: [voucher.person.id] });
    const requester = await contact('Acid Burn');
    const request = await vault.call('distributors.openRequest', {
      organisation: 'Seven-Corp',
      distribution: 'Seven',
      requester: requester.person.id,
      evidence: { 'maintained-distribution': 'We distribute "Seven" since 1999 [link]', 'accepts-embargo': 'We accept.' },
    });
    expect(request.id).toMatch(/^req-[0-9a-f]{8}$/);
    expect(request.criteria).toHaveLength(9);
    expect(request.criteria[0]).toMatchObject({ number: 1, evidence: 'We distribute "Seven" since 1999 [link]', met: null });
    expect(request.criteria[5]).toMatchObject({ criterion: 'accepts-embargo', evidence: 'We accept.', met: null });

    // Criterion 9 needs a recorded vouch; the requester cannot vouch; nor can a non-member.
    expect(await vault.result('distributors.assess', { requestId: request.id, criterion: 'vouched', met: true })).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    expect(await vault.result('distributors.vouch', { requestId: request.id, voucher: requester.person.id })).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    for (const criterion of MEMBERSHIP_CRITERIA.slice(0, 8)) {
      await vault.call('distributors.assess', { requestId: request.id, criterion: criterion.id, met: true });
    }
    expect(await vault.result('distributors.decide', { requestId: request.id, outcome: 'accepted', reason: 'meets all' })).toMatchObject({
      ok: false,
      error: { code: 'Conflict', data: { unmet: ['vouched'] } },
    });
    const vouched = await vault.call('distributors.vouch', { requestId: request.id, voucher: voucher.person.id, note: 'known for years' });
    expect(vouched.vouch).toMatchObject({ personId: voucher.person.id, note: 'known for years' });
    expect(vouched.criteria[8]).toMatchObject({ met: true, evidence: 'Vouched for by Crash Override of Founders: known for years' });

    const decided = await vault.call('distributors.decide', { requestId: request.id, outcome: 'accepted', reason: 'meets all nine' });
    expect(decided.request.decision).toMatchObject({ outcome: 'accepted', reason: 'meets all nine', memberId: decided.member!.id });
    expect(decided.member).toMatchObject({ organisation: 'Seven-Corp', via: 'request', requestId: request.id, contacts: [requester.person.id], status: 'member' });
    expect(decided.member!.health.ok).toBe(true);
    // Decisions are final.
    expect(await vault.result('distributors.decide', { requestId: request.id, outcome: 'rejected', reason: 'changed mind' })).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    expect(await vault.result('distributors.assess', { requestId: request.id, criterion: 'user-base', met: false })).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    expect((await vault.call('distributors.requests', { open: false })).map((r) => r.id)).toEqual([request.id]);
  });

  it('a rejection needs a reason and records which criteria failed', async () => {
    const requester = await contact('Rebuilder');
    const request = await vault.call('distributors.openRequest', { organisation: 'Rebuild Inc', distribution: 'Rebuild', requester: requester.person.id });
    await vault.call('distributors.assess', { requestId: request.id, criterion: 'not-downstream', met: false, evidence: 'a rebuild of Seven' });
    expect(await vault.result('distributors.decide', { requestId: request.id, outcome: 'rejected', reason: ' ' })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    const decided = await vault.call('distributors.decide', { requestId: request.id, outcome: 'rejected', reason: 'criterion 4: a rebuild' });
    expect(decided.member).toBeNull();
    expect(decided.request.criteria[3]).toMatchObject({ met: false, evidence: 'a rebuild of Seven' });
    expect(await vault.call('distributors.list', {})).toEqual([]);
  });

  it('counts each leak once per case and removes a member with the reason', async () => {
    const member = await vault.call('distributors.addMember', { organisation: 'Leaky', distribution: 'LeakyK8s' });
    const caseRecord = await vault.call('case.create', { title: 'Kubelet escape', disclosedAt: '2026-11-20T09:00:00Z' });
    await vault.call('distributors.recordLeak', { id: member.id, caseId: caseRecord.id, leakId: 'leak-1', note: 'patch on a public mirror' });
    await vault.call('distributors.recordLeak', { id: member.id, caseId: caseRecord.id, leakId: 'leak-1' });
    const twice = await vault.call('distributors.recordLeak', { id: member.id, caseId: caseRecord.id, leakId: 'leak-2' });
    expect(twice.leakCount).toBe(2);
    expect(twice.leaks.map((leak) => leak.leakId)).toEqual(['leak-1', 'leak-2']);
    expect(await vault.result('distributors.recordLeak', { id: member.id, caseId: 'EMB-9999', leakId: 'x' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });

    const removed = await vault.call('distributors.removeMember', { id: member.id, reason: 'leaked twice (EMB-0001)' });
    expect(removed).toMatchObject({ status: 'removed', removalReason: 'leaked twice (EMB-0001)', leakCount: 2 });
    expect(await vault.result('distributors.removeMember', { id: member.id, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    expect(await vault.call('distributors.list', {})).toEqual([]);
    expect((await vault.call('distributors.list', { includeRemoved: true })).map((m) => m.status)).toEqual(['removed']);
  });

  it('refuses unknown or inactive contacts and duplicate members', async () => {
    expect(await vault.result('distributors.addMember', { organisation: 'X', distribution: 'Y', contacts: ['person-00000000'] })).toMatchObject({
      ok: false,
      error: { code: 'NotFound' },
    });
    const gone = await vault.call('people.add', { name: 'Gone' });
    await vault.call('people.remove', { id: gone.id });
    expect(await vault.result('distributors.addMember', { organisation: 'X', distribution: 'Y', contacts: [gone.id] })).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    await vault.call('distributors.addMember', { organisation: 'Seven-Corp', distribution: 'Seven' });
    expect(await vault.result('distributors.addMember', { organisation: 'seven-corp', distribution: 'Seven 2' })).toMatchObject({ ok: false, error: { code: 'Conflict' } });
  });
});
