// One writer per vault. The lock is a file created exclusively; it names its holder so the
// second process can say who has the vault. A lock left by a process that no longer runs on
// this host (a crash, SIGKILL) is stale and is taken over.
import { link, open, readFile, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { VaultInUseError } from '../../shared/errors.ts';

export const LOCK_FILE_NAME = '.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface VaultLock {
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

// The owner is written to a private temporary file first and then hard-linked into place:
// link() fails with EEXIST like an exclusive create, but the lock file never exists half
// written, so a crash cannot leave a lock whose holder is unknown.
async function publishLockFile(file: string, owner: LockOwner): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(JSON.stringify(owner));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

export async function acquireVaultLock(dir: string, now: Date): Promise<VaultLock> {
  const file = join(dir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await publishLockFile(file, me);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          const owner = await readOwner(file);
          if (owner?.pid === me.pid && owner.since === me.since) await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readOwner(file);
      const stale = owner === undefined ? false : owner.host === me.host && !isRunning(owner.pid);
      if (!stale || attempt > 0) {
        const holder = owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : 'unknown process';
        throw new VaultInUseError(dir, holder);
      }
      await unlink(file).catch(() => undefined);
    }
  }
  throw new VaultInUseError(dir, 'unknown process');
}
