import type { CoreSession } from '../session.ts';
import { CaseWorkspace } from './case-workspace.ts';

/**
 * Runs `body` on a case's opened workspace under that case's workspace lock, the one lock every
 * workspace method takes, and closes the workspace afterwards whatever happens.
 */
export async function withCaseWorkspace<T>(session: CoreSession, caseId: string, body: (ws: CaseWorkspace) => Promise<T>): Promise<T> {
  const vault = session.vault();
  vault.caseKey(caseId); // NotFound for an unknown case
  return session.mutex.run(`workspace:${caseId}`, async () => {
    const ws = await CaseWorkspace.open(vault, caseId);
    try {
      return await body(ws);
    } finally {
      ws.close();
    }
  });
}
