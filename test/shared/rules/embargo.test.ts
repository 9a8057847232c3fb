// The embargo rule every front end uses: under embargo until the Release Date has passed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isReleased, isUnderEmbargo } from '../../../src/shared/rules/embargo.ts';

describe('isUnderEmbargo', () => {
  const now = new Date('2026-12-06T16:00:00Z');
  it('holds without a Release Date, and until the Release Date itself', () => {
    expect(isUnderEmbargo({ releaseDate: null }, now)).toBe(true);
    expect(isUnderEmbargo({ releaseDate: '2026-12-06T16:00:01Z' }, now)).toBe(true);
    expect(isUnderEmbargo({ releaseDate: '2026-12-06T16:00:00Z' }, now)).toBe(false);
    expect(isReleased({ releaseDate: '2026-12-01T16:00:00Z' }, now)).toBe(true);
  });
  it('released is exactly not under embargo', () => {
    fc.assert(
      fc.property(fc.option(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), fc.date({ noInvalidDate: true }), (releaseDate, at) => {
        expect(isReleased({ releaseDate }, at)).toBe(!isUnderEmbargo({ releaseDate }, at));
        if (releaseDate !== null) expect(isUnderEmbargo({ releaseDate }, at)).toBe(Date.parse(releaseDate) > at.getTime());
      }),
    );
  });
});
