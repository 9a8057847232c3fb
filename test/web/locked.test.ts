// Browser mode binds the core dispatch: a locked vault is refused there, before any handler runs,
// for every method the contract does not mark allowWhenLocked.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCoreDispatch } from '../../src/core/dispatch.ts';
import { createCore, type Core } from '../../src/core/create-core.ts';
import { newToken } from '../../src/web/guard.ts';
import { startWebServer, type WebServer } from '../../src/web/server.ts';

let root: string;
let core: Core;
let server: WebServer;
const token = newToken();
const reached: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'embargo-web-locked-'));
  const staticDir = join(root, 'out-web');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'web.html'), '<!doctype html><title>Embargo</title>');
  core = createCore({ vaultDir: join(root, 'vault') });
  const listCases = core.handlers['case.list'];
  core.handlers['case.list'] = async (input) => {
    reached.push('case.list');
    return listCases(input);
  };
  server = await startWebServer({ dispatch: createCoreDispatch(core), staticDir, token, port: 0 });
});

afterAll(async () => {
  await server.close();
  await core.lock();
  await rm(root, { recursive: true, force: true });
});

async function call(method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ method, input }),
  });
  return response.json();
}

it('answers VaultLocked for case.list without reaching its handler, and app.state still', async () => {
  expect(await call('case.list', {})).toMatchObject({ ok: false, error: { code: 'VaultLocked' } });
  expect(await call('app.state', {})).toMatchObject({ ok: true, value: { unlocked: false } });
  expect(reached).toEqual([]);
});
