// The hostile-input corpus through the real CLI (issue 18, item 5), the importers that are not
// the workspace's: keys (`keyring import`), received mail (`mail import`) and CVSS strings
// (`case set --cvss`, `cvss score`). Each case: exit 1, a stable error code, `vault verify` and
// the vault's files unchanged. Key inputs that gpg also cannot use are given to a real gpg in the
// same run (a temporary GNUPGHOME), which must import nothing from them either.
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.ts';
import { LIMITS } from '../../src/shared/limits.ts';
import { tempGpg, type Gpg } from '../core/keyring/gpg.ts';
import { hostileVault, type HostileVault } from './hostile-cli-helpers.ts';

async function keyWith(userIds: number): Promise<string> {
  const { publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: Array.from({ length: userIds }, (_, i) => ({ name: `User ${i}`, email: `u${i}@example.org` })),
    format: 'armored',
    config: { v6Keys: false },
  });
  return publicKey;
}

/** A public-key packet header (new format, tag 6) that declares ~4 GiB and carries 16 bytes. */
const hugePacket = Buffer.concat([Buffer.from([0xc6, 0xff, 0xff, 0xff, 0xff, 0xf0]), Buffer.alloc(16, 4)]);

const mail = (headers: string, body: string) => `From: Reporter <r@example.org>\nTo: security@example.org\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nMessage-ID: <x@example.org>\n${headers}\n\n${body}`;
function nestedMail(depth: number): string {
  let body = '';
  for (let level = 0; level < depth; level++) body += `--b${level}\nContent-Type: multipart/mixed; boundary=b${level + 1}\n\n`;
  body += `--b${depth}\nContent-Type: text/plain\n\nx\n--b${depth}--\n`;
  return mail('Subject: deep\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b0', body);
}

describe('hostile keys, mails and CVSS strings through the CLI', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: HostileVault;
  let gpg: Gpg;
  let caseId = '';
  let armored = '';
  let thousandUserIds = '';

  beforeAll(async () => {
    root = await tempDir('embargo-hostile-keys-');
    gpg = await tempGpg();
    armored = await keyWith(1);
    thousandUserIds = await keyWith(1000);
    vault = await hostileVault(root.path, async (core) => {
      caseId = (await core.call('case.create', { title: 'hostile imports', disclosedAt: '2026-01-10T09:00:00Z' })).id;
    });
  }, 240_000);

  afterAll(async () => {
    await gpg?.cleanup();
    await root?.remove();
  });

  const file = (name: string, bytes: string | Buffer) => {
    const path = join(root.path, name);
    writeFileSync(path, bytes);
    return path;
  };
  /** gpg imports nothing from `bytes` (it may still exit 0 for "no valid OpenPGP data"). */
  const gpgImportsNothing = (bytes: string | Buffer) => {
    const result = gpg.run(['--import'], bytes);
    expect(result.statusLines.filter((line) => line.startsWith('[GNUPG:] IMPORT_OK'))).toEqual([]);
  };

  it('keyring import refuses a key with a thousand user IDs (InputTooLarge), exit 1, vault unchanged', () => {
    vault.expectRefused(['keyring', 'import', file('uids.asc', thousandUserIds)], 'InputTooLarge');
  });

  it('keyring import refuses truncated armor, exit 1, vault unchanged; gpg imports nothing from it', () => {
    const cut = armored.slice(0, Math.floor(armored.length / 2));
    vault.expectRefused(['keyring', 'import', file('cut.asc', cut)], 'InvalidKey');
    gpgImportsNothing(cut);
  });

  it('keyring import refuses armor in UTF-16, exit 1, vault unchanged; gpg imports nothing from it', () => {
    const utf16 = Buffer.from(`\ufeff${armored}`, 'utf16le');
    vault.expectRefused(['keyring', 'import', file('utf16.asc', utf16)], 'InvalidKey');
    gpgImportsNothing(utf16);
  });

  it('keyring import refuses a packet that declares 4 GiB, exit 1, vault unchanged; gpg imports nothing from it', () => {
    vault.expectRefused(['keyring', 'import', file('huge-packet.gpg', hugePacket)], 'InvalidKey');
    gpgImportsNothing(hugePacket);
  });

  it('keyring import refuses a file past the key byte limit on its size (InputTooLarge)', () => {
    const path = file('huge.asc', '');
    truncateSync(path, LIMITS.keyBytes + 1);
    vault.expectRefused(['keyring', 'import', path], 'InputTooLarge');
  });

  it('keyring import refuses an empty file and random bytes, exit 1, vault unchanged', () => {
    vault.expectRefused(['keyring', 'import', file('empty.asc', '')], 'InvalidKey');
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    vault.expectRefused(['keyring', 'import', file('noise.gpg', noise)], 'InvalidKey');
    gpgImportsNothing(noise);
  });

  it(`mail import refuses MIME nested past ${LIMITS.emlNestingDepth} levels, exit 1, vault unchanged`, () => {
    vault.expectRefused(['mail', 'import', caseId, file('deep.eml', nestedMail(LIMITS.emlNestingDepth + 10))], 'MailInvalid');
  });

  it('mail import refuses a mail past the byte limit on its size (InputTooLarge)', () => {
    const path = file('huge.eml', '');
    truncateSync(path, LIMITS.emlBytes + 1);
    vault.expectRefused(['mail', 'import', caseId, path], 'InputTooLarge');
  });

  it('mail import refuses bytes with no headers (MailInvalid, exit 1) and an empty file (InvalidInput, exit 2 as bad usage), vault unchanged', () => {
    vault.expectRefused(['mail', 'import', caseId, file('noheaders.eml', Buffer.from([0, 1, 2, 0xff, 0xfe]))], 'MailInvalid');
    const before = vault.state();
    const empty = vault.cli('mail', 'import', caseId, file('empty.eml', ''));
    expect(empty.code, empty.stdout + empty.stderr).toBe(2);
    expect((JSON.parse(empty.stdout) as { error: { code: string } }).error.code).toBe('InvalidInput');
    expect(vault.state()).toEqual(before);
  });

  const VECTORS: [string, string][] = [
    ['past the length limit', `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H${'/X:X'.repeat(LIMITS.cvssVectorChars)}`],
    ['with a metric twice', 'CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['of an unknown version', 'CVSS:9.9/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['missing a base metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H'],
    ['with a value the metric lacks', 'CVSS:4.0/AV:Q/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'],
  ];
  for (const [label, vector] of VECTORS) {
    it(`case set --cvss and cvss score refuse a vector ${label} (InvalidVector), exit 1, vault unchanged`, () => {
      vault.expectRefused(['case', 'set', caseId, '--cvss', vector], 'InvalidVector');
      const scored = vault.cli('cvss', 'score', vector);
      expect(scored.code, scored.stdout + scored.stderr).toBe(1);
    });
  }
});
