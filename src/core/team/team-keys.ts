// The keys team operations use: this member's own key pair from the keyring (its secret part
// never leaves the vault) and the members' public keys from the signed membership.
import type { PrivateKey, PublicKey } from 'openpgp';
import { join } from 'node:path';
import type { CoreSession } from '../session.ts';
import { TEAM_SYNC_DIR } from '../vault/vault.ts';
import { ownSigningKey } from '../keyring/secret-keys.ts';
import { readKeyring } from '../keyring/store.ts';
import type { TeamMember } from './membership.ts';
import { readPublicKeyArmored } from './team-crypto.ts';

export const SYNC_REPOSITORY = TEAM_SYNC_DIR;

export function syncRepository(session: CoreSession): string {
  return join(session.vault().dir, SYNC_REPOSITORY);
}

export async function ownKey(session: CoreSession): Promise<{ fingerprint: string; key: PrivateKey }> {
  return ownSigningKey(await readKeyring(session), session.ports.now());
}

export async function memberKeys(members: readonly TeamMember[]): Promise<PublicKey[]> {
  return Promise.all(members.map((member) => readPublicKeyArmored(member.publicKey)));
}
