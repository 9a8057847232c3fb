// What the demo adds around its case so every screen has content: an upstream repository with
// release branches, the fix with its LGTMs, patch-release branches and cherry-picks (one of them
// in conflict), the Fix Lead's key, three distributors with generated, verified keys (one of
// them expiring within weeks, so the keyring has a warning to show), the distributors notice exported with
// answers from two members, and an advisory draft. Each step goes through the same handlers
// the app uses, on the demo's walking clock. All keys are fresh Ed25519/Curve25519 keys of
// fictional people at example domains; their secret parts are thrown away.
import { generateKey } from 'openpgp';
import type { CaseContext } from '../cases/case-store.ts';
import { mutateCase } from '../cases/case-store.ts';
import type { CoreSession } from '../session.ts';

const DAY = 86_400_000;

/** Where the demo's upstream bundle goes: beside the vault, never inside it (vault verify accounts for every file there). */
export function demoUpstreamPath(vaultDir: string): string {
  return `${vaultDir.replace(/[\\/]+$/, '')}-demo-upstream.bundle`;
}

function onClock(session: CoreSession, context: CaseContext): CoreSession {
  return { ...session, ports: context.ports, cases: () => context };
}

/** Upstream, fix, LGTMs, patch-release branches and cherry-picks; v1.31.6 ends in conflict. */
export async function demoWorkspace(session: CoreSession, context: CaseContext, caseId: string, step: (hours: number) => void): Promise<void> {
  const demo = onClock(session, context);
  const [{ workspaceHandlers }, { CaseWorkspace }, { fixFromMbox, installFix }, { resolveBranch }, upstream] = await Promise.all([
    import('../workspace/handlers.ts'),
    import('../workspace/case-workspace.ts'),
    import('../workspace/import-fix.ts'),
    import('../workspace/branches.ts'),
    import('./demo-upstream.ts'),
  ]);
  const workspace = workspaceHandlers(demo);
  const bundle = demoUpstreamPath(session.vaultDir);
  upstream.writeDemoUpstream(bundle, context.ports.now().getTime());
  await workspace['workspace.import']({ id: caseId, upstream: bundle });
  step(2);
  // The series is applied from memory: the fix never touches the disk in the clear.
  const inWorkspace = <T>(body: (ws: Awaited<ReturnType<typeof CaseWorkspace.open>>) => T): Promise<T> =>
    session.mutex.run(`workspace:${caseId}`, async () => {
      const ws = await CaseWorkspace.open(session.vault(), caseId);
      try {
        const result = body(ws);
        await ws.save();
        return result;
      } finally {
        ws.close();
      }
    });
  const record = (type: string, data: Record<string, unknown>) => mutateCase(context, caseId, (fields) => fields, () => [{ type, data }]);
  // The series are applied from memory: the fix never touches the disk in the clear.
  const authored = context.ports.now().getTime() - DAY;
  const imported = await inWorkspace((ws) => {
    const fix = fixFromMbox(ws, upstream.demoFixSeries(authored), ws.requireUpstream().refs['refs/heads/main']!, undefined, context.ports.now());
    installFix(ws, fix, 'mbox', context.ports.now());
    return fix;
  });
  await record('workspace.fix-imported', { base: imported.base, commits: imported.commits });
  step(20);
  for (const commit of imported.commits) await workspace['workspace.lgtm']({ id: caseId, commit, by: 'jweber' });
  step(1);
  await workspace['workspace.releaseBranches']({ id: caseId, minors: ['1.31', '1.32', '1.33'] });
  step(1);
  // v1.31.6 conflicts (upstream rewrote the line in 1.32); the Fix Lead backports it by hand.
  const resolved = await inWorkspace((ws) => resolveBranch(ws, 'v1.31.6', upstream.demoFixSeries(authored, true), undefined, context.ports.now(), false));
  await record('workspace.cherry-picked', { branch: 'v1.31.6', from: resolved.branch.from, status: resolved.branch.status, commits: resolved.created, conflicts: [] });
  step(1);
  // release-1.31 is left in conflict, for the conflict view.
  await workspace['workspace.cherryPick']({ id: caseId, onto: ['main', 'release-1.31', 'release-1.32', 'release-1.33'], force: false });
}

/** The patch-release branches the notice carries (release-1.31 waits for its resolution). */
export const DEMO_NOTICE_BRANCHES = ['v1.31.6', 'v1.32.3', 'v1.33.1'];

