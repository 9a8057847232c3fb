// The composition root of the core: one vault session, and one handler per contract method.
// Electron main, browser mode and the CLI all build exactly this and call it through
// `createDispatch`.
import type { Handlers } from '../shared/contract/index.ts';
import { systemPorts, type CorePorts } from './ports.ts';
import { Vault, vaultExists, DEFAULT_IDLE_LOCK_MINUTES, type CreateVaultOptions } from './vault/vault.ts';
import { verifyVault } from './vault/verify.ts';
import { vaultMaintenanceHandlers } from './vault/maintenance.ts';
import { KeyedMutex } from './util/keyed-mutex.ts';
import { readCase } from './cases/case-store.ts';
import { caseHandlers } from './cases/handlers.ts';
import { processHandlers } from './process/handlers.ts';
import { cvssHandlers } from './cvss/handlers.ts';
import { advisoryHandlers } from './advisory/handlers.ts';
import { workspaceHandlers } from './workspace/handlers.ts';
import { keyringHandlers } from './keyring/handlers.ts';
import { keyringEncryptor } from './keyring/export-encryptor.ts';
import { countKeys } from './keyring/list-keys.ts';
import { peopleHandlers } from './people/handlers.ts';
import { distributorHandlers } from './distributors/handlers.ts';
import { mailHandlers } from './mail/handlers.ts';
import { noDialogHandlers } from './platform/no-dialogs.ts';
import { cryptFileHandlers } from './keyring/file-handlers.ts';
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
    'vault.verify': async () => verifyVault(requireVault()),
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
    ...vaultMaintenanceHandlers(session),
    ...caseHandlers(session),
    ...processHandlers(session),
    ...cvssHandlers(),
    ...advisoryHandlers(session),
    ...workspaceHandlers(session, { encryptor: () => keyringEncryptor(session) }),
    ...keyringHandlers(session),
    ...peopleHandlers(session),
    ...distributorHandlers(session),
    ...mailHandlers(session),
    ...noDialogHandlers(),
    ...cryptFileHandlers(session),
  };

  return {
    handlers,
    vaultDir,
    touch: () => {
      if (vault) armIdleTimer();
    },
    isUnlocked: () => vault !== null && vault.isOpen,
    lock,
    openVault: requireVault,
    session,
  };
}
