// `vault verify`: re-reads every file from disk (not from memory), checks its authentication,
// compares it with its head in the write journal (an older copy is a rollback), checks every
// case timeline's hash chain and the vault's own, and reports files the index does not account
// for and files the journal knows of that are gone. It changes nothing.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { EmbargoError } from '../../shared/errors.ts';
import { verifyChain } from '../timeline/chain.ts';
import { KEY_FILE_NAME, parseKeyFile } from './key-file.ts';
import { LOCK_FILE_NAME } from './lock.ts';
import { migrateDocument } from './migrations.ts';
import { CASE_MIGRATIONS, INDEX_MIGRATIONS, type CaseDocument, type IndexDocument } from './documents.ts';
import { HEADS_FILE, parseJournal } from './heads.ts';
import type { SealedLocation } from './encrypted-adapter.ts';
import type { SealedKind } from './sealed-file.ts';
import { verifyVaultChain } from './vault-timeline.ts';
import {
  BLOBS_DIR,
  TEAM_SYNC_DIR,
  CASES_DIR,
  INDEX_FILE,
  blobLocation,
  caseLocation,
  indexLocation,
  inspectSealedFile,
  rolledBackError,
  vaultDocumentLocation,
  type Vault,
} from './vault.ts';

export interface VerifyProblem {
  file: string;
  code: string;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  checkedFiles: number;
  problems: VerifyProblem[];
}

function problemFrom(file: string, error: unknown): VerifyProblem {
  if (error instanceof EmbargoError) return { file, code: error.code, message: error.message };
  return { file, code: 'Internal', message: error instanceof Error ? error.message : String(error) };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

export async function verifyVault(vault: Vault): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const accounted = new Set<string>([KEY_FILE_NAME, LOCK_FILE_NAME, HEADS_FILE]);
  const expectedNames = new Set<string>();
  let checkedFiles = 0;
  const dir = vault.dir;
  const dataKey = vault.dataKeyForIndex;

  /** Authenticates one sealed file and compares it with its head; its plaintext, or null after a problem. */
  async function check(location: SealedLocation, kind: SealedKind, key: Uint8Array): Promise<Buffer | null> {
    accounted.add(location.label);
    expectedNames.add(location.name);
    checkedFiles += 1;
    try {
      const inspected = await inspectSealedFile(vault.journal, location, kind, key);
      if (inspected === null) return null;
      if (inspected.check === 'older' || inspected.check === 'substituted') {
        const expected = vault.journal.head(location.name)!.counter;
        problems.push(problemFrom(location.label, rolledBackError(location.label, inspected.check, inspected.counter, expected)));
        return null;
      }
      return inspected.plaintext;
    } catch (error) {
      problems.push(problemFrom(location.label, error));
      return null;
    }
  }

  checkedFiles += 1;
  try {
    parseKeyFile(await readFile(join(dir, KEY_FILE_NAME), 'utf8'));
  } catch (error) {
    problems.push(problemFrom(KEY_FILE_NAME, error));
  }

  checkedFiles += 1;
  try {
    parseJournal(await readFile(join(dir, HEADS_FILE)), dataKey);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    problems.push(missing ? { file: HEADS_FILE, code: 'VaultCorrupt', message: 'The write journal is missing.' } : problemFrom(HEADS_FILE, error));
  }

  const indexPlaintext = await check(indexLocation(dir), 'document', dataKey);
  if (indexPlaintext === null && !problems.some((p) => p.file === INDEX_FILE)) {
    problems.push({ file: INDEX_FILE, code: 'VaultCorrupt', message: 'The vault index is missing.' });
  }
  if (indexPlaintext !== null) {
    try {
      const { document } = migrateDocument<IndexDocument>(JSON.parse(indexPlaintext.toString('utf8')), INDEX_MIGRATIONS, INDEX_FILE);
      for (const chainProblem of verifyVaultChain(document)) {
        problems.push({ file: INDEX_FILE, code: 'TimelineBroken', message: `Vault timeline: ${chainProblem.message}.` });
      }
    } catch (error) {
      problems.push(problemFrom(INDEX_FILE, error));
    }
  }

  // The index in memory is the one this process wrote (or read and checked at unlock).
  const cases = vault.index.data.cases;
  for (const [caseId, entry] of Object.entries(cases)) {
    const location = caseLocation(dir, caseId);
    const plaintext = await check(location, 'document', Buffer.from(entry.key, 'base64'));
    if (plaintext === null) {
      if (!problems.some((p) => p.file === location.label)) {
        problems.push({ file: location.label, code: 'VaultCorrupt', message: `The document of case ${caseId} is missing.` });
      }
      continue;
    }
    try {
      const { document } = migrateDocument<CaseDocument>(JSON.parse(plaintext.toString('utf8')), CASE_MIGRATIONS, location.label);
      for (const chainProblem of verifyChain(caseId, document.events)) {
        problems.push({ file: location.label, code: 'TimelineBroken', message: `Case ${caseId}: ${chainProblem.message}.` });
      }
    } catch (error) {
      problems.push(problemFrom(location.label, error));
    }
  }

  for (const file of await listFiles(dir)) {
    if (accounted.has(file)) continue;
    const [top, scope, name] = file.split('/');
    if (top === BLOBS_DIR && scope && name?.endsWith('.eblob') && file.split('/').length === 3) {
      const key = scope === 'vault' ? dataKey : cases[scope]?.key;
      if (key === undefined) {
        checkedFiles += 1;
        problems.push({ file, code: 'Orphan', message: `Blob ${file} belongs to no case in the index.` });
        continue;
      }
      await check(blobLocation(dir, scope, name.slice(0, -'.eblob'.length)), 'blob', typeof key === 'string' ? Buffer.from(key, 'base64') : key);
      continue;
    }
    if (file.endsWith('.edoc') && !file.includes('/')) {
      let location: SealedLocation;
      try {
        location = vaultDocumentLocation(dir, file.slice(0, -'.edoc'.length));
      } catch {
        problems.push({ file, code: 'Orphan', message: `${file} is a file Embargo did not write.` });
        continue;
      }
      await check(location, 'document', dataKey);
      continue;
    }
    if (file.endsWith('.tmp') || top === TEAM_SYNC_DIR) continue;
    const where = top === CASES_DIR ? 'a case document the index does not list' : 'a file Embargo did not write';
    problems.push({ file, code: 'Orphan', message: `${file} is ${where}.` });
  }

  // Files the journal recorded that should still be there (a removed case's are not expected).
  for (const name of vault.journal.names()) {
    if (expectedNames.has(name)) continue;
    const [kind, first, second] = name.split(':');
    let label: string | null = null;
    if (kind === 'doc' && first) label = `${first}.edoc`;
    if (kind === 'blob' && first && second && (first === 'vault' || cases[first])) label = `${BLOBS_DIR}/${first}/${second}.eblob`;
    if (label !== null) problems.push({ file: label, code: 'VaultCorrupt', message: `${label} was written by Embargo and is missing.` });
  }

  return { ok: problems.length === 0, checkedFiles, problems };
}