interface DemoDistributor {
  organisation: string;
  distribution: string;
  contact: string;
  email: string;
  /** Days until the key expires, from its creation; 0: never. */
  expiresInDays: number;
}

const DISTRIBUTORS: DemoDistributor[] = [
  { organisation: 'Example Linux', distribution: 'Example Linux Enterprise', contact: 'Mara Keller', email: 'security@example-linux.example', expiresInDays: 0 },
  { organisation: 'Sample Cloud', distribution: 'Sample Kubernetes Service', contact: 'Tomás Ortega', email: 'psirt@sample-cloud.example', expiresInDays: 0 },
  { organisation: 'Demo BSD', distribution: 'Demo BSD ports', contact: 'Yuki Sato', email: 'secteam@demo-bsd.example', expiresInDays: 80 },
];

async function publicKeyOf(name: string, email: string, created: Date, expiresInDays: number): Promise<string> {
  const { publicKey } = await generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name, email }],
    date: created,
    keyExpirationTime: expiresInDays * 86_400,
    format: 'armored',
  });
  return publicKey;
}

/** The Fix Lead's key and three distributors with contacts and keys; returns the member ids. */
export async function demoDistributors(session: CoreSession, context: CaseContext, fixLead: { name: string; email: string }): Promise<string[]> {
  const demo = onClock(session, context);
  const [{ keyringHandlers }, { peopleHandlers }, { distributorHandlers }] = await Promise.all([
    import('../keyring/handlers.ts'),
    import('../people/handlers.ts'),
    import('../distributors/handlers.ts'),
  ]);
  const keyring = keyringHandlers(demo);
  const people = peopleHandlers(demo);
  const distributors = distributorHandlers(demo);
  await keyring['keyring.generate']({ name: fixLead.name, email: fixLead.email, expiresInDays: 730 });
  const created = new Date(context.ports.now().getTime() - 60 * DAY);
  const members: string[] = [];
  for (const entry of DISTRIBUTORS) {
    const armored = await publicKeyOf(entry.contact, entry.email, created, entry.expiresInDays);
    const outcome = await keyring['keyring.import']({ data: { text: armored } });
    const fingerprint = outcome.imported[0] ?? outcome.updated[0];
    if (!fingerprint) throw new Error('the demo key was not imported');
    await keyring['keyring.verify']({ fingerprint });
    const person = await people['people.add']({
      name: entry.contact,
      emails: [entry.email],
      roles: ['distributor-contact'],
      fingerprints: [fingerprint],
      organisation: entry.organisation,
      note: 'Fictional demo contact.',
      zone: null,
    });
    const member = await distributors['distributors.addMember']({
      organisation: entry.organisation,
      distribution: entry.distribution,
      contacts: [person.id],
      fingerprints: [],
      note: 'Fictional demo member.',
    });
    members.push(member.id);
  }
  return members;
}

/** The distributors notice, exported (encrypted, signed) to the members who can receive it. */
export async function demoNotice(session: CoreSession, context: CaseContext, caseId: string): Promise<string | null> {
  const { mailHandlers } = await import('../mail/handlers.ts');
  const mail = mailHandlers(onClock(session, context));
  const created = await mail['mail.createDraft']({ caseId, template: 'distributors-notice', context: {}, vars: {} });
  const draft = await mail['mail.saveDraft']({
    caseId,
    draft: created.id,
    attachments: [...created.attachments.map((a) => a.ref).filter((ref) => ref.kind !== 'patches'), { kind: 'patches', branches: DEMO_NOTICE_BRANCHES }],
  });
  const exported = await mail['mail.export']({
    caseId,
    draft: draft.id,
    encryptTo: [],
    perRecipient: false,
    mbox: false,
    clear: false,
    overrideEmbargo: false,
    allowIncomplete: true,
    allowUnreachable: true,
  });
  return exported.notice ?? null;
}

/** Answers from two members, and the advisory started as a draft. */
export async function demoAnswers(session: CoreSession, context: CaseContext, caseId: string, notice: string | null, members: string[]): Promise<void> {
  const { mailHandlers } = await import('../mail/handlers.ts');
  const mail = mailHandlers(onClock(session, context));
  const [first, second] = members;
  if (notice && first) await mail['mail.ack']({ caseId, notice, member: first, state: 'tested-ok', note: 'Built and tested the 1.32 and 1.33 patches.' });
  if (notice && second) await mail['mail.ack']({ caseId, notice, member: second, state: 'acknowledged', note: 'Received; testing this week.' });
  await mail['mail.createDraft']({ caseId, template: 'security-advisory', context: {}, vars: {} });
}
