// Numbered schema migrations for the JSON documents inside the vault. Each document carries
// its `schemaVersion`; on read it is brought up to the current version one step at a time.
// A document from a newer Embargo is refused rather than guessed at.
import { EmbargoError, VaultCorruptError } from '../../shared/errors.ts';

export interface Migration {
  /** The version this step produces; it applies to documents at `to - 1`. */
  to: number;
  describe: string;
  up(document: Record<string, unknown>): Record<string, unknown>;
}

export interface MigrationOutcome<T> {
  document: T;
  migrated: boolean;
}

export function currentVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((latest, step) => Math.max(latest, step.to), 1);
}

export function migrateDocument<T>(
  raw: unknown,
  migrations: readonly Migration[],
  label: string,
): MigrationOutcome<T> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new VaultCorruptError(label, 'it does not hold a document object');
  }
  let document = raw as Record<string, unknown>;
  const version = document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new VaultCorruptError(label, 'it has no valid schema version');
  }
  const target = currentVersion(migrations);
  if (version > target) {
    throw new EmbargoError(
      'UnsupportedFormat',
      `${label} was written by a newer Embargo (schema ${version}; this one knows ${target}). Update Embargo to open this vault.`,
      { file: label, version },
    );
  }
  let migrated = false;
  for (let at = version; at < target; at += 1) {
    const step = migrations.find((candidate) => candidate.to === at + 1);
    if (!step) throw new Error(`no migration to schema ${at + 1}`);
    document = { ...step.up(document), schemaVersion: step.to };
    migrated = true;
  }
  return { document: document as T, migrated };
}
