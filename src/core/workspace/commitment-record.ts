// A mail export that carried the case's patches to distributors adds a delivery to the case's
// signed commitment (commitment.ts), under the workspace lock like every workspace change.
import { mutateCase, readCase } from '../cases/case-store.ts';
import type { CoreSession } from '../session.ts';
import { CaseWorkspace } from './case-workspace.ts';
import { addDelivery, commitmentEvent, deliveredPatchFiles } from './commitment.ts';

export async function recordMailDelivery(session: CoreSession, caseId: string, delivered: { to: string[]; keys: string[]; sha256s: string[] }): Promise<void> {
  const cve = (await readCase(session.cases(), caseId)).case.cve;
  const recorded = await session.mutex.run(`workspace:${caseId}`, async () => {
    const ws = await CaseWorkspace.open(session.vault(), caseId);
    try {
      const files = deliveredPatchFiles(ws, cve, delivered.sha256s);
      if (files.length === 0) return null;
      const result = await addDelivery(session, ws, { via: 'mail', to: delivered.to, keys: delivered.keys, files });
      await ws.save();
      return result;
    } finally {
      ws.close();
    }
  });
  if (recorded) await mutateCase(session.cases(), caseId, (fields) => fields, () => [commitmentEvent(recorded)]);
}
