// Handler groups loaded on their first call. A group's module and what it imports (openpgp for
// the keyring, ajv and the CSAF validator for advisories, isomorphic-git for the workspace,
// nodemailer for mail) cost the CLI seconds and megabytes at start; most commands need one group
// or none. The method names come from the contract, so the core still has a handler for every
// method from the start and the dispatch, its validation and its locking are unchanged.
import type { Handlers, MethodName } from '../shared/contract/index.ts';

type Group<K extends MethodName> = Pick<Handlers, K>;

/** The method names of a contract group (`keyringMethods`, `mailMethods`, …). */
export function methodsOf<K extends MethodName>(group: Record<K, unknown>): K[] {
  return Object.keys(group) as K[];
}

export function lazyHandlers<K extends MethodName>(methods: readonly K[], load: () => Promise<Group<K>>): Group<K> {
  let loading: Promise<Group<K>> | null = null;
  const group = (): Promise<Group<K>> => {
    // A failed import is retried on the next call rather than remembered.
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  const handlers = {} as Record<K, (input: unknown) => Promise<unknown>>;
  for (const method of methods) {
    handlers[method] = async (input) => {
      const handler = (await group())[method] as ((input: unknown) => Promise<unknown>) | undefined;
      if (!handler) throw new Error(`the handler group for ${method} does not serve it`);
      return handler(input);
    };
  }
  return handlers as unknown as Group<K>;
}
