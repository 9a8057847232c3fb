import type { CaseKind, CaseRecord } from '../../shared/contract/index.ts';
import { chainEvent } from '../timeline/chain.ts';
import type { CaseDocument } from '../vault/documents.ts';
import { currentVersion } from '../vault/migrations.ts';
import { CASE_MIGRATIONS, defaultCaseFields, formatCaseId } from '../vault/documents.ts';
import { actorName, toRecord, type CaseContext } from './case-store.ts';

export interface CreateCaseInput {
  title: string;
  disclosedAt: string;
  kind: CaseKind;
  profile: string;
}

export const PROFILE_VERSIONS: Record<string, number> = { 'kubernetes-2017': 1 };

/** Normalises an instant to UTC ISO form so every stored time sorts and compares as text. */
export function normaliseInstant(value: string): string {
  return new Date(value).toISOString();
}

export async function createCase(context: CaseContext, input: CreateCaseInput): Promise<CaseRecord> {
  const { vault, ports } = context;
  return context.mutex.run('index', async () => {
    const index = vault.index;
    const before = index.data;
    const id = formatCaseId(before.nextCaseNumber);
    const now = ports.now().toISOString();
    const fields = {
      id,
      title: input.title,
      kind: input.kind,
      disclosedAt: normaliseInstant(input.disclosedAt),
      createdAt: now,
      updatedAt: now,
      profile: { id: input.profile, version: PROFILE_VERSIONS[input.profile] ?? 1 },
      ...defaultCaseFields(),
    };
    const opened = chainEvent(id, [], {
      at: now,
      actor: actorName(context),
      type: 'case.opened',
      data: { title: fields.title, kind: fields.kind, disclosedAt: fields.disclosedAt, profile: fields.profile },
    });
    const document: CaseDocument = { schemaVersion: currentVersion(CASE_MIGRATIONS), case: fields, events: [opened] };
    index.data = {
      ...before,
      nextCaseNumber: before.nextCaseNumber + 1,
      cases: {
        ...before.cases,
        [id]: {
          key: vault.newKey(),
          title: fields.title,
          kind: fields.kind,
          disclosedAt: fields.disclosedAt,
          createdAt: now,
          updatedAt: now,
          releaseDate: null,
          cve: null,
        },
      },
    };
    try {
      // The case document first: an index entry never points at a case that was not written.
      await vault.createCaseStore(id, document);
      await index.write();
    } catch (error) {
      index.data = before;
      throw error;
    }
    return toRecord(document);
  });
}
