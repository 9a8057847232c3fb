// Atomic replace: a reader (or a crash) sees the old file or the new one, never a mix.
// The temporary file is created exclusively with mode 0600 in the target's own directory
// (so rename stays on one file system), flushed, renamed over the target, and then the
// directory itself is flushed so the rename survives a power cut.
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { EmbargoError } from '../../shared/errors.ts';

export const TEMP_SUFFIX = '.tmp';

export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw diskFullOr(error, file);
  }
  await syncDirectory(dir);
}

/** A full disk (or quota) is the user's to fix, and nothing was changed: say so with a code. */
function diskFullOr(error: unknown, file: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return error;
  return new EmbargoError('DiskFull', `There is no space left on the disk to write ${basename(file)} (${code}); nothing was changed. Free some space and try again.`, {
    file: basename(file),
    errno: code,
  });
}

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
  } finally {
    await handle.close();
  }
}
