// End-to-end tests. Project "browser" drives the real renderer in Debian's Chromium through
// browser mode (src/web/serve.ts, started per test by test/e2e/support/browser-mode.ts).
// Project "electron" drives the built desktop app and skips itself, saying why, when no
// Electron binary is installed (offline machines). Browsers are never downloaded.
import { defineConfig } from '@playwright/test';

const chromium = process.env.EMBARGO_E2E_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  // EMBARGO_PW_OUTPUT lets two runs on one machine keep their traces apart.
  outputDir: process.env.EMBARGO_PW_OUTPUT ?? 'test-results/playwright',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser',
      testDir: 'test/e2e/browser',
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: {
          executablePath: chromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
        // A zone away from UTC, so that every screen shows UTC and local time apart.
        timezoneId: 'Europe/Berlin',
        locale: 'en-GB',
        viewport: { width: 1280, height: 800 },
        colorScheme: 'light',
      },
    },
    {
      name: 'electron',
      testDir: 'test/e2e/electron',
    },
  ],
});
