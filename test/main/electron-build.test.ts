// `electron-vite build` works without the Electron binary and produces what main expects: an
// ES module main, a CommonJS preload (sandboxed preloads cannot load ES modules) that exposes
// only the contract client, and a renderer whose index.html carries the CSP.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_CSP } from '../../src/main/security/csp.ts';

let outDir: string;
let build: ReturnType<typeof spawnSync>;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'embargo-electron-build-'));
  build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--outDir', outDir, '--logLevel', 'error'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('electron-vite build', () => {
  it('succeeds', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  });

  it('emits main as an ES module that imports electron', () => {
    const main = readFileSync(join(outDir, 'main', 'index.js'), 'utf8');
    expect(main).toMatch(/^import .* from "electron";$/m);
  });

  it('emits the preload as CommonJS that exposes only window.api', () => {
    const preload = readFileSync(join(outDir, 'preload', 'index.cjs'), 'utf8');
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    const exposures = [...preload.matchAll(/exposeInMainWorld\("([^"]+)"/g)].map((m) => m[1]);
    expect(exposures).toEqual(['api']);
    expect(existsSync(join(outDir, 'preload', 'index.mjs'))).toBe(false);
  });

  it('emits the renderer with the CSP meta tag and relative asset URLs', () => {
    const html = readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8');
    expect(html).toContain(`content="${DESKTOP_CSP}"`);
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
