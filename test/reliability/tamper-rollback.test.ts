// Tamper, truncation and rollback of every kind of vault file: the key file, the index, the
// heads journal, case documents, the vault documents (keyring, roster, people, distributors)
// and blobs. Every fault is either refused with a coded error naming the file, or (a journal
// cut short, as a crash leaves it) absorbed; and once the good file is back, the vault opens
// and holds every acknowledged write.
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, testCore, TEST_PASSPHRASE, type TestCore } from '../helpers/core.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;

interface Written {
  caseId: string;
  notes: string[];
  people: string[];
  members: string[];
  keys: string[];
  distributors: string[];
  blob: string;
}

let vault: Awaited<ReturnType<typeof freshVault>>;
const written: Written = { caseId: '', notes: [], people: [], members: [], keys: [], distributors: [], blob: '' };

async function armoredKey(name: string): Promise<string> {
  const { publicKey } = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name, email: `${name}@example.org` }], format: 'object' });
  return publicKey.armor();
}

/** One more acknowledged write of every kind (each call returned before it is remembered). */
async function writeEverything(test: TestCore, round: number): Promise<void> {
  const id = written.caseId;
  const note = `note ${round}`;
  await test.call('case.note', { id, text: note });
  written.notes.push(note);
  const person = `Person ${round}`;
  await test.call('people.add', { name: person, emails: [] });
  written.people.push(person);
  const member = `Member ${round}`;
  await test.call('roster.addMember', { name: member });
  written.members.push(member);
  const imported = await test.call('keyring.import', { data: { text: await armoredKey(`key${round}`) } });
  written.keys.push(...imported.imported);
  const organisation = `Distro ${round}`;
  await test.call('distributors.addMember', { organisation, distribution: organisation });
  written.distributors.push(organisation);
  written.blob = `attachment ${round}`;
  const open = test.core.openVault();
  await open.putBlob(id, 'attachment', Buffer.from(written.blob), open.caseKey(id));
}

/** Unlocks a fresh core, verifies and reads every acknowledged write: 'ok' or the first error's code. */
async function openAndCheck(dir: string): Promise<{ outcome: string; file?: string }> {
  const test = testCore(dir);
  try {
    const unlocked = await test.result('vault.unlock', { passphrase: TEST_PASSPHRASE });
    if (!unlocked.ok) return { outcome: unlocked.error.code, file: String(unlocked.error.data?.file ?? '') };
    const report = await test.call('vault.verify', {});
    if (!report.ok) return { outcome: report.problems[0]!.code, file: report.problems[0]!.file };
    const id = written.caseId;
    const notes = (await test.call('case.timeline', { id })).filter((e) => e.type === 'note').map((e) => e.data.text);
    expect(notes).toEqual(written.notes);
    expect((await test.call('people.list', {})).map((p) => p.name).sort()).toEqual([...written.people].sort());
    expect((await test.call('roster.show', {})).members.map((m) => m.name)).toEqual(written.members);
    expect(new Set((await test.call('keyring.list', {})).map((k) => k.fingerprint))).toEqual(new Set(written.keys));
    expect((await test.call('distributors.list', {})).map((d) => d.organisation).sort()).toEqual([...written.distributors].sort());
    const open = test.core.openVault();
    expect((await open.getBlob(id, 'attachment', open.caseKey(id))).toString()).toBe(written.blob);
    return { outcome: 'ok' };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code) return { outcome: code };
    throw error;
  } finally {
    await test.core.lock();
  }
}

async function vaultFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name !== '.lock')
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

beforeAll(async () => {
  vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
  written.caseId = (await vault.call('case.create', { title: 'Tamper target', disclosedAt: '2026-11-20T09:00:00Z', kind: 'private' })).id;
  await writeEverything(vault, 1);
  await writeEverything(vault, 2);
  await vault.call('vault.lock', {});
});
afterAll(async () => vault?.cleanup());

