// Every window the app opens: createMainWindow is the only BrowserWindow constructor in main, it
// passes exactly the hardened web preferences, loads only the load target, and shows itself
// only once painted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => ({ options: [] as Record<string, unknown>[], loaded: [] as string[] }));
vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = {};
    constructor(options: Record<string, unknown>) {
      created.options.push(options);
    }
    once() {}
    loadURL(url: string) {
      created.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

import { createMainWindow } from '../../src/main/window.ts';
import { loadTarget, secureWebPreferences, SESSION_PARTITION } from '../../src/main/security/policy.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('createMainWindow', () => {
  it.each([false, true])('gives the window the hardened preferences (dev tools %s) and loads the target', (allowDevTools) => {
    const target = loadTarget(undefined, false);
    createMainWindow({ target, preloadPath: '/app/out/preload/index.cjs', iconPath: '/app/icon.png', allowDevTools });
    const options = created.options.at(-1)!;
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.cjs', allowDevTools));
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      partition: SESSION_PARTITION,
      devTools: allowDevTools,
    });
    expect(JSON.stringify(options.webPreferences)).not.toMatch(/enableBlinkFeatures|"nodeIntegration":true|persist:/);
    expect(created.loaded.at(-1)).toBe(target.entryUrl);
  });

  it('is the only place in main that constructs a window, and main never loads file:// or starts a crash reporter', () => {
    const main = sources('src/main');
    const constructing = main.filter((file) => /new BrowserWindow\(/.test(readFileSync(file, 'utf8')));
    expect(constructing).toEqual([join('src/main', 'window.ts')]);
    for (const file of [...main, ...sources('src/preload')]) {
      // Code only: comments may name what the code must not do.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      expect(text, file).not.toMatch(/crashReporter|shell\.openExternal|loadFile\(|'file:|enableBlinkFeatures|webviewTag:\s*true|nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|allowRunningInsecureContent:\s*true|webSecurity:\s*false|@electron\/remote/);
    }
  });
});
