// The main window: hardened web preferences, shown once painted, and never navigated.
import { BrowserWindow } from 'electron';
import { secureWebPreferences, type LoadTarget } from './security/policy.ts';

export interface WindowOptions {
  target: LoadTarget;
  preloadPath: string;
  iconPath: string;
  allowDevTools: boolean;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'Embargo',
    icon: options.iconPath,
    backgroundColor: '#16181d',
    webPreferences: secureWebPreferences(options.preloadPath, options.allowDevTools),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.target.entryUrl);
  return window;
}
