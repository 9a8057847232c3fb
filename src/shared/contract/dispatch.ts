// The one dispatch behind Electron IPC, the loopback transport and the CLI: validate the
// method name and the input, call the core, validate the output, and return a Result whose
// error is always a coded, serialisable value.
import type { z } from 'zod';
import { EmbargoError, VaultLockedError, toErrorInfo, type Result } from '../errors.ts';
import { contract, isMethodName, type Handlers } from './index.ts';

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchHooks {
  /** Called before every accepted call (the core uses it to reset the idle auto-lock). */
  onCall?(method: string): void;
  /**
   * Whether the vault is locked now. When given, every method the contract does not mark
   * `allowWhenLocked` is answered `VaultLocked` before its handler runs, whatever front end
   * made the call, so no handler can forget the check.
   */
  isLocked?(): boolean;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

export function createDispatch(handlers: Handlers, hooks: DispatchHooks = {}): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UnknownMethod', message: `There is no method called ${String(method)}.`, data: {} } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'InvalidInput', message: `Invalid input for ${method}: ${describeIssues(parsed.error)}.`, data: { method } },
      };
    }
    if (!spec.allowWhenLocked && hooks.isLocked?.()) {
      return { ok: false, error: toErrorInfo(new VaultLockedError()) };
    }
    hooks.onCall?.(method);
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        throw new EmbargoError('InvalidOutput', `The core returned an invalid result for ${method}: ${describeIssues(checked.error)}.`, {
          method,
        });
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}
