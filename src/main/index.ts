// The Electron main process, top to bottom: single-instance lock, security setup, the core,
// IPC binding, the window. It stays thin: every decision is in security/policy.ts or the core.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, type BrowserWindow } from 'electron';
import { createCore } from '../core/create-core.ts';
import { defaultUserDataDir, defaultVaultDir } from '../core/paths.ts';
import { createCoreDispatch } from '../core/dispatch.ts';
import { LOCKED_CHANNEL } from './channels.ts';
import { bindIpc } from './ipc.ts';
import { withNativeDialogs } from './dialogs.ts';
import { installMenu } from './menu.ts';
import { lockOnSuspend } from './power.ts';
import { hardenApp, hardenDefaultSession, hardenedSession, registerBundleScheme } from './security/harden.ts';
import { confineCrashDumps } from './security/crash-dumps.ts';
import { loadTarget } from './security/policy.ts';
import { builtPaths } from './built-paths.ts';
import { createMainWindow } from './window.ts';

// 1. One instance: a second one would find the vault locked by the first (VaultInUse).
// process.exit, not app.quit: nothing below may run in the second instance.
if (!app.requestSingleInstanceLock()) process.exit(0);

// 2. Security setup. The desktop app and the CLI share one default vault directory.
app.setName('Embargo');
app.setPath('userData', defaultUserDataDir());
// No crash reporter is ever started; a dump Chromium might still write stays in a private,
// wiped directory (security/crash-dumps.ts).
confineCrashDumps(app, app.getPath('userData'));
const paths = builtPaths(dirname(fileURLToPath(import.meta.url)));
const target = loadTarget(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
const allowDevTools = !app.isPackaged;
registerBundleScheme();
hardenApp(target);

// 3. The core: the same composition root as browser mode and the CLI.
let mainWindow: BrowserWindow | null = null;
const notifyLocked = (): void => mainWindow?.webContents.send(LOCKED_CHANNEL);
const core = createCore({ vaultDir: defaultVaultDir(), onAutoLock: notifyLocked });

// 4. IPC: one channel, sender checked on every call, then the shared dispatch (with the native
// file dialogs answered here: the core has no window).
bindIpc(withNativeDialogs(createCoreDispatch(core), dialog, () => mainWindow), target, () => mainWindow);

// 5. The window, once Electron is ready.
function openWindow(): void {
  mainWindow = createMainWindow({ target, preloadPath: paths.preload, iconPath: paths.icon, allowDevTools });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

app.on('window-all-closed', () => {
  // Closing the window ends the session: lock, then quit (on macOS too — no vault left open in the dock).
  void core.lock().finally(() => app.quit());
});

app.on('before-quit', () => {
  void core.lock();
});

void app.whenReady().then(() => {
  hardenedSession(target, paths.renderer);
  hardenDefaultSession();
  installMenu(process.platform === 'darwin', allowDevTools);
  lockOnSuspend(() => core.lock(), notifyLocked);
  openWindow();
});
