import type { CaseKind, CaseRecord } from '../../shared/contract/index.ts';
import { emptyProcessState } from '../../shared/contract/process.ts';
import { latestProfiles, requireProfileId } from '../process/profiles/index.ts';
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

/** The version a new case records for each profile: the newest this Embargo knows. */
export const PROFILE_VERSIONS: Record<string, number> = Object.fromEntries(latestProfiles().map((profile) => [profile.id, profile.version]));

/** Normalises an instant to UTC ISO form so every stored time sorts and compares as text. */
export function normaliseInstant(value: string): string {
  return new Date(value).toISOString();
}

export async function createCase(context: CaseContext, input: CreateCaseInput): Promise<CaseRecord> {
  const { vault, ports } = context;
  const profile = requireProfileId(input.profile);
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
      profile: { id: profile.id, version: profile.version },
      ...defaultCaseFields(),
    };
    const opened = chainEvent(id, [], {
      at: now,
      actor: actorName(context),
      type: 'case.opened',
      data: { title: fields.title, kind: fields.kind, disclosedAt: fields.disclosedAt, profile: fields.profile },
    });
    const document: CaseDocument = {
      schemaVersion: currentVersion(CASE_MIGRATIONS),
      case: fields,
      process: emptyProcessState(),
      events: [opened],
    };
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
