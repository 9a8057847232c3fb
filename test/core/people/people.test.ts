// People through the contract: roles, emails, keys and whether mail to them can be encrypted.
import * as openpgp from 'openpgp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshVault } from '../../helpers/core.ts';

async function publicKey(name: string) {
  const { publicKey } = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name, email: `${name.toLowerCase()}@example.org` }], format: 'object' });
  return { armored: publicKey.armor(), fingerprint: publicKey.getFingerprint().toUpperCase() };
}

describe('people', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  beforeEach(async () => {
    vault = await freshVault();
  });
  afterEach(async () => vault.cleanup());

  it('adds a person with roles, emails and keys, and says per key whether mail can be encrypted', async () => {
    const key = await publicKey('Ada');
    const ada = await vault.call('people.add', {
      name: 'Ada',
      emails: ['ada@example.org', 'ADA@example.org', 'ada@work.example'],
      roles: ['pst', 'fix-team', 'pst'],
      fingerprints: [key.fingerprint.toLowerCase()],
      organisation: 'Example',
    });
    expect(ada.id).toMatch(/^person-[0-9a-f]{8}$/);
    expect(ada).toMatchObject({ emails: ['ada@example.org', 'ada@work.example'], roles: ['pst', 'fix-team'], fingerprints: [key.fingerprint], removedAt: null });
    expect(ada.keys).toEqual([{ fingerprint: key.fingerprint, inKeyring: false, verified: false, canReceive: false, problem: 'it is not in the keyring', warnings: [] }]);
    expect(ada.canReceiveEncrypted).toBe(false);

    await vault.call('keyring.import', { data: { text: key.armored } });
    expect((await vault.call('people.show', { id: ada.id })).keys[0]).toMatchObject({ inKeyring: true, verified: false, canReceive: false, problem: 'its fingerprint is not verified' });
    await vault.call('keyring.verify', { fingerprint: key.fingerprint });
    expect(await vault.call('people.show', { id: ada.id })).toMatchObject({ canReceiveEncrypted: true, keys: [{ canReceive: true, problem: null }] });
  });

  it('lists by role and text, updates by replacing lists, and keeps removed people for history', async () => {
    const ada = await vault.call('people.add', { name: 'Ada', roles: ['pst'] });
    const bob = await vault.call('people.add', { name: 'Bob', roles: ['reporter'], emails: ['bob@reporter.example'] });
    expect((await vault.call('people.list', { role: 'pst' })).map((p) => p.name)).toEqual(['Ada']);
    expect((await vault.call('people.list', { query: 'REPORTER.example' })).map((p) => p.name)).toEqual(['Bob']);
    const updated = await vault.call('people.update', { id: bob.id, roles: ['reporter', 'distributor-contact'], note: 'reported EMB-0001' });
    expect(updated).toMatchObject({ roles: ['reporter', 'distributor-contact'], emails: ['bob@reporter.example'], note: 'reported EMB-0001' });
    await vault.call('people.remove', { id: ada.id });
    expect((await vault.call('people.list', {})).map((p) => p.name)).toEqual(['Bob']);
    expect((await vault.call('people.list', { includeRemoved: true })).map((p) => [p.name, p.removedAt !== null])).toEqual([
      ['Ada', true],
      ['Bob', false],
    ]);
  });

  it('refuses bad input and changes nothing', async () => {
    expect(await vault.result('people.add', { name: ' ' })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(await vault.result('people.add', { name: 'X', emails: ['not-an-email'] })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(await vault.result('people.add', { name: 'X', fingerprints: ['ABCD1234ABCD1234'] })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(await vault.result('people.add', { name: 'X', roles: ['boss' as never] })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(await vault.result('people.update', { id: 'person-00000000', name: 'Y' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await vault.call('people.list', { includeRemoved: true })).toEqual([]);
  });
});
