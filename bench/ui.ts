// The desktop screens at scale, in browser mode in Debian's Chromium (as the E2E suite runs
// them): a vault made by `embargo demo --cases 1000 --notes 10000` (1,000 cases in mid-flight,
// one of them with 10,000 extra events), then the time from Unlock to an interactive case
// list, the rows in the DOM, and the time per frame (requestAnimationFrame deltas, and long
// tasks from PerformanceObserver) while scrolling the list, typing in its search, and
// scrolling the big case's timeline. Figures against the targets of issue 17: interactive
// within 1 s, fewer than 100 rows, under 100 ms per frame. No assertions: a slow machine
// prints slow figures. Needs `npm run build:web` and `npm run build:cli` first.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { fmt, percentile, printRows } from './lib.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'embargo.js');
const CHROMIUM = process.env.EMBARGO_E2E_CHROMIUM ?? '/usr/bin/chromium';
const PASSPHRASE = 'bench-ui-lantern-quartz-heron-73';
const CASES = Number(process.env.EMBARGO_BENCH_UI_CASES ?? 1000);
const NOTES = Number(process.env.EMBARGO_BENCH_UI_NOTES ?? 10_000);

/** The frames the page drew, and its long tasks, while `work` ran. */
async function frames(page: Page, work: () => Promise<void>): Promise<{ deltas: number[]; longTasks: number[] }> {
  // Scripts as strings: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    const state = { deltas: [], longTasks: [], running: true };
    window.benchFrames = state;
    let last = performance.now();
    const tick = (now) => {
      state.deltas.push(now - last);
      last = now;
      if (state.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  })()`);
  await work();
  return page.evaluate(`(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const state = window.benchFrames;
    state.running = false;
    return { deltas: state.deltas, longTasks: state.longTasks };
  })()`) as Promise<{ deltas: number[]; longTasks: number[] }>;
}

function frameRow(name: string, measured: { deltas: number[]; longTasks: number[] }): [string, ...string[]] {
  const worst = Math.max(0, ...measured.deltas, ...measured.longTasks);
  return [
    name,
    `${measured.deltas.length} frames, p95 ${fmt(percentile(measured.deltas, 95))}, worst ${fmt(worst)}, ${measured.longTasks.length} long tasks`,
    '< 100 ms per frame',
    worst < 100 ? 'ok' : 'OVER',
  ];
}

function startServer(vault: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/serve.ts', '--port', '0', '--vault', vault], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /^Embargo browser mode: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)$/m.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${err}`)));
  });
}

export async function runUiBench(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: no Chromium at ${CHROMIUM} (set EMBARGO_E2E_CHROMIUM)`);
    return;
  }
  if (!existsSync(join(ROOT, 'out', 'web'))) {
    console.log('skipped: run `npm run build:web` first');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'embargo-bench-ui-'));
  const home = join(dir, 'home');
  mkdirSync(join(home, '.config'), { recursive: true });
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), TMPDIR: dir };
  const vault = join(dir, 'vault');
  let server: ChildProcess | undefined;
  try {
    const madeAt = process.hrtime.bigint();
    const made = spawnSync(process.execPath, [BIN, '--vault', vault, 'demo', '--cases', String(CASES), '--notes', String(NOTES)], {
      env: { ...env, EMBARGO_PASSPHRASE: PASSPHRASE },
      encoding: 'utf8',
    });
    if (made.status !== 0) throw new Error(`embargo demo failed: ${made.stderr.slice(-400)}`);
    const madeMs = Number(process.hrtime.bigint() - madeAt) / 1e6;

    const started = await startServer(vault, env);
    server = started.child;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
      await page.goto(started.url);
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);

      // Unlock → the list drawn and the main thread free again (two frames after the first row).
      const unlockAt = Date.now();
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.locator('tr.case-list__row').first().waitFor({ timeout: 120_000 });
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      const interactiveMs = Date.now() - unlockAt;
      const listRows = await page.locator('tr.case-list__row').count();
      const shown = (await page.getByText(/^\d+ cases$/).first().textContent()) ?? '?';

      const scroller = page.locator('.case-list__scroll');
      const box = await scroller.boundingBox();
      const scrolling = await frames(page, async () => {
        await page.mouse.move((box?.x ?? 0) + 300, (box?.y ?? 0) + 200);
        for (let i = 0; i < 40; i += 1) {
          await page.mouse.wheel(0, 600);
          await page.waitForTimeout(16);
        }
        await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight));
        await page.waitForTimeout(100);
      });
      const rowsScrolled = await page.locator('tr.case-list__row').count();

      const search = page.getByLabel('Search cases by title, id or CVE');
      const typing = await frames(page, async () => {
        await search.click();
        await page.keyboard.type('gadget-proxy exhaust', { delay: 40 });
        for (let i = 0; i < 8; i += 1) await page.keyboard.press('Backspace', { delay: 40 });
        await search.fill('');
        await page.waitForTimeout(100);
      });

      // The case with 10,000 events: its Timeline tab, and a scroll through the event list.
      await search.fill('EMB-0001');
      await page.locator('tr.case-list__row').first().getByRole('button').first().click();
      const tabAt = Date.now();
      await page.getByRole('tab', { name: /^Timeline/ }).click();
      const region = page.getByRole('region', { name: /^Timeline, newest first: \d+ events$/ });
      await page.locator('.timeline__item').first().waitFor({ timeout: 120_000 });
      const timelineMs = Date.now() - tabAt;
      const events = (await region.getAttribute('aria-label'))?.match(/(\d+) events$/)?.[1] ?? '?';
      const eventBox = await region.boundingBox();
      const timelineScroll = await frames(page, async () => {
        await page.mouse.move((eventBox?.x ?? 0) + 200, (eventBox?.y ?? 0) + 100);
        for (let i = 0; i < 40; i += 1) {
          await page.mouse.wheel(0, 800);
          await page.waitForTimeout(16);
        }
        await region.evaluate((element) => (element.scrollTop = element.scrollHeight));
        await page.waitForTimeout(100);
      });
      const eventRows = await page.locator('.timeline__item').count();

      printRows(`UI at scale (${CASES} cases, ${NOTES} extra events on EMB-0001; vault made in ${fmt(madeMs)} by embargo demo)`, [
        ['measure', 'figure', 'target', ''],
        ['unlock → interactive case list', fmt(interactiveMs), '< 1 s', interactiveMs < 1000 ? 'ok' : 'OVER'],
        ['case rows in the DOM (top)', `${listRows} (of ${shown})`, '< 100', listRows < 100 ? 'ok' : 'OVER'],
        ['case rows in the DOM (scrolled)', String(rowsScrolled), '< 100', rowsScrolled < 100 ? 'ok' : 'OVER'],
        frameRow('scrolling the case list', scrolling),
        frameRow('typing in the search', typing),
        ['Timeline tab → first event', fmt(timelineMs), '(no target)', ''],
        ['event rows in the DOM (scrolled)', `${eventRows} (of ${events})`, '< 100', eventRows < 100 ? 'ok' : 'OVER'],
        frameRow('scrolling the event list', timelineScroll),
      ]);
    } finally {
      await browser.close();
    }
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
