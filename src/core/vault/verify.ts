// `vault verify`: re-reads every file from disk (not from memory), checks its authentication,
// checks every case timeline's hash chain, and reports files the index does not account for.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { EmbargoError } from '../../shared/errors.ts';
import { verifyChain } from '../timeline/chain.ts';
import { KEY_FILE_NAME, parseKeyFile } from './key-file.ts';
import { LOCK_FILE_NAME } from './lock.ts';
import { EncryptedJsonAdapter } from './encrypted-adapter.ts';
import { openSealedBytes } from './sealed-file.ts';
import { migrateDocument } from './migrations.ts';
import { CASE_MIGRATIONS, type CaseDocument } from './documents.ts';
import { BLOBS_DIR, CASES_DIR, INDEX_FILE, caseLocation, type Vault } from './vault.ts';

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

export async function verifyVault(vault: Vault, randomBytes: (n: number) => Uint8Array): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const accounted = new Set<string>([KEY_FILE_NAME, LOCK_FILE_NAME]);
  let checkedFiles = 0;
  const dir = vault.dir;

  checkedFiles += 1;
  try {
    parseKeyFile(await readFile(join(dir, KEY_FILE_NAME), 'utf8'));
  } catch (error) {
    problems.push(problemFrom(KEY_FILE_NAME, error));
  }

  checkedFiles += 1;
  accounted.add(INDEX_FILE);
  try {
    const adapter = new EncryptedJsonAdapter({ file: join(dir, INDEX_FILE), label: INDEX_FILE, name: 'index' }, vault.dataKeyForIndex, randomBytes);
    if ((await adapter.read()) === null) problems.push({ file: INDEX_FILE, code: 'VaultCorrupt', message: 'The vault index is missing.' });
  } catch (error) {
    problems.push(problemFrom(INDEX_FILE, error));
  }

  for (const [caseId, entry] of Object.entries(vault.index.data.cases)) {
    const location = caseLocation(dir, caseId);
    accounted.add(location.label);
    checkedFiles += 1;
    try {
      const raw = await new EncryptedJsonAdapter(location, Buffer.from(entry.key, 'base64'), randomBytes).read();
      if (raw === null) {
        problems.push({ file: location.label, code: 'VaultCorrupt', message: `The document of case ${caseId} is missing.` });
        continue;
      }
      const { document } = migrateDocument<CaseDocument>(raw, CASE_MIGRATIONS, location.label);
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
      checkedFiles += 1;
      const blobId = name.slice(0, -'.eblob'.length);
      const key = scope === 'vault' ? vault.dataKeyForIndex : vault.index.data.cases[scope]?.key;
      if (key === undefined) {
        problems.push({ file, code: 'Orphan', message: `Blob ${file} belongs to no case in the index.` });
        continue;
      }
      try {
        const keyBytes = typeof key === 'string' ? Buffer.from(key, 'base64') : key;
        openSealedBytes(keyBytes, 'blob', `blob:${scope}:${blobId}`, await readFile(join(dir, file)), file);
      } catch (error) {
        problems.push(problemFrom(file, error));
      }
      continue;
    }
    if (file.endsWith('.edoc') && !file.includes('/')) {
      checkedFiles += 1;
      const name = file.slice(0, -'.edoc'.length);
      try {
        await new EncryptedJsonAdapter({ file: join(dir, file), label: file, name: `doc:${name}` }, vault.dataKeyForIndex, randomBytes).read();
      } catch (error) {
        problems.push(problemFrom(file, error));
      }
      continue;
    }
    if (file.endsWith('.tmp')) continue;
    const where = top === CASES_DIR ? 'a case document the index does not list' : 'a file Embargo did not write';
    problems.push({ file, code: 'Orphan', message: `${file} is ${where}.` });
  }

  return { ok: problems.length === 0, checkedFiles, problems };
}
