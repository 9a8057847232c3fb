// The commitment's contract methods (contract/commitment.ts): show it, check the merged
// commits against it, export it after the Release Date, and install the leak guard's hook.
import { createHash } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommitmentView, Handlers } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { mutateCase, readCase, type EventDraft } from '../cases/case-store.ts';
import type { CoreSession } from '../session.ts';
import { writeFileAtomic } from '../vault/atomic-write.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { withCaseWorkspace } from './with-workspace.ts';
import { checkAgainstCommitment, parseCommitment, transparencyRecord } from './commitment.ts';
import { guardSecrets, installGuard } from './leak-guard.ts';
import { signRecordedCommitment } from './sign-commitment.ts';

type CommitmentHandlers = Pick<Handlers, 'workspace.commitment' | 'workspace.signCommitment' | 'workspace.releaseCheck' | 'workspace.installHook' | 'advisory.transparency'>;

export function commitmentHandlers(session: CoreSession): CommitmentHandlers {
  const withWorkspace = <T>(caseId: string, body: (ws: CaseWorkspace) => Promise<T>): Promise<T> => withCaseWorkspace(session, caseId, body);

  async function record(caseId: string, events: EventDraft[]): Promise<void> {
    await mutateCase(session.cases(), caseId, (fields) => fields, () => events);
  }

  function view(ws: CaseWorkspace): CommitmentView {
    const state = ws.state.commitment;
    if (!state) return { recorded: false, signed: false, signer: null, recordedAt: null, releaseDate: null, branches: [], deliveries: [] };
    const doc = parseCommitment(state);
    return {
      recorded: true,
      signed: state.signature !== null,
      signer: doc.signer,
      recordedAt: doc.recordedAt,
      releaseDate: doc.releaseDate,
      branches: doc.branches,
      deliveries: doc.deliveries,
    };
  }

  return {
    'workspace.commitment': async ({ id }) => withWorkspace(id, async (ws) => view(ws)),

    'workspace.signCommitment': async ({ id }) => {
      const { signed, shown } = await withWorkspace(id, async (ws) => ({ signed: await signRecordedCommitment(session, ws), shown: view(ws) }));
      await record(id, [{ type: 'workspace.commitment-signed', data: { signer: signed.document.signer, releaseDate: signed.document.releaseDate } }]);
      return shown;
    },

    'workspace.releaseCheck': async ({ id, bundle }) => {
      const path = resolve(bundle);
      if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new EmbargoError('NotFound', `No bundle at ${path}.`, { what: 'bundle', id: path });
      const report = await withWorkspace(id, async (ws) => checkAgainstCommitment(ws, path));
      await record(id, [
        { type: 'workspace.release-checked', data: { ok: report.ok, findings: report.findings.map((f) => ({ kind: f.kind, branch: f.branch, committed: f.committed, merged: f.merged })) } },
      ]);
      return report;
    },

    'workspace.installHook': async ({ id, repo, words, force }) => {
      const record_ = (await readCase(session.cases(), id)).case;
      const secrets = await withWorkspace(id, async (ws) => guardSecrets(ws, record_.cve, words));
      const installed = await installGuard(repo, id, record_.releaseDate, secrets, (n) => session.ports.randomBytes(n), force);
      await record(id, [{ type: 'workspace.hook-installed', data: { hook: installed.hook, words: installed.words, patchIds: installed.patchIds } }]);
      return installed;
    },

    'advisory.transparency': async ({ id, output }) => {
      const dir = resolve(output);
      const found = statSync(dir, { throwIfNoEntry: false });
      if (found && !found.isDirectory()) throw new EmbargoError('InvalidInput', `${dir} exists and is not a directory.`, { path: dir });
      const published = await withWorkspace(id, async (ws) => transparencyRecord(session, ws));
      if (!found) mkdirSync(dir, { recursive: true, mode: 0o700 });
      const base = `${published.commitment.cve ?? id}.commitment`;
      const document = join(dir, `${base}.json`);
      const signature = join(dir, `${base}.json.asc`);
      await writeFileAtomic(document, Buffer.from(published.document, 'utf8'));
      await writeFileAtomic(signature, Buffer.from(published.signature, 'utf8'));
      const sha256 = createHash('sha256').update(published.document, 'utf8').digest('hex');
      await record(id, [{ type: 'advisory.transparency-exported', data: { document, signature, sha256, signer: published.commitment.signer } }]);
      return { document, signature, sha256, signer: published.commitment.signer };
    },
  };
}
