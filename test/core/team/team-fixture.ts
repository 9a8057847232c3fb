// Three members, three vaults, three keys, and a bare remote made by real `git init --bare`.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { freshVault, tempDir, type TestCore } from '../../helpers/core.ts';

export const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 1024, iterations: 1, parallelism: 1 } as const;

export interface Member extends TestCore {
  name: string;
  dir: string;
  fingerprint: string;
  cleanup(): Promise<void>;
}

export function gitEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };
}

export function git(home: string, args: string[], cwd?: string): string {
  return execFileSync('git', args, { env: gitEnv(home), cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function makeMember(name: string): Promise<Member> {
  const vault = await freshVault({ createOptions: { kdf: CHEAP_KDF, actorName: name } });
  const key = await vault.call('keyring.generate', { name, email: `${name.toLowerCase()}@example.org`, expiresInDays: null });
  return { ...vault, name, fingerprint: key.fingerprint };
}

/** `from` imports `to`'s public key and marks it verified (the fingerprint comparison). */
export async function trust(from: Member, to: Member): Promise<void> {
  const { armored } = await to.call('keyring.exportPublic', { fingerprint: to.fingerprint });
  await from.call('keyring.import', { data: { text: armored } });
  await from.call('keyring.verify', { fingerprint: to.fingerprint });
}

export interface Team {
  members: [Member, Member, Member];
  remote: string;
  home: string;
  cleanup(): Promise<void>;
}

/** Alice creates the team, adds Bob and Carol; both join through the remote. */
export async function makeTeam(): Promise<Team> {
  const root = await tempDir('embargo-team-');
  const remote = join(root.path, 'remote.git');
  git(root.path, ['init', '--bare', '--quiet', remote]);
  const members = [await makeMember('Alice'), await makeMember('Bob'), await makeMember('Carol')] as [Member, Member, Member];
  for (const a of members) for (const b of members) if (a !== b) await trust(a, b);
  const [alice, bob, carol] = members;
  await alice.call('team.init', { remote });
  await alice.call('team.addMember', { fingerprint: bob.fingerprint, name: 'Bob', email: 'bob@example.org' });
  await alice.call('team.addMember', { fingerprint: carol.fingerprint, name: 'Carol', email: 'carol@example.org' });
  await alice.call('team.sync', {});
  await bob.call('team.join', { remote, via: alice.fingerprint });
  await carol.call('team.join', { remote, via: alice.fingerprint });
  return {
    members,
    remote,
    home: root.path,
    cleanup: async () => {
      for (const member of members) await member.cleanup();
      await root.remove();
    },
  };
}

export async function syncAll(team: Team, rounds = 2): Promise<void> {
  for (let round = 0; round < rounds; round += 1) for (const member of team.members) await member.call('team.sync', {});
}
