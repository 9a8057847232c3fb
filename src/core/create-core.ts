// The composition root of the core: one vault session, and one handler per contract method.
// Electron main, browser mode and the CLI all build exactly this and call it through
// `createDispatch`.
import type { Handlers } from '../shared/contract/index.ts';
import { vaultMaintenanceMethods } from '../shared/contract/vault.ts';
import { caseMethods } from '../shared/contract/cases.ts';
import { processMethods } from '../shared/contract/process.ts';
import { rosterMethods } from '../shared/contract/roster.ts';
import { cvssMethods } from '../shared/contract/cvss.ts';
import { advisoryMethods } from '../shared/contract/advisory.ts';
import { workspaceMethods } from '../shared/contract/workspace.ts';
import { commitmentMethods } from '../shared/contract/commitment.ts';
import { workspaceRefreshMethods } from '../shared/contract/workspace-refresh.ts';
import { keyringMethods } from '../shared/contract/keyring.ts';
import { peopleMethods } from '../shared/contract/people.ts';
import { distributorMethods } from '../shared/contract/distributors.ts';
import { mailMethods } from '../shared/contract/mail.ts';
import { mailImportMethods } from '../shared/contract/mail-import.ts';
import { systemPorts, type CorePorts } from './ports.ts';
import { Vault, vaultExists, DEFAULT_IDLE_LOCK_MINUTES, type CreateVaultOptions } from './vault/vault.ts';
import { KeyedMutex } from './util/keyed-mutex.ts';
import { lazyHandlers, methodsOf } from './lazy-handlers.ts';
import { teamMethods } from '../shared/contract/team.ts';
import { cryptMethods } from '../shared/contract/crypt.ts';
import { calendarMethods } from '../shared/contract/calendar.ts';
import { cnaMethods } from '../shared/contract/cna.ts';
import { noDialogHandlers } from './platform/no-dialogs.ts';
import { requireOpen, type CoreSession } from './session.ts';
import { SEALED_FORMAT_VERSION } from './vault/sealed-file.ts';

export interface CoreOptions {
  vaultDir: string;
  ports?: CorePorts;
  /** Options for newly created vaults (tests and benchmarks may lower the KDF cost). */
  createOptions?: CreateVaultOptions;
  /** Called when the vault locks itself (idle timeout) so a front end can show it. */
  onAutoLock?(): void;
}

export interface Core {
  handlers: Handlers;
  /** Records activity: resets the idle auto-lock. */
  touch(): void;
  /** Whether a vault is open in this core now. */
  isUnlocked(): boolean;
  /** Locks now (system suspend, screen lock, window closed). */
  lock(): Promise<void>;
  /**
   * Opens the vault with its data key, unwrapped earlier (the CLI's agent): not a contract
   * method, so no renderer can hand in a key. The vault owns the buffer and zeroes it on lock.
   */
  unlockWithDataKey(dataKey: Uint8Array): Promise<void>;
  readonly vaultDir: string;
  /** The open vault, for tools built on the core (benchmarks, tests). */
  openVault(): Vault;
  /** The session handlers use, for core operations that stream files (the CLI's encrypt/decrypt). */
  readonly session: CoreSession;
}

