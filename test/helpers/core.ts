// Test helpers: a temporary directory, and a core with an unlocked vault driven through the
// same dispatch as every front end.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../src/core/create-core.ts';
import type { Dispatch } from '../../src/shared/contract/dispatch.ts';
import { createCoreDispatch } from '../../src/core/dispatch.ts';
import type { InputOf, MethodName, OutputOf } from '../../src/shared/contract/index.ts';
import type { Result } from '../../src/shared/errors.ts';

export const TEST_PASSPHRASE = 'test passphrase, not a secret';

export async function tempDir(prefix = 'embargo-test-'): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface TestCore {
  core: Core;
  dispatch: Dispatch;
  /** Calls a method and returns its value; throws with the error's code if it failed. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  /** Calls a method and returns the raw Result. */
  result<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
}

export function testCore(vaultDir: string, options: Partial<CoreOptions> = {}): TestCore {
  const core = createCore({ vaultDir, ...options });
  const dispatch = createCoreDispatch(core);
  const result = (async (method: string, input: unknown) => dispatch(method, input)) as TestCore['result'];
  return {
    core,
    dispatch,
    result,
    call: (async (method: MethodName, input: unknown) => {
      const outcome = await dispatch(method, input);
      if (!outcome.ok) throw Object.assign(new Error(`${outcome.error.code}: ${outcome.error.message}`), { code: outcome.error.code });
      return outcome.value;
    }) as TestCore['call'],
  };
}

/** A fresh vault in a temporary directory, created and unlocked. */
export async function freshVault(options: Partial<CoreOptions> = {}): Promise<TestCore & { dir: string; cleanup(): Promise<void> }> {
  const dir = await tempDir();
  const vaultDir = join(dir.path, 'vault');
  const test = testCore(vaultDir, options);
  await test.call('vault.create', { passphrase: TEST_PASSPHRASE });
  return {
    ...test,
    dir: vaultDir,
    cleanup: async () => {
      await test.core.lock();
      await dir.remove();
    },
  };
}
