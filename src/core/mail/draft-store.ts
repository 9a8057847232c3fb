// Where drafts live. A case's drafts, their versions, their export records and the
// distributors' acknowledgements are one JSON document sealed as a blob with the case's own
// key (so dropping the case's key shreds its mail with it); the vault-wide drafts (membership
// answers, removal notices) are the same document in the vault's scope, sealed with the data
// key. Attached files are blobs of their own beside it. Every change is read-modify-write
// under a per-scope lock, and memory never holds a state the disk does not.
import { z } from 'zod';
import {
  distributorNotice,
  draftContext,
  draftVersion,
  exportRecord,
  mailTemplateId,
  type DistributorNotice,
  type DraftContext,
  type DraftVersion,
  type ExportRecord,
  type MailTemplateId,
} from '../../shared/contract/mail.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';

/** The blob scope of vault-wide material (vault/verify.ts seals it with the data key). */
export const VAULT_SCOPE = 'vault';
const DOCUMENT_BLOB = 'mail-drafts';

export interface StoredDraft {
  id: string;
  templateId: MailTemplateId;
  caseId: string | null;
  createdAt: string;
  context: DraftContext;
  unresolved: string[];
  versions: DraftVersion[];
  exports: ExportRecord[];
}

export interface MailDocument {
  schemaVersion: 1;
  drafts: Record<string, StoredDraft>;
  notices: DistributorNotice[];
}

const storedDraft = z.object({
  id: z.string(),
  templateId: mailTemplateId,
  caseId: z.string().nullable(),
  createdAt: z.string(),
  context: draftContext,
  unresolved: z.array(z.string()),
  versions: z.array(draftVersion).min(1),
  exports: z.array(exportRecord),
});

const mailDocument = z.object({
  schemaVersion: z.literal(1),
  drafts: z.record(z.string(), storedDraft),
  notices: z.array(distributorNotice),
});

function emptyDocument(): MailDocument {
  return { schemaVersion: 1, drafts: {}, notices: [] };
}

export interface MailScope {
  caseId: string | null;
  /** The blob scope: the case id, or the vault's. */
  scope: string;
  key: Uint8Array;
  label: string;
}

/** The scope of a case (NotFound for an unknown case) or of the vault. */
export function mailScope(session: CoreSession, caseId: string | null): MailScope {
  const vault = session.vault();
  if (caseId === null) return { caseId: null, scope: VAULT_SCOPE, key: vault.dataKeyForIndex, label: 'the vault' };
  return { caseId, scope: caseId, key: vault.caseKey(caseId), label: caseId };
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

export async function readMail(session: CoreSession, scope: MailScope): Promise<MailDocument> {
  let bytes: Buffer;
  try {
    bytes = await session.vault().getBlob(scope.scope, DOCUMENT_BLOB, scope.key);
  } catch (error) {
    if (isMissing(error)) return emptyDocument();
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    parsed = null;
  }
  const checked = mailDocument.safeParse(parsed);
  if (!checked.success) throw new EmbargoError('VaultCorrupt', `The mail drafts of ${scope.label} do not have the expected shape.`, { scope: scope.scope });
  return checked.data as MailDocument;
}

/**
 * Runs `change` on a copy of the scope's mail document under the scope's lock and seals the
 * result; if `change` throws, nothing is written.
 */
export async function mutateMail<R>(
  session: CoreSession,
  scope: MailScope,
  change: (draft: MailDocument) => Promise<R> | R,
  /** Runs after the write (the timeline event); if it fails, the previous document is written back. */
  after?: (result: R) => Promise<void>,
): Promise<R> {
  return session.mutex.run(`mail:${scope.scope}`, async () => {
    const before = await readMail(session, scope);
    const draft = structuredClone(before);
    const result = await change(draft);
    const write = (document: MailDocument) => session.vault().putBlob(scope.scope, DOCUMENT_BLOB, Buffer.from(JSON.stringify(document), 'utf8'), scope.key);
    await write(draft);
    if (after) {
      try {
        await after(result);
      } catch (error) {
        await write(before);
        throw error;
      }
    }
    return result;
  });
}

export function requireDraft(document: MailDocument, scope: MailScope, id: string): StoredDraft {
  const draft = document.drafts[id];
  if (!draft) throw new EmbargoError('NotFound', `No draft ${id} in ${scope.label}.`, { what: 'draft', id });
  return draft;
}

export function draftVersionOf(draft: StoredDraft, version: number | undefined): DraftVersion {
  const latest = draft.versions[draft.versions.length - 1]!;
  if (version === undefined) return latest;
  const found = draft.versions.find((candidate) => candidate.version === version);
  if (!found) throw new EmbargoError('NotFound', `Draft ${draft.id} has no version ${version} (latest: ${latest.version}).`, { what: 'draft version', id: `${draft.id}@${version}` });
  return found;
}

/** An attached file's sealed content. */
export async function putFile(session: CoreSession, scope: MailScope, fileId: string, bytes: Uint8Array): Promise<void> {
  await session.vault().putBlob(scope.scope, `mail-${fileId}`, bytes, scope.key);
}

export async function getFile(session: CoreSession, scope: MailScope, fileId: string): Promise<Buffer> {
  try {
    return await session.vault().getBlob(scope.scope, `mail-${fileId}`, scope.key);
  } catch (error) {
    if (isMissing(error)) throw new EmbargoError('NotFound', `The attached file ${fileId} is not in the vault.`, { what: 'attachment', id: fileId });
    throw error;
  }
}
