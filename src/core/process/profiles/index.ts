// The registry of process profiles. Profiles are data: each file holds one plain object,
// validated here against the contract's schema the first time it is used (every test that
// touches a profile fails on a malformed one, instead of a Fix Lead being misled at run time;
// a command that reads one profile does not pay for parsing all of them). Old versions stay listed so a
// case keeps running under the version it was opened with.
import { processProfile, type ProcessProfile, type ProcessProfileInput } from '../../../shared/contract/process.ts';
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

/** Every known profile version as written, newest version of each id last. */
const PROFILE_INPUTS: readonly ProcessProfileInput[] = [kubernetes2017, kubernetesCurrent, linuxDistros];
const checked = new Map<ProcessProfileInput, ProcessProfile>();

function checkedOnce(input: ProcessProfileInput): ProcessProfile {
  let profile = checked.get(input);
  if (!profile) {
    profile = checkedProfile(input);
    checked.set(input, profile);
  }
  return profile;
}

/** Every known profile version, newest version of each id last (all of them parsed). */
export function allProfiles(): ProcessProfile[] {
  return PROFILE_INPUTS.map(checkedOnce);
}

/** The newest version of every profile id. */
export function latestProfiles(): ProcessProfile[] {
  const latest = new Map<string, ProcessProfileInput>();
  for (const input of PROFILE_INPUTS) {
    const known = latest.get(input.id);
    if (!known || known.version < input.version) latest.set(input.id, input);
  }
  return [...latest.values()].map(checkedOnce);
}

export function latestProfileVersion(id: string): number | undefined {
  const versions = PROFILE_INPUTS.filter((input) => input.id === id).map((input) => input.version);
  return versions.length > 0 ? Math.max(...versions) : undefined;
}

/** The profile a case runs under; a case names both the id and the version. */
export function profileFor(id: string, version: number): ProcessProfile {
  const input = PROFILE_INPUTS.find((candidate) => candidate.id === id && candidate.version === version);
  if (!input) {
    throw new EmbargoError(
      'NotFound',
      `This Embargo does not know process profile ${id} version ${version}; known: ${PROFILE_INPUTS.map((p) => `${p.id} v${p.version}`).join(', ')}.`,
      { what: 'profile', id: `${id}@${version}` },
    );
  }
  return checkedOnce(input);
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
