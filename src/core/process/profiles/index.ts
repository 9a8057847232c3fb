// The registry of process profiles. Profiles are data: each file holds one plain object,
// validated here against the contract's schema when the module loads, so a malformed profile
// fails every test instead of misleading a Fix Lead at run time. Old versions stay listed so a
// case keeps running under the version it was opened with.
import { processProfile, type ProcessProfile } from '../../../shared/contract/process.ts';
import { EmbargoError } from '../../../shared/errors.ts';
import { kubernetes2017 } from './kubernetes-2017.ts';
import { kubernetesCurrent } from './kubernetes-current.ts';
import { linuxDistros } from './linux-distros.ts';

export const DEFAULT_PROFILE_ID = 'kubernetes-2017';

function checkedProfile(input: unknown): ProcessProfile {
  const profile = processProfile.parse(input);
  const ids = new Set<string>();
  for (const phase of profile.phases) {
    for (const item of phase.items) {
      if (ids.has(item.id)) throw new Error(`profile ${profile.id}: item id ${item.id} appears twice`);
      ids.add(item.id);
    }
  }
  if (ids.size === 0) throw new Error(`profile ${profile.id} has no checklist items`);
  return profile;
}

/** Every known profile version, newest version of each id last. */
export const PROFILES: readonly ProcessProfile[] = [kubernetes2017, kubernetesCurrent, linuxDistros].map(checkedProfile);

/** The newest version of every profile id. */
export function latestProfiles(): ProcessProfile[] {
  const latest = new Map<string, ProcessProfile>();
  for (const profile of PROFILES) {
    const known = latest.get(profile.id);
    if (!known || known.version < profile.version) latest.set(profile.id, profile);
  }
  return [...latest.values()];
}

export function latestProfileVersion(id: string): number | undefined {
  return latestProfiles().find((profile) => profile.id === id)?.version;
}

/** The profile a case runs under; a case names both the id and the version. */
export function profileFor(id: string, version: number): ProcessProfile {
  const profile = PROFILES.find((candidate) => candidate.id === id && candidate.version === version);
  if (!profile) {
    throw new EmbargoError(
      'NotFound',
      `This Embargo does not know process profile ${id} version ${version}; known: ${PROFILES.map((p) => `${p.id} v${p.version}`).join(', ')}.`,
      { what: 'profile', id: `${id}@${version}` },
    );
  }
  return profile;
}

/** Refuses an unknown profile id when a case is opened. */
export function requireProfileId(id: string): ProcessProfile {
  const profile = latestProfiles().find((candidate) => candidate.id === id);
  if (!profile) {
    throw new EmbargoError('InvalidInput', `There is no process profile called ${id}; choose one of ${latestProfiles().map((p) => p.id).join(', ')}.`, {
      profile: id,
    });
  }
  return profile;
}
