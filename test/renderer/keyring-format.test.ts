// How keys read on screen: fingerprints whole or as the long key ID in groups of four (never
// the 8-digit short ID), user IDs split into name and email, warnings ordered by severity, and
// files read as base64 without losing a byte.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KeyInfo } from '../../src/shared/contract/index.ts';
import {
  applyKeyFilter,
  bytesToBase64,
  fingerprintGroups,
  groupFingerprint,
  publicKeyFileName,
  shortFingerprint,
  sortWarnings,
  splitUserId,
} from '../../src/renderer/features/keyring/key-format.ts';

const FPR = 'a9a7b8f5c5fa47ccf88aa2e2fc3aa6344108ed1f';

describe('key format', () => {
  it('groups a fingerprint in fours and shortens it to the long key ID', () => {
    expect(groupFingerprint(FPR)).toBe('A9A7 B8F5 C5FA 47CC F88A A2E2 FC3A A634 4108 ED1F');
    expect(fingerprintGroups(`${FPR.slice(0, 20)} ${FPR.slice(20)}`)).toHaveLength(10);
    expect(shortFingerprint(FPR)).toBe('FC3A A634 4108 ED1F');
    expect(publicKeyFileName(FPR)).toBe('0xFC3AA6344108ED1F.asc');
  });

  it('keeps every digit when grouping', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-F]{40}$/), (hex) => {
        expect(groupFingerprint(hex).replace(/ /g, '')).toBe(hex);
        expect(fingerprintGroups(hex).every((group) => group.length === 4)).toBe(true);
      }),
    );
  });

  it('splits user IDs', () => {
    expect(splitUserId('Dana Distro <security@distro.example>')).toEqual({ name: 'Dana Distro', email: 'security@distro.example' });
    expect(splitUserId('<only@mail.example>')).toEqual({ name: 'only@mail.example', email: 'only@mail.example' });
    expect(splitUserId('Just A Name')).toEqual({ name: 'Just A Name', email: null });
    expect(splitUserId(null).email).toBeNull();
  });

  it('orders warnings by what stops encryption first, and filters keys', () => {
    const sorted = sortWarnings([
      { code: 'unverified' as const, message: '' },
      { code: 'expiring-soon' as const, message: '' },
      { code: 'revoked' as const, message: '' },
      { code: 'weak' as const, message: '' },
    ]).map((warning) => warning.code);
    expect(sorted).toEqual(['revoked', 'weak', 'expiring-soon', 'unverified']);
    const key = (verified: boolean, codes: KeyInfo['warnings'][number]['code'][]): KeyInfo =>
      ({ verified, warnings: codes.map((code) => ({ code, message: '' })) }) as unknown as KeyInfo;
    const keys = [key(true, []), key(false, ['unverified']), key(false, ['unverified', 'weak'])];
    expect(applyKeyFilter(keys, 'unverified')).toHaveLength(2);
    expect(applyKeyFilter(keys, 'attention')).toEqual([keys[2]]);
    expect(applyKeyFilter(keys, 'all')).toHaveLength(3);
  });

  it('reads any bytes as the same base64 Node writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 50 },
    );
  });
});
