// A sandboxed preload must be CommonJS: electron.vite.config.ts emits it as index.cjs, and main
// loads exactly that file.
import { describe, expect, it } from 'vitest';
import config from '../../electron.vite.config.ts';
import { builtPaths } from '../../src/main/built-paths.ts';

describe('electron-vite configuration', () => {
  it('emits the preload as CommonJS index.cjs, bundling its dependencies', () => {
    const preload = (config as { preload?: { build?: Record<string, unknown> } }).preload?.build as {
      externalizeDeps?: boolean;
      rolldownOptions?: { output?: { format?: string; entryFileNames?: string } };
    };
    expect(preload.rolldownOptions?.output?.format).toBe('cjs');
    expect(preload.rolldownOptions?.output?.entryFileNames).toBe('[name].cjs');
    expect(preload.externalizeDeps).toBe(false);
  });

  it('main loads the preload, renderer and icon from where the build puts them', () => {
    const paths = builtPaths('/app/out/main');
    expect(paths).toEqual({
      preload: '/app/out/preload/index.cjs',
      renderer: '/app/out/renderer',
      icon: '/app/resources/icon.png',
    });
  });
});
