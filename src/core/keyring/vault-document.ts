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

/**
 * Like mutateDocument, without the deep copy: `next` builds the new document from the current
 * one and must not change the current one in place (share what did not change, copy what
 * does). For a large document whose change is small — the team document after a sync — the
 * copy would otherwise cost as much as the whole document, every time.
 */
export async function replaceDocument<T extends { schemaVersion: number }>(session: CoreSession, spec: DocumentSpec<T>, next: (current: T) => T): Promise<void> {
  await session.mutex.run(`doc:${spec.name}`, async () => {
    const store = await openDocument(session, spec);
    const before = store.data;
    store.data = next(before);
    try {
      await store.write();
    } catch (error) {
      store.data = before;
      throw error;
    }
  });
}
