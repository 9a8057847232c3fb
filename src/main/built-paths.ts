// Where electron-vite puts the built preload and renderer, relative to out/main. Pure, so the
// test that the preload name matches the CommonJS output of electron.vite.config.ts runs
// without Electron.
import { join } from 'node:path';

export interface BuiltPaths {
  preload: string;
  renderer: string;
  icon: string;
}

export function builtPaths(mainDir: string): BuiltPaths {
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    renderer: join(mainDir, '../renderer'),
    icon: join(mainDir, '../../resources/icon.png'),
  };
}
