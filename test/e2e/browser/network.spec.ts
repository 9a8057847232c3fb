// Offline in the browser too: the main flow (create a vault, open a case, add a note, lock, a
// wrong passphrase, unlock) with every request the browser context makes recorded — documents,
// scripts, styles, images, fonts, fetches, websockets, service workers. Every one must go to
// the loopback origin of browser mode (or stay inside the page as data:/blob:).
import { test, expect } from '../support/browser-mode.ts';

const PASSPHRASE = 'quartz-lantern-mosaic-ferry-41';

test('the main flow requests nothing outside the loopback origin', async ({ page, context, browserMode }) => {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => requests.push(socket.url()));

  await page.goto(browserMode.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'New case' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title').fill('Offline check');
  await dialog.getByLabel(/Disclosed at/).fill('2026-11-20T09:30');
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name: 'Offline check', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await page.getByLabel('Add a note').fill('nothing leaves this machine');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('nothing leaves this machine')).toBeVisible();

  await page.getByRole('button', { name: 'Lock' }).click();
  const unlock = page.getByLabel('Passphrase', { exact: true });
  await unlock.fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('The passphrase is wrong');
  await unlock.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('table', { name: 'Cases' })).toBeVisible();

  // The flow did talk to the app (so the recorder saw traffic), and only to the app.
  expect(requests.some((url) => url.startsWith(`${browserMode.origin}/api`) || url.startsWith(browserMode.origin))).toBe(true);
  const outside = requests.filter((url) => !url.startsWith(`${browserMode.origin}/`) && !/^(data|blob):/.test(url));
  expect(outside).toEqual([]);
  expect(new URL(browserMode.origin).hostname).toBe('127.0.0.1');
});
