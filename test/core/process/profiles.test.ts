// Profiles are checked against the contract's schema on first use; this walks every version, so
// a malformed profile fails here even if no other test happens to open it.
import { describe, expect, it } from 'vitest';
import { allProfiles, latestProfileVersion, latestProfiles, profileFor } from '../../../src/core/process/profiles/index.ts';

describe('the profile registry', () => {
  it('parses every profile version, with unique checklist item ids', () => {
    const profiles = allProfiles();
    expect(profiles.length).toBeGreaterThanOrEqual(3);
    for (const profile of profiles) {
      const ids = profile.phases.flatMap((phase) => phase.items.map((item) => item.id));
      expect(new Set(ids).size, profile.id).toBe(ids.length);
      expect(profileFor(profile.id, profile.version)).toBe(profile);
    }
  });

  it('answers the latest version of each id and refuses an unknown version', () => {
    for (const profile of latestProfiles()) expect(latestProfileVersion(profile.id)).toBe(profile.version);
    expect(latestProfileVersion('no-such-profile')).toBeUndefined();
    expect(() => profileFor('kubernetes-2017', 999)).toThrow(/does not know process profile/);
  });
});
