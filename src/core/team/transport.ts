// Moving states between the local sync repository and the team's remote with real git: each
// member pushes only its own ref (never --force: a remote that is ahead refuses the push), and
// fetches everyone's refs into refs/incoming/ where they wait to be verified. Air-gapped
// members carry the same refs in a `git bundle`.
import { rm } from 'node:fs/promises';
import { checkRemoteUrl, listRefs, runGit } from './git.ts';
import { memberRef } from './publish-state.ts';

export const INCOMING = 'refs/incoming/';

/** Fetches every member ref of `url` into refs/incoming/ (refs gone from the remote are pruned). */
export async function fetchStates(gitDir: string, url: string): Promise<Record<string, string>> {
  await runGit(gitDir, ['fetch', '--quiet', '--no-tags', '--prune', '--no-write-fetch-head', '--', checkRemoteUrl(url), `+refs/embargo/*:${INCOMING}*`]);
  return incomingStates(gitDir);
}

/** Incoming member ids and their commits. */
export async function incomingStates(gitDir: string): Promise<Record<string, string>> {
  const refs = await listRefs(gitDir, INCOMING);
  const states: Record<string, string> = {};
  for (const [name, oid] of Object.entries(refs)) {
    const id = name.slice(INCOMING.length);
    if (/^[0-9a-f]{32}$/.test(id)) states[id] = oid;
  }
  return states;
}

export async function pushOwnState(gitDir: string, url: string, memberId: string): Promise<void> {
  const ref = memberRef(memberId);
  await runGit(gitDir, ['push', '--quiet', '--no-verify', '--', checkRemoteUrl(url), `${ref}:${ref}`]);
}

/** Reads a bundle's member refs into refs/incoming/ after `git bundle verify` accepts it. */
export async function importBundle(gitDir: string, file: string): Promise<Record<string, string>> {
  await runGit(gitDir, ['bundle', 'verify', '--quiet', file]);
  for (const name of Object.keys(await listRefs(gitDir, INCOMING))) await runGit(gitDir, ['update-ref', '-d', name]);
  await runGit(gitDir, ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--', file, `+refs/embargo/*:${INCOMING}*`]);
  return incomingStates(gitDir);
}

/** Writes every member state this vault holds (its own and the verified others) to a bundle. */
export async function exportBundle(gitDir: string, file: string): Promise<void> {
  await rm(file, { force: true });
  const refs = Object.keys(await listRefs(gitDir, 'refs/embargo/'));
  await runGit(gitDir, ['bundle', 'create', '--quiet', file, ...refs]);
}
