// The last refresh of a case's workspace (its interdiff), sealed as one vault blob with the
// case key; the "patches updated" email quotes it. Light on purpose: the mail context reads it.
import type { z } from 'zod';
import { refreshResult } from '../../shared/contract/workspace-refresh.ts';
import type { Vault } from '../vault/vault.ts';

export const REFRESH_BLOB = 'workspace-refresh';

export const refreshRecord = refreshResult.omit({ draft: true, draftNote: true });
export type RefreshRecord = z.infer<typeof refreshRecord>;

export async function readRefresh(vault: Vault, caseId: string): Promise<RefreshRecord | null> {
  try {
    const parsed = refreshRecord.safeParse(JSON.parse((await vault.getBlob(caseId, REFRESH_BLOB, vault.caseKey(caseId))).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function writeRefresh(vault: Vault, caseId: string, record: RefreshRecord): Promise<void> {
  await vault.putBlob(caseId, REFRESH_BLOB, Buffer.from(JSON.stringify(record), 'utf8'), vault.caseKey(caseId));
}
