import { describe, expect, it } from 'vitest';
import { migrateDocument, currentVersion } from '../../../src/core/vault/migrations.ts';
import { CASE_MIGRATIONS, INDEX_MIGRATIONS, defaultCaseFields } from '../../../src/core/vault/documents.ts';

const caseV1 = {
  schemaVersion: 1,
  case: {
    id: 'EMB-0001',
    title: 'Written by schema 1',
    kind: 'private',
    disclosedAt: '2026-11-20T09:00:00.000Z',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    profile: { id: 'kubernetes-2017', version: 1 },
    summary: 'kept',
    releaseDate: '2026-12-01T16:00:00.000Z',
    cve: 'CVE-2026-1234',
  },
  events: [],
};

describe('schema migrations', () => {
  it('every migration list is numbered without gaps from 2', () => {
    for (const list of [CASE_MIGRATIONS, INDEX_MIGRATIONS]) {
      list.forEach((step, index) => expect(step.to).toBe(index + 2));
    }
  });

  it('case 1 → 2 adds the process and advisory fields with empty defaults and keeps what was there', () => {
    const { document, migrated } = migrateDocument<typeof caseV1 & { case: Record<string, unknown> }>(
      structuredClone(caseV1),
      CASE_MIGRATIONS.filter((m) => m.to <= 2),
      'cases/EMB-0001.edoc',
    );
    expect(migrated).toBe(true);
    expect(document.schemaVersion).toBe(2);
    expect(document.case).toEqual({ ...defaultCaseFields(), ...caseV1.case });
  });

  it('brings a schema 1 case to the current version', () => {
    const { document } = migrateDocument<{ schemaVersion: number }>(structuredClone(caseV1), CASE_MIGRATIONS, 'x');
    expect(document.schemaVersion).toBe(currentVersion(CASE_MIGRATIONS));
  });

  it('refuses a document from a newer Embargo and damaged versions', () => {
    expect(() => migrateDocument({ schemaVersion: 999 }, CASE_MIGRATIONS, 'x')).toThrow(/newer Embargo/);
    expect(() => migrateDocument({ schemaVersion: 'one' }, CASE_MIGRATIONS, 'x')).toThrow(/schema version/);
    expect(() => migrateDocument([], CASE_MIGRATIONS, 'x')).toThrow(/document object/);
  });
});
