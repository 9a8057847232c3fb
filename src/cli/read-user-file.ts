// A file the user names on the command line, refused on its size before a byte of it is read
// (docs/security.md, Limits): unreadable is a usage error (exit 2), too large is InputTooLarge
// (exit 1), as every importer answers.
import { readFile, stat } from 'node:fs/promises';
import { inputTooLarge } from '../shared/limits.ts';
import { EXIT_FAILED } from './io.ts';
import { CliFailure, usageError } from './session.ts';

function unreadable(file: string, error: unknown): CliFailure {
  return usageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
}

export async function readUserFile(file: string, limit: number, what: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (error) {
    throw unreadable(file, error);
  }
  if (size > limit) throw new CliFailure(inputTooLarge(what, limit, size, 'bytes').toInfo(), EXIT_FAILED);
  try {
    return await readFile(file);
  } catch (error) {
    throw unreadable(file, error);
  }
}
