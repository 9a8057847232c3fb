// A Playwright fixture: browser mode (src/web/serve.ts) on a free port with a fresh vault in a
// temporary directory, HOME and XDG_CONFIG_HOME pointed there too so nothing touches the real
// home. It reads the one URL the server prints and stops the server after the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type Page } from '@playwright/test';
import type { ApiClient } from '../../../src/shared/contract/index.ts';

declare global {
  interface Window {
    /** What the page's entry installed: the contract client (tests call it through page.evaluate). */
    api?: ApiClient;
  }
}

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const URL_LINE = /^Embargo browser mode: (http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+))$/m;

export interface BrowserMode {
  /** The printed URL, token included. */
  url: string;
  origin: string;
  token: string;
  vaultDir: string;
  /** What the server wrote on stderr so far. */
  stderr(): string;
}

function waitForUrl(child: ChildProcess, stdout: () => string, stderr: () => string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode printed no URL within 60 s:\n${stderr()}`)), 60_000);
    const check = (): void => {
      const match = URL_LINE.exec(stdout());
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code} before printing its URL:\n${stderr()}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ browserMode: BrowserMode }>({
  // eslint-disable-next-line no-empty-pattern
  browserMode: async ({}, use) => {
    const root = await mkdtemp(join(tmpdir(), 'embargo-e2e-'));
    const home = join(root, 'home');
    const tmp = join(root, 'tmp');
    await Promise.all([mkdir(home), mkdir(tmp)]);
    const vaultDir = join(root, 'vault');
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), TMPDIR: tmp };
    delete env.EMBARGO_VAULT;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/serve.ts', '--port', '0', '--vault', vaultDir], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    try {
      const match = await waitForUrl(
        child,
        () => out,
        () => err,
      );
      const [, url, port, token] = match as unknown as [string, string, string, string];
      await use({ url, origin: `http://127.0.0.1:${port}`, token, vaultDir, stderr: () => err });
    } finally {
      await stop(child);
      await rm(root, { recursive: true, force: true });
    }
  },
});

export { expect, type Page } from '@playwright/test';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

/** Saves the page as test-results/screenshots/NAME-light.png and NAME-dark.png. */
export async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${scheme}.png`), animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * Records what must never happen: a console error (CSP violations are reported there), an
 * uncaught exception, or a request to anything but the browser-mode server.
 */
export function watchForProblems(page: Page, origin: string): () => string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) problems.push(`request outside the app: ${url}`);
  });
  return () => problems;
}
