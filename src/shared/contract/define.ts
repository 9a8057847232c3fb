// A contract method: the zod schema of its input and of its output. Every call across a
// process boundary (Electron IPC, the loopback transport, the CLI) is checked against both.
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for docs and `--help`. */
  summary: string;
  /** Methods that may run while the vault is locked (unlock itself, app state, …). */
  allowWhenLocked?: boolean;
  /**
   * Calls a front end makes on its own (the renderer's state poll), not because someone is at
   * the keyboard: they do not count as activity for the idle auto-lock.
   */
  passive?: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

/** What serves one method: given its parsed input, its output (`src/core/<cap>/<op>.ts`). */
export type HandlerOf<S extends MethodSpec> = (input: z.output<S['input']>) => Promise<z.output<S['output']>>;

/** A capability's handler map, typed from its contract group (`HandlersOf<typeof peopleMethods>`). */
export type HandlersOf<G extends Record<string, MethodSpec>> = { [M in keyof G]: HandlerOf<G[M]> };
