// A draft's attachments are references — the case's patch series, a public key, a file sealed
// in the vault — turned into bytes only when the message is built, so an export carries the
// patches as the workspace has them then (and the export record says which, by SHA-256).
import { createHash } from 'node:crypto';
import type { AttachmentRef } from '../../shared/contract/mail.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { exportPublicKey } from '../keyring/export-key.ts';
import type { CoreSession } from '../session.ts';
import type { CaseDocument } from '../vault/documents.ts';
import { CaseWorkspace } from '../workspace/case-workspace.ts';
import { exportPatches, selectBranches } from '../workspace/export-patches.ts';
import type { MailContext } from './context.ts';
import { getFile, type MailScope } from './draft-store.ts';

export interface AttachmentFile {
  name: string;
  mediaType: string;
  bytes: Buffer;
  sha256: string;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function patchFiles(session: CoreSession, document: CaseDocument | null, branches: string[]): Promise<AttachmentFile[]> {
  if (!document) throw new EmbargoError('InvalidInput', 'A patch series can only be attached to a draft of a case.', {});
  const caseId = document.case.id;
  return session.mutex.run(`workspace:${caseId}`, async () => {
    const ws = await CaseWorkspace.open(session.vault(), caseId);
    try {
      const selected = selectBranches(ws, branches.length > 0 ? branches : undefined);
      if (selected.length === 0) {
        throw new EmbargoError('WorkspaceNotReady', `Case ${caseId} has no patch-release branches yet: build them with "embargo workspace release-branches" and "embargo workspace cherry-pick".`, {
          caseId,
        });
      }
      const { files, leftOut } = exportPatches(ws, selected, document.case.cve);
      // a mail names its attachments; one silently missing would mislead the recipients
      if (leftOut.length > 0) {
        throw new EmbargoError('Conflict', `Branch ${leftOut.map((l) => l.branch).join(', ')} has unresolved conflicts; resolve them before attaching.`, {
          branches: leftOut.map((l) => l.branch),
        });
      }
      return files.map((file) => ({ name: file.name, mediaType: 'text/x-patch', bytes: file.bytes, sha256: file.sha256 }));
    } finally {
      ws.close();
    }
  });
}

/** The files one attachment reference stands for, read now. */
export async function attachmentFiles(session: CoreSession, scope: MailScope, document: CaseDocument | null, ref: AttachmentRef): Promise<AttachmentFile[]> {
  switch (ref.kind) {
    case 'patches':
      return patchFiles(session, document, ref.branches);
    case 'public-key': {
      const bytes = Buffer.from(await exportPublicKey(session, ref.fingerprint), 'utf8');
      return [{ name: `${ref.fingerprint}.asc`, mediaType: 'application/pgp-keys', bytes, sha256: sha256(bytes) }];
    }
    case 'file': {
      const bytes = await getFile(session, scope, ref.fileId);
      if (sha256(bytes) !== ref.sha256) throw new EmbargoError('VaultCorrupt', `The attached file ${ref.name} does not match its recorded SHA-256.`, { fileId: ref.fileId });
      return [{ name: ref.name, mediaType: ref.mediaType, bytes, sha256: ref.sha256 }];
    }
  }
}

/** What the composer shows for an attachment without building it: its file names, or why it cannot be attached now. */
export async function attachmentView(
  session: CoreSession,
  context: MailContext,
  ref: AttachmentRef,
): Promise<{ ref: AttachmentRef; names: string[]; size: number | null; problem: string | null }> {
  switch (ref.kind) {
    case 'patches': {
      if (!context.document) return { ref, names: [], size: null, problem: 'a patch series belongs to a case' };
      const files = (context.patchFiles ?? []).filter((file) => ref.branches.length === 0 || ref.branches.includes(file.branch));
      const unknown = ref.branches.filter((branch) => !(context.patchFiles ?? []).some((file) => file.branch === branch));
      if (unknown.length > 0) return { ref, names: files.map((file) => file.name), size: null, problem: `the case has no branch ${unknown.join(', ')}` };
      if (files.length === 0) return { ref, names: [], size: null, problem: 'the case has no patch-release branches yet' };
      return { ref, names: files.map((file) => file.name), size: null, problem: null };
    }
    case 'public-key':
      try {
        const armored = await exportPublicKey(session, ref.fingerprint);
        return { ref, names: [`${ref.fingerprint}.asc`], size: Buffer.byteLength(armored), problem: null };
      } catch (error) {
        return { ref, names: [`${ref.fingerprint}.asc`], size: null, problem: error instanceof EmbargoError ? error.message : String(error) };
      }
    case 'file':
      return { ref, names: [ref.name], size: ref.size, problem: null };
  }
}
