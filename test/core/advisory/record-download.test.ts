// advisory.recordDownload: a document the UI handed out as a download is on the timeline like a
// file the core wrote (format, SHA-256, embargoed, not encrypted, no path); bad reports change
// nothing.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshVault } from '../../helpers/core.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const SHA = 'a'.repeat(64);

describe('advisory.recordDownload', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let now = Date.parse('2026-11-27T10:00:00Z');
  let id: string;

  beforeEach(async () => {
    now = Date.parse('2026-11-27T10:00:00Z');
    vault = await freshVault({
      ports: { now: () => new Date(now), randomBytes: (n) => new Uint8Array(randomBytes(n)) },
      createOptions: { kdf: CHEAP_KDF },
    });
    id = (await vault.call('case.create', { title: 'Kubelet subPath symlink escape', disclosedAt: '2026-11-20T09:30:00Z' })).id;
    await vault.call('case.update', { id, edits: { releaseDate: '2026-12-02T16:00:00Z' } });
  });
  afterEach(async () => {
    await vault.cleanup();
  });

  it('appends an advisory.exported event: embargoed, not encrypted, no path, the hash and the offered name', async () => {
    const before = await vault.call('case.timeline', { id });
    const event = await vault.call('advisory.recordDownload', { id, format: 'cve', sha256: SHA, fileName: 'CVE-2026-31337.json' });
    expect(event).toMatchObject({
      type: 'advisory.exported',
      data: { format: 'cve', file: null, downloadedAs: 'CVE-2026-31337.json', sha256: SHA, embargoed: true, encrypted: false },
    });
    const after = await vault.call('case.timeline', { id });
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual(event);
    // Chained onto the previous event, so `vault verify` covers it.
    expect(event.prev).toBe(before.at(-1)?.hash);
  });

  it('after the Release Date the download is recorded as not embargoed', async () => {
    now = Date.parse('2026-12-03T00:00:00Z');
    const event = await vault.call('advisory.recordDownload', { id, format: 'osv', sha256: SHA });
    expect(event.data).toMatchObject({ format: 'osv', embargoed: false, downloadedAs: null });
  });

  it('refuses a malformed hash, an unknown format or an unknown case, and records nothing', async () => {
    const before = await vault.call('case.timeline', { id });
    const badHash = await vault.result('advisory.recordDownload', { id, format: 'cve', sha256: 'A'.repeat(64) });
    expect(badHash.ok === false && badHash.error.code).toBe('InvalidInput');
    const badFormat = await vault.result('advisory.recordDownload', { id, format: 'pdf' as 'cve', sha256: SHA });
    expect(badFormat.ok === false && badFormat.error.code).toBe('InvalidInput');
    const unknownCase = await vault.result('advisory.recordDownload', { id: 'EMB-9999', format: 'cve', sha256: SHA });
    expect(unknownCase.ok).toBe(false);
    expect(await vault.call('case.timeline', { id })).toEqual(before);
  });

  it('needs an unlocked vault', async () => {
    await vault.call('vault.lock', {});
    const locked = await vault.result('advisory.recordDownload', { id, format: 'cve', sha256: SHA });
    expect(locked.ok === false && locked.error.code).toBe('VaultLocked');
  });
});