describe('every kind of vault file', () => {
  it('is all there: key file, index, journal, a case, keyring, roster, people, distributors, a blob', async () => {
    expect(await vaultFiles(vault.dir)).toEqual([
      `blobs/${written.caseId}/attachment.eblob`,
      `cases/${written.caseId}.edoc`,
      'distributors.edoc',
      'heads.elog',
      'index.edoc',
      'keyring.edoc',
      'people.edoc',
      'roster.edoc',
      'vault.key',
    ]);
    expect(await openAndCheck(vault.dir)).toEqual({ outcome: 'ok' });
  });

  it('a changed byte in any file is refused, naming the file; the good file back, everything is there', async () => {
    for (const file of await vaultFiles(vault.dir)) {
      const path = join(vault.dir, file);
      const original = await readFile(path);
      const positions = new Set([0, 4, 8, 12, 30, Math.floor(original.length / 3), Math.floor(original.length / 2), original.length - 17, original.length - 1]);
      for (const position of positions) {
        const damaged = Buffer.from(original);
        damaged[position] = damaged[position]! ^ 0x10;
        await writeFile(path, damaged);
        const result = await openAndCheck(vault.dir);
        await writeFile(path, original);
        expect(result.outcome, `${file} byte ${position}`).toBe('VaultCorrupt');
        if (file !== 'vault.key') expect(result.file, `${file} byte ${position}`).toBe(file);
      }
      expect(await openAndCheck(vault.dir), `${file} restored`).toEqual({ outcome: 'ok' });
    }
  });

  it('a file cut short is refused, naming the file — except the journal, whose cut tail is a crash it absorbs', async () => {
    for (const file of await vaultFiles(vault.dir)) {
      const path = join(vault.dir, file);
      const original = await readFile(path);
      for (const length of [0, 1, 9, Math.floor(original.length / 2), original.length - 1]) {
        await writeFile(path, original.subarray(0, length));
        const result = await openAndCheck(vault.dir);
        await writeFile(path, original);
        if (file === 'heads.elog' && length > 200) expect(result.outcome, `${file} cut at ${length}`).toBe('ok');
        else expect(result.outcome, `${file} cut at ${length}`).toBe('VaultCorrupt');
      }
      expect(await openAndCheck(vault.dir), `${file} restored`).toEqual({ outcome: 'ok' });
    }
  });

  it('a deleted file that Embargo wrote is reported missing', async () => {
    for (const file of await vaultFiles(vault.dir)) {
      if (file === 'vault.key') continue;
      const path = join(vault.dir, file);
      const original = await readFile(path);
      const { rm } = await import('node:fs/promises');
      await rm(path);
      const result = await openAndCheck(vault.dir);
      await writeFile(path, original);
      expect(result.outcome, `${file} deleted`).toBe('VaultCorrupt');
    }
    expect(await openAndCheck(vault.dir)).toEqual({ outcome: 'ok' });
  });
});

describe('rollback', () => {
  it('an older copy of any document or blob swapped in is detected; the current copy back, everything is there', async () => {
    const kinds = [
      `cases/${written.caseId}.edoc`,
      'index.edoc',
      'keyring.edoc',
      'roster.edoc',
      'people.edoc',
      'distributors.edoc',
      `blobs/${written.caseId}/attachment.eblob`,
    ];
    const old = new Map<string, Buffer>();
    for (const file of kinds) old.set(file, await readFile(join(vault.dir, file)));
    // One more write of every kind (and a case, so that the index changes too).
    const test = testCore(vault.dir);
    await test.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    await writeEverything(test, 3);
    await test.call('case.create', { title: 'Makes the index change', disclosedAt: '2026-11-21T09:00:00Z', kind: 'private' });
    await test.core.lock();

    for (const file of kinds) {
      const path = join(vault.dir, file);
      const current = await readFile(path);
      expect(current.equals(old.get(file)!), `${file} changed since the copy`).toBe(false);
      await writeFile(path, old.get(file)!);
      const result = await openAndCheck(vault.dir);
      await writeFile(path, current);
      expect(result, `${file} rolled back`).toEqual({ outcome: 'VaultRolledBack', file });
      expect(await openAndCheck(vault.dir), `${file} restored`).toEqual({ outcome: 'ok' });
    }
  });

  it('an older journal alone loses nothing: every file is newer than its head, and is accepted', async () => {
    const path = join(vault.dir, 'heads.elog');
    const current = await readFile(path);
    const backupOfJournal = join(vault.dir, '..', 'heads.old');
    await copyFile(path, backupOfJournal);
    const test = testCore(vault.dir);
    await test.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    await writeEverything(test, 4);
    await test.core.lock();
    await copyFile(backupOfJournal, path);
    expect(await openAndCheck(vault.dir)).toEqual({ outcome: 'ok' });
    expect(current.length).toBeGreaterThan(0);
  });
});
