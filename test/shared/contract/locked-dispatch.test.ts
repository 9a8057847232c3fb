// The dispatch, not each handler, refuses work on a locked vault: every method the contract does
// not mark `allowWhenLocked` is answered VaultLocked before its handler runs. Electron IPC, browser
// mode and the CLI all bind createCoreDispatch, so this holds for each of them; the browser-mode
// and IPC tests check the same answer through their own transports.
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../src/shared/contract/dispatch.ts';
import { contract, type Handlers, type MethodName } from '../../../src/shared/contract/index.ts';
import { createCoreDispatch } from '../../../src/core/dispatch.ts';
import { createCore } from '../../../src/core/create-core.ts';
import { tempDir } from '../../helpers/core.ts';

const methods = Object.keys(contract) as MethodName[];

function recordingHandlers(called: string[]): Handlers {
  return Object.fromEntries(
    methods.map((name) => [
      name,
      async () => {
        called.push(name);
        throw new Error('stand-in handler');
      },
    ]),
  ) as unknown as Handlers;
}

describe('allowWhenLocked is enforced by the dispatch', () => {
  it('answers VaultLocked for every other method, without calling its handler', async () => {
    const called: string[] = [];
    const dispatch = createDispatch(recordingHandlers(called), { isLocked: () => true });
    const refused: string[] = [];
    for (const name of methods) {
      const spec = contract[name];
      if (spec.allowWhenLocked) continue;
      // Input validation runs first, so an empty input may fail as InvalidInput; a valid one must
      // be refused as VaultLocked. Either way the handler never runs.
      const outcome = await dispatch(name, {});
      expect(outcome.ok, name).toBe(false);
      if (!outcome.ok && outcome.error.code === 'VaultLocked') refused.push(name);
    }
    expect(called).toEqual([]);
    expect(refused.length).toBeGreaterThan(10);
  });

  it('lets the allowWhenLocked methods through to their handlers', async () => {
    const called: string[] = [];
    const dispatch = createDispatch(recordingHandlers(called), { isLocked: () => true });
    const allowed = methods.filter((name) => contract[name].allowWhenLocked);
    for (const name of allowed) await dispatch(name, {});
    expect(allowed.length).toBeGreaterThan(0);
    // Those whose empty input is valid reached the handler; none was answered VaultLocked.
    for (const name of allowed) {
      const outcome = await dispatch(name, {});
      if (!outcome.ok) expect(outcome.error.code, name).not.toBe('VaultLocked');
    }
    expect(called).toContain('app.state');
  });

  it('the core dispatch refuses a locked vault and serves it once unlocked', async () => {
    const dir = await tempDir('embargo-locked-');
    try {
      const core = createCore({
        vaultDir: `${dir.path}/vault`,
        createOptions: { kdf: { algorithm: 'argon2id', memoryKiB: 1024, iterations: 1, parallelism: 1 } },
      });
      const dispatch = createCoreDispatch(core);
      expect(await dispatch('case.list', {})).toMatchObject({ ok: false, error: { code: 'VaultLocked' } });
      expect(await dispatch('cvss.score', { vectors: ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'] })).toMatchObject({ ok: true });
      expect(await dispatch('vault.create', { passphrase: 'locked dispatch passphrase' })).toMatchObject({ ok: true });
      expect(await dispatch('case.list', {})).toMatchObject({ ok: true });
      await core.lock();
      expect(await dispatch('case.list', {})).toMatchObject({ ok: false, error: { code: 'VaultLocked' } });
    } finally {
      await dir.remove();
    }
  });
});
