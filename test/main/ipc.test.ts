// Every IPC call is checked against its sender before it reaches the dispatch. Electron is
// replaced by a stand-in (its binary is not needed, and never downloaded, to test this).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';

const electron = vi.hoisted(() => ({ handlers: new Map<string, (...args: unknown[]) => unknown>() }));
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => electron.handlers.set(channel, handler) },
}));

import { bindIpc } from '../../src/main/ipc.ts';
import { CALL_CHANNEL } from '../../src/main/channels.ts';
import { BUNDLE_ENTRY_URL, loadTarget } from '../../src/main/security/policy.ts';
import { createCore } from '../../src/core/create-core.ts';
import { createDispatch, type Dispatch } from '../../src/shared/contract/dispatch.ts';
import { createCoreDispatch } from '../../src/core/dispatch.ts';

const target = loadTarget(undefined, false);
const mainFrame = { url: BUNDLE_ENTRY_URL };
const webContents = { mainFrame };
const window = { webContents } as unknown as BrowserWindow;

function invoke(event: { sender: unknown; senderFrame: unknown }, method: unknown, input: unknown): Promise<unknown> {
  const handler = electron.handlers.get(CALL_CHANNEL);
  if (!handler) throw new Error('no handler bound');
  return Promise.resolve(handler(event, method, input));
}

describe('bindIpc', () => {
  let dispatch: ReturnType<typeof vi.fn<Dispatch>>;

  beforeEach(() => {
    electron.handlers.clear();
    dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'dispatched' }));
    bindIpc(dispatch, target, () => window);
  });

  it('passes calls from the main frame of our window to the dispatch', async () => {
    await expect(invoke({ sender: webContents, senderFrame: mainFrame }, 'case.list', {})).resolves.toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith('case.list', {});
  });

  it('refuses a subframe, a foreign page, a destroyed frame and another webContents without dispatching', async () => {
    const refusals = [
      { sender: webContents, senderFrame: { url: BUNDLE_ENTRY_URL } }, // an iframe showing our URL
      { sender: webContents, senderFrame: null },
      { sender: { mainFrame }, senderFrame: mainFrame },
    ];
    for (const event of refusals) {
      await expect(invoke(event, 'case.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
    }
    const navigatedAway = { url: 'https://evil.example/' };
    electron.handlers.clear();
    bindIpc(dispatch, target, () => ({ webContents: { mainFrame: navigatedAway } }) as unknown as BrowserWindow);
    await expect(invoke({ sender: undefined, senderFrame: navigatedAway }, 'case.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'Unauthorized' },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses every call when there is no window', async () => {
    electron.handlers.clear();
    bindIpc(dispatch, target, () => null);
    await expect(invoke({ sender: webContents, senderFrame: mainFrame }, 'case.list', {})).resolves.toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('bindIpc with the real dispatch', () => {
  let dir: string;
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('answers contract calls with Results, and unknown methods with a coded error', async () => {
    dir = await mkdtemp(join(tmpdir(), 'embargo-ipc-'));
    const core = createCore({ vaultDir: join(dir, 'vault') });
    electron.handlers.clear();
    bindIpc(createDispatch(core.handlers), target, () => window);
    const event = { sender: webContents, senderFrame: mainFrame };
    await expect(invoke(event, 'app.state', {})).resolves.toMatchObject({ ok: true, value: { vaultExists: false, unlocked: false } });
    await expect(invoke(event, 'case.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'VaultLocked' } });
    await expect(invoke(event, { toString: () => 'app.state' }, {})).resolves.toMatchObject({ ok: false, error: { code: 'UnknownMethod' } });
    await expect(invoke(event, 'constructor', {})).resolves.toMatchObject({ ok: false, error: { code: 'UnknownMethod' } });
  });

  it('binds the core dispatch, which refuses a locked vault before any handler runs', async () => {
    dir = await mkdtemp(join(tmpdir(), 'embargo-ipc-'));
    const core = createCore({ vaultDir: join(dir, 'vault') });
    const reached: string[] = [];
    const listCases = core.handlers['case.list'];
    core.handlers['case.list'] = async (input) => {
      reached.push('case.list');
      return listCases(input);
    };
    electron.handlers.clear();
    bindIpc(createCoreDispatch(core), target, () => window);
    const event = { sender: webContents, senderFrame: mainFrame };
    await expect(invoke(event, 'case.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'VaultLocked' } });
    await expect(invoke(event, 'app.state', {})).resolves.toMatchObject({ ok: true });
    expect(reached).toEqual([]);
  });
});
