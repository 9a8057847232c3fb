// Read-modify-write of a vault-wide document (keyring, people, distributors) under the
// session's mutex. The change works on a copy; memory takes the new state only if the sealed
// write succeeded, so what is in memory is always what is on disk and a failed change changes
// nothing.
import type { Low } from 'lowdb';
import type { CoreSession } from '../session.ts';
import type { Migration } from '../vault/migrations.ts';

export interface DocumentSpec<T extends { schemaVersion: number }> {
  name: string;
  initial: () => T;
  migrations?: readonly Migration[];
}

export async function openDocument<T extends { schemaVersion: number }>(session: CoreSession, spec: DocumentSpec<T>): Promise<Low<T>> {
  return session.vault().vaultDocument<T>(spec.name, spec.initial, spec.migrations ?? []);
}

export async function readDocument<T extends { schemaVersion: number }>(session: CoreSession, spec: DocumentSpec<T>): Promise<T> {
  return (await openDocument(session, spec)).data;
}

/**
 * Runs `change` on a deep copy of the document; writes the result if `change` returns it
 * (or the copy it mutated). `change` may throw: nothing is written then.
 */
export async function mutateDocument<T extends { schemaVersion: number }, R>(
  session: CoreSession,
  spec: DocumentSpec<T>,
  change: (draft: T) => Promise<R> | R,
): Promise<R> {
  return session.mutex.run(`doc:${spec.name}`, async () => {
    const store = await openDocument(session, spec);
    const before = store.data;
    const draft = structuredClone(before);
    const result = await change(draft);
    store.data = draft;
    try {
      await store.write();
    } catch (error) {
      store.data = before;
      throw error;
    }
    return result;
  });
}