export function createCore(options: CoreOptions): Core {
  const ports = options.ports ?? systemPorts;
  const mutex = new KeyedMutex();
  const vaultDir = options.vaultDir;
  let vault: Vault | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  const requireVault = (): Vault => requireOpen(vault);
  const session: CoreSession = {
    vaultDir,
    ports,
    mutex,
    vault: requireVault,
    cases: () => ({ vault: requireVault(), ports, mutex }),
  };

  function idleMinutes(): number {
    return vault?.isOpen ? vault.index.data.settings.idleLockMinutes : DEFAULT_IDLE_LOCK_MINUTES;
  }

  function armIdleTimer(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (!vault) return;
    idleTimer = setTimeout(() => {
      void lock().then(() => options.onAutoLock?.());
    }, idleMinutes() * 60_000);
    idleTimer.unref?.();
  }

  async function lock(): Promise<void> {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const open = vault;
    vault = null;
    await open?.close();
  }

  async function setVault(next: Vault): Promise<void> {
    await lock();
    vault = next;
    armIdleTimer();
  }

  const handlers: Handlers = {
    'app.state': async () => ({
      vaultDir,
      vaultExists: await vaultExists(vaultDir),
      unlocked: vault?.isOpen ?? false,
      idleLockMinutes: idleMinutes(),
    }),
    'vault.create': async ({ passphrase }) => {
      await setVault(await Vault.create(vaultDir, passphrase, ports, options.createOptions));
      return { vault: vaultDir, formatVersion: SEALED_FORMAT_VERSION };
    },
    'vault.unlock': async ({ passphrase }) => {
      if (vault?.isOpen) await lock();
      await setVault(await Vault.open(vaultDir, passphrase, ports));
      return { ok: true };
    },
    'vault.lock': async () => {
      await lock();
      return { ok: true };
    },
    'vault.status': async () => {
      const open = requireVault();
      const { salt: _salt, ...kdf } = open.keyFile.kdf;
      let events = 0;
      const { readCase } = await import('./cases/case-store.ts');
      const { countKeys } = await import('./keyring/list-keys.ts');
      for (const caseId of Object.keys(open.index.data.cases)) events += (await readCase(session.cases(), caseId)).events.length;
      return {
        vault: vaultDir,
        formatVersion: SEALED_FORMAT_VERSION,
        schemaVersion: open.index.data.schemaVersion,
        kdf,
        cases: Object.keys(open.index.data.cases).length,
        keys: await countKeys(session),
        events,
        createdAt: open.index.data.createdAt,
        idleLockMinutes: open.index.data.settings.idleLockMinutes,
      };
    },
    'vault.verify': async () => (await import('./vault/verify.ts')).verifyVault(requireVault()),
    'vault.changePassphrase': async ({ current, next }) => {
      await mutex.run('keyfile', () => requireVault().changePassphrase(current, next));
      return { ok: true };
    },
    'vault.setIdleLock': async ({ minutes }) => {
      const open = requireVault();
      await mutex.run('index', async () => {
        const before = open.index.data;
        open.index.data = { ...before, settings: { ...before.settings, idleLockMinutes: minutes } };
        try {
          await open.index.write();
        } catch (error) {
          open.index.data = before;
          throw error;
        }
      });
      armIdleTimer();
      return { ok: true };
    },
    // Every other group loads on its first call (lazy-handlers.ts says why).
    ...lazyHandlers(methodsOf(vaultMaintenanceMethods), async () => (await import('./vault/maintenance.ts')).vaultMaintenanceHandlers(session)),
    ...lazyHandlers(methodsOf(caseMethods), async () => (await import('./cases/handlers.ts')).caseHandlers(session)),
    ...lazyHandlers([...methodsOf(processMethods), ...methodsOf(rosterMethods)], async () => (await import('./process/handlers.ts')).processHandlers(session)),
    ...lazyHandlers(methodsOf(cvssMethods), async () => (await import('./cvss/handlers.ts')).cvssHandlers()),
    ...lazyHandlers(methodsOf(advisoryMethods), async () => (await import('./advisory/handlers.ts')).advisoryHandlers(session)),
    ...lazyHandlers(methodsOf(workspaceMethods), async () => {
      const [{ workspaceHandlers }, { keyringEncryptor }] = await Promise.all([import('./workspace/handlers.ts'), import('./keyring/export-encryptor.ts')]);
      return workspaceHandlers(session, { encryptor: () => keyringEncryptor(session) });
    }),
    ...lazyHandlers(methodsOf(workspaceRefreshMethods), async () => (await import('./workspace/refresh-handlers.ts')).workspaceRefreshHandlers(session)),
    ...lazyHandlers(methodsOf(keyringMethods), async () => (await import('./keyring/handlers.ts')).keyringHandlers(session)),
    ...lazyHandlers(methodsOf(peopleMethods), async () => (await import('./people/handlers.ts')).peopleHandlers(session)),
    ...lazyHandlers(methodsOf(distributorMethods), async () => (await import('./distributors/handlers.ts')).distributorHandlers(session)),
    ...lazyHandlers([...methodsOf(mailMethods), ...methodsOf(mailImportMethods)], async () => (await import('./mail/handlers.ts')).mailHandlers(session)),
    ...lazyHandlers(methodsOf(teamMethods), async () => (await import('./team/handlers.ts')).teamHandlers(session)),
    ...noDialogHandlers(),
    ...lazyHandlers(methodsOf(cryptMethods), async () => (await import('./keyring/file-handlers.ts')).cryptFileHandlers(session)),
    ...lazyHandlers(methodsOf(calendarMethods), async () => (await import('./calendar/handlers.ts')).calendarHandlers(session)),
    ...lazyHandlers(methodsOf(cnaMethods), async () => (await import('./cna/handlers.ts')).cnaHandlers(session)),
    ...lazyHandlers(methodsOf(commitmentMethods), async () => (await import('./workspace/commitment-handlers.ts')).commitmentHandlers(session)),
  };

  return {
    handlers,
    vaultDir,
    touch: () => {
      if (vault) armIdleTimer();
    },
    isUnlocked: () => vault !== null && vault.isOpen,
    lock,
    unlockWithDataKey: async (dataKey) => {
      await lock();
      await setVault(await Vault.openWithDataKey(vaultDir, dataKey, ports));
    },
    openVault: requireVault,
    session,
  };
}
