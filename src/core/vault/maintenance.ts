// Whole-vault operations: backup, restore, the vault's own timeline, and the secure removal of
// a closed case. Each change to the vault itself is an event on the vault timeline (in the
// index), hash-chained like a case timeline.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Handlers } from '../../shared/contract/index.ts';
import { EmbargoError, VaultExistsError } from '../../shared/errors.ts';
import { ConfirmationRequiredError } from '../keyring/errors.ts';
import { actorName, readCase } from '../cases/case-store.ts';
import { documentSchedule } from '../process/case-process.ts';
import { isClosed } from '../process/overview.ts';
import type { CoreSession } from '../session.ts';
import { isBackupPath, restoreBackup, writeBackup } from './backup.ts';
import { KEY_FILE_NAME } from './key-file.ts';
import { Vault, vaultExists } from './vault.ts';
import { verifyVault } from './verify.ts';
import { withVaultEvent, type VaultEventType } from './vault-timeline.ts';
import type { TimelineEvent } from '../../shared/contract/index.ts';

type MaintenanceMethods = 'vault.backup' | 'vault.restore' | 'vault.timeline' | 'case.remove';

/** Appends one event to the vault timeline; memory is restored if the index write fails. */
async function appendVaultEvent(vault: Vault, at: string, actor: string, type: VaultEventType, data: Record<string, unknown>): Promise<TimelineEvent> {
  const before = vault.index.data;
  const { index, event } = withVaultEvent(before, { at, actor, type, data });
  vault.index.data = index;
  try {
    await vault.index.write();
  } catch (error) {
    vault.index.data = before;
    throw error;
  }
  return event;
}

/** Every sealed file of the vault, vault-relative, in a stable order (no lock, no temporary files). */
async function vaultFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(isBackupPath)
    .sort();
}

export function vaultMaintenanceHandlers(session: CoreSession): Pick<Handlers, MaintenanceMethods> {
  const { ports, mutex } = session;

  return {
    'vault.backup': async ({ output }) => {
      const vault = session.vault();
      const target = resolve(output);
      if (target === vault.dir || target.startsWith(vault.dir + sep)) {
        throw new EmbargoError('InvalidInput', 'A backup cannot be written inside the vault it copies; choose a file elsewhere.', { output });
      }
      return mutex.run('index', async () => {
        // No write runs while the files are copied, so the backup is one consistent state.
        const summary = await vault.exclusive(async () =>
          writeBackup(
            {
              dir: vault.dir,
              dataKey: vault.dataKeyForIndex,
              vaultId: vault.index.data.vaultId,
              keyFileText: await readFile(join(vault.dir, KEY_FILE_NAME), 'utf8'),
              files: await vaultFiles(vault.dir),
            },
            target,
            ports,
          ),
        );
        const { backupId, files, bytes } = summary;
        await appendVaultEvent(vault, ports.now().toISOString(), actorName(session.cases()), 'vault.backed-up', { backupId, files, bytes });
        return { ...summary, output: target };
      });
    },

    'vault.restore': async ({ backup, passphrase }) => {
      const dir = session.vaultDir;
      if (await vaultExists(dir)) throw new VaultExistsError(dir);
      const summary = await restoreBackup(resolve(backup), passphrase, dir, ports);
      const vault = await Vault.open(dir, passphrase, ports);
      try {
        const report = await verifyVault(vault);
        const actor = vault.index.data.settings.actorName;
        await appendVaultEvent(vault, ports.now().toISOString(), actor, 'vault.restored', {
          backupId: summary.backupId,
          backupCreatedAt: summary.createdAt,
          files: summary.files,
          verified: report.ok,
        });
        return { ...summary, vault: dir, verify: report };
      } finally {
        await vault.close();
      }
    },

    'vault.timeline': async () => ({ events: structuredClone(session.vault().index.data.events) }),

    'case.remove': async ({ id, confirm }) => {
      const context = session.cases();
      const vault = context.vault;
      if (!confirm) throw new ConfirmationRequiredError(`Removing case ${id} and shredding its key (it cannot be undone)`);
      return mutex.run(`case:${id}`, () =>
        mutex.run('index', async () => {
          const document = await readCase(context, id);
          const now = ports.now();
          if (!isClosed(documentSchedule(document, now))) {
            throw new EmbargoError('NotAllowed', `Case ${id} is not closed: every required step must be done or skipped before it can be removed.`, { id });
          }
          return vault.exclusive(async () => {
            const entry = vault.index.data.cases[id]!;
            const before = vault.index.data;
            const { [id]: _removed, ...cases } = before.cases;
            const { index, event } = withVaultEvent(
              { ...before, cases },
              {
                at: now.toISOString(),
                actor: actorName(context),
                type: 'case.removed',
                data: { id, title: entry.title, createdAt: entry.createdAt, events: document.events.length, lastEventHash: document.events.at(-1)?.hash ?? null },
              },
            );
            // The index without the case's key is the point of no return: from then on its
            // files cannot be read by anyone, and deleting them is tidying up (finished at the
            // next unlock if a crash interrupts it).
            vault.index.data = index;
            try {
              await vault.index.write();
            } catch (error) {
              vault.index.data = before;
              throw error;
            }
            const files = await vault.deleteCaseFiles(id);
            return { id, removed: true as const, files, event };
          });
        }),
      );
    },
  };
}
