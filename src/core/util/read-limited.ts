// Reading a file the user names, refused on its size before a byte of it is loaded.
import { readFileSync, statSync } from 'node:fs';
import { checkLimit } from '../../shared/limits.ts';

/** The bytes of `path`, or InputTooLarge when the file is larger than `limit`. */
export function readFileWithin(path: string, limit: number, what: string): Buffer {
  checkLimit(what, limit, statSync(path).size, 'bytes');
  return readFileSync(path);
}
