// Templates (every email of the process, editable per vault, reset), settings, drafts with
// their versions and recipients, vault-wide drafts, and what a draft carries when exported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_TEMPLATE_IDS } from '../../../src/shared/contract/index.ts';
import { freshVault } from '../../helpers/core.ts';
import { CHEAP_KDF, HOUR, mailWorld, type MailWorld } from './fixture.ts';
import { withAllParsers, withPythonEmail } from './parsers.ts';

describe('templates, drafts and versions', () => {
  let world: MailWorld;
  let pstId: string;
  let requestId: string;

  beforeAll(async () => {
    world = await mailWorld();
    const { vault, caseId } = world;
    // A leak and its decision, a pending handoff, a membership request and a removed member.
    world.clock.set(world.clock.now + HOUR);
    const { leak } = await vault.call('process.recordLeak', {
      id: caseId,
      what: 'the patch for 1.30',
      toWhom: 'a QA mailing list outside the need-to-know team',
      when: new Date(world.clock.now - HOUR / 2).toISOString(),
      reportedBy: 'Globex PSIRT',
      distributor: 'Globex',
    });
    await vault.call('process.decideLeak', { id: caseId, leak: leak.id, choice: 'continue', reason: 'Contained; recipients confirmed deletion.' });
    pstId = (await vault.call('roster.addMember', { name: 'Dmitri Volkov', contact: 'dvolkov@example.org' })).id;
    await vault.call('process.handoff', { id: caseId, to: pstId, note: 'Release Managers are lined up; the second notice is due Monday.' });
    const requester = await vault.call('people.add', { name: 'Lena Novak', emails: ['lena@initech.example'], roles: ['distributor-contact'] });
    const request = await vault.call('distributors.openRequest', {
      organisation: 'Initech',
      distribution: 'Initech K8s',
      requester: requester.id,
      evidence: { 'maintained-distribution': 'https://initech.example/k8s', 'handles-pgp': 'Yes.' },
    });
    requestId = request.id;
    await vault.call('distributors.assess', { requestId, criterion: 'maintained-distribution', met: true });
    await vault.call('distributors.decide', { requestId, outcome: 'rejected', reason: 'Nobody on the list vouched for Initech yet.' });
    await vault.call('distributors.removeMember', { id: world.globex.memberId, reason: 'Leaked embargoed patches twice.' });
  }, 120_000);
  afterAll(async () => world?.cleanup());

  it('lists every email of the process, each with its title, scope and mode', async () => {
    const templates = await world.vault.call('mail.templates', {});
    expect(templates.map((t) => t.id)).toEqual([...MAIL_TEMPLATE_IDS]);
    expect(templates.find((t) => t.id === 'distributors-notice')).toMatchObject({ title: 'Distributors notice', scope: 'case', mode: 'encrypted', customised: false });
    expect(templates.find((t) => t.id === 'security-advisory')!.mode).toBe('clear');
    expect(templates.find((t) => t.id === 'membership-answer')!.scope).toBe('vault');
    const variables = (await world.vault.call('mail.variables', {})).map((v) => v.name);
    for (const id of MAIL_TEMPLATE_IDS) {
      const detail = await world.vault.call('mail.template', { id });
      expect(detail.unknownVariables, id).toEqual([]);
      for (const name of detail.variables) expect(variables, `${id} uses ${name}`).toContain(name);
    }
  });

  it('every template fills completely from a well-kept case and its context', async () => {
    const { vault, caseId } = world;
    const contexts: Record<string, object> = {
      'membership-answer': { requestId },
      'distributor-removal': { memberId: world.globex.memberId },
    };
    for (const id of MAIL_TEMPLATE_IDS) {
      if (id === 'distributors-reminder') continue; // needs a notice first (acks.test.ts)
      const preview = await vault.call('mail.preview', { caseId, template: id, context: contexts[id] ?? {} });
      // This case has no workspace yet: the notice says the patch series is missing (export-interop.test.ts has it).
      // the patches-updated email quotes the interdiff of a workspace refresh (refresh.test.ts has it)
      expect(preview.missing, id).toEqual(id === 'distributors-notice' ? ['patchFiles'] : id === 'patches-updated' ? ['patchFiles', 'interdiff'] : []);
      expect(preview.subject, id).not.toMatch(/\{\{|⟦/);
    }
    const leak = await vault.call('mail.preview', { caseId, template: 'leak-report' });
    expect(leak.subject).toBe('[EMBARGOED] Embargo break on CVE-2026-31337: the patch for 1.30');
    expect(leak.body).toContain('- Through a distributor: Globex');
    expect(leak.body.replace(/\n/g, ' ')).toMatch(/Decision: continue with the plan \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\): Contained; recipients/);
    const handoff = await vault.call('mail.preview', { caseId, template: 'handoff-note' });
    expect(handoff.subject).toBe('[EMBARGOED] Handoff of EMB-0001 to Dmitri Volkov');
    expect(handoff.body).toContain('Release Managers are lined up');
    const answer = await vault.call('mail.preview', { caseId: null, template: 'membership-answer', context: { requestId } });
    expect(answer.body).toContain('Our decision: declined.');
    expect(answer.body).toMatch(/1\. Be an actively maintained distribution of kubernetes components\.\n {3}Evidence: https:\/\/initech\.example\/k8s\n {3}Assessment: met/);
    expect(answer.body).toMatch(/9\. .*\n(?: {3}.*\n)*? {3}Assessment: not assessed yet/);
    const removal = await vault.call('mail.preview', { caseId: null, template: 'distributor-removal', context: { memberId: world.globex.memberId } });
    expect(removal.body).toContain('The reason: Leaked embargoed patches twice.');
  });

  it('marks what the case lacks instead of leaving it blank', async () => {
    const opened = await world.vault.call('case.create', { title: 'Bare case', disclosedAt: new Date(world.clock.now - HOUR).toISOString() });
    const preview = await world.vault.call('mail.preview', { caseId: opened.id, template: 'distributors-notice' });
    expect(preview.missing).toEqual(expect.arrayContaining(['cve', 'summary', 'releaseDateZones', 'embargoDeploy', 'embargoPatch', 'affectedVersions', 'mitigations', 'detection']));
    expect(preview.subject).toBe('[EMBARGOED] ⟦missing: cve⟧: ⟦missing: summary⟧');
    expect(preview.body).toContain('⟦missing: releaseDateZones⟧');
    expect(preview.variables.releaseDate).toBeNull();
    expect(preview.variables.caseId).toBe(opened.id);
    const filled = await world.vault.call('mail.preview', { caseId: opened.id, template: 'distributors-notice', vars: { cve: 'CVE-2026-9' } });
    expect(filled.subject).toBe('[EMBARGOED] CVE-2026-9: ⟦missing: summary⟧');
    const refused = await world.vault.result('mail.createDraft', { caseId: null, template: 'distributors-notice' });
    expect(refused.ok ? null : refused.error.code).toBe('InvalidInput');
  });

  it('a template changed for this vault is used by new drafts, and a reset brings the default back', async () => {
    const { vault, caseId } = world;
    const changed = await vault.call('mail.saveTemplate', { id: 'leak-report', subject: 'Leak on {{caseRef}} via {{leakDistributor}} {{bogus}}' });
    expect(changed).toMatchObject({ customised: true, unknownVariables: ['bogus'], defaultSubject: '[EMBARGOED] Embargo break on {{caseRef}}: {{leakWhat}}' });
    expect((await vault.call('mail.templates', {})).find((t) => t.id === 'leak-report')!.customised).toBe(true);
    const draft = await vault.call('mail.createDraft', { caseId, template: 'leak-report', vars: { bogus: '(urgent)' } });
    expect(draft.subject).toBe('Leak on CVE-2026-31337 via Globex (urgent)');
    const same = await vault.call('mail.saveTemplate', { id: 'leak-report', subject: changed.defaultSubject });
    expect(same.customised).toBe(false);
    await vault.call('mail.saveTemplate', { id: 'leak-report', body: 'Short.' });
    const reset = await vault.call('mail.resetTemplate', { id: 'leak-report' });
    expect(reset).toMatchObject({ customised: false, body: reset.defaultBody, subject: reset.defaultSubject });
  });

  it('settings: list addresses and the sender are per vault', async () => {
    const { vault, caseId } = world;
    const before = await vault.call('mail.settings', {});
    expect(before.lists.distributors).toBe('kubernetes-distributors-announce@googlegroups.com');
    const after = await vault.call('mail.updateSettings', { lists: { ...before.lists, security: 'security@kubernetes.io' }, from: { name: 'K8s SRC', address: 'src@kubernetes.io' } });
    expect(after.lists.security).toBe('security@kubernetes.io');
    const draft = await vault.call('mail.createDraft', { caseId, template: 'leak-report' });
    expect(draft.toAddresses).toEqual(['security@kubernetes.io']);
    expect(draft.from).toEqual({ name: 'K8s SRC', address: 'src@kubernetes.io' });
    await vault.call('mail.updateSettings', { lists: before.lists, from: null });
  });

  it('the Fix Team invitation goes to the engineers with an address, names those without, and copies the PST', async () => {
    const draft = await world.vault.call('mail.createDraft', { caseId: world.caseId, template: 'fix-team-invitation' });
    expect(draft.to).toEqual([{ kind: 'person', personId: world.engineer.personId }]);
    expect(draft.unresolved).toEqual(['Kemal Aydin (sig-auth)']);
    expect(draft.toAddresses).toEqual([world.engineer.email]);
    expect(draft.ccAddresses).toEqual(['kubernetes-security@googlegroups.com']);
    const [engineer, pst] = draft.recipients;
    expect(engineer).toMatchObject({ canReceive: true, keys: [{ fingerprint: world.engineer.fingerprint, ok: true, reason: null }] });
    // The security list is the PST: its keys are the roster's (Dmitri has none yet).
    expect(pst!.keys.map((k) => k.fingerprint)).toEqual([world.own]);
    expect(pst!.problems).toContain('Dmitri Volkov (PST) has no key');
    const timeline = await world.vault.call('case.timeline', { id: world.caseId });
    expect(timeline.at(-1)).toMatchObject({ type: 'mail.draft-created', data: { draft: draft.id, template: 'fix-team-invitation' } });
  });

  it('every save is a new version; old versions stay readable; a stale save is refused', async () => {
    const { vault, caseId } = world;
    const draft = await vault.call('mail.createDraft', { caseId, template: 'handoff-note' });
    const long = `${'A long paragraph that the Fix Lead typed without any line breaks at all, '.repeat(4)}see https://example.org/${'x'.repeat(90)} for details.`;
    const v2 = await vault.call('mail.saveDraft', { caseId, draft: draft.id, baseVersion: 1, body: long, subject: 'Handoff\nnow' });
    expect(v2.version).toBe(2);
    expect(v2.subject).toBe('Handoff now');
    for (const line of v2.body.split('\n')) expect([...line].length <= 72 || !line.includes(' ')).toBe(true);
    expect(v2.body).toContain(`https://example.org/${'x'.repeat(90)}`);
    const unchanged = await vault.call('mail.saveDraft', { caseId, draft: draft.id, body: v2.body });
    expect(unchanged.version).toBe(2);
    const stale = await vault.result('mail.saveDraft', { caseId, draft: draft.id, baseVersion: 1, subject: 'Other' });
    expect(stale.ok ? null : stale.error).toMatchObject({ code: 'Conflict', data: { latest: 2, base: 1 } });
    const first = await vault.call('mail.showDraft', { caseId, draft: draft.id, version: 1 });
    expect(first).toMatchObject({ version: 1, latestVersion: 2, body: draft.body, subject: draft.subject });
    expect(first.versions.map((v) => v.version)).toEqual([1, 2]);
    const listed = await vault.call('mail.drafts', { caseId });
    expect(listed.find((d) => d.id === draft.id)).toMatchObject({ version: 2, subject: 'Handoff now', exports: 0 });
    const missing = await vault.result('mail.showDraft', { caseId, draft: draft.id, version: 9 });
    expect(missing.ok ? null : missing.error.code).toBe('NotFound');
  });

  it('vault-wide drafts live outside every case', async () => {
    const answer = await world.vault.call('mail.createDraft', { caseId: null, template: 'membership-answer', context: { requestId } });
    expect(answer.caseId).toBeNull();
    expect(answer.toAddresses).toEqual(['lena@initech.example']);
    expect(answer.attachments.map((a) => a.ref)).toEqual([{ kind: 'public-key', fingerprint: world.own }]);
    expect((await world.vault.call('mail.drafts', { caseId: null })).map((d) => d.id)).toEqual([answer.id]);
    expect((await world.vault.call('mail.drafts', { caseId: world.caseId })).some((d) => d.id === answer.id)).toBe(false);
    const wrongScope = await world.vault.result('mail.showDraft', { caseId: world.caseId, draft: answer.id });
    expect(wrongScope.ok ? null : wrongScope.error.code).toBe('NotFound');
  });

  it('an attached file and unicode names travel intact inside the encryption', async () => {
    const { vault, caseId } = world;
    const draft = await vault.call('mail.createDraft', { caseId, template: 'fix-team-invitation' });
    const poc = Buffer.concat([Buffer.from('#!/bin/sh\n# reproduction\n'), Buffer.from([0, 1, 2, 255, 13, 10, 13])]);
    await vault.call('mail.saveDraft', {
      caseId,
      draft: draft.id,
      to: [{ kind: 'address', address: 'zoe@example.net', name: 'Zoë Müller, sig-node', fingerprints: [world.engineer.fingerprint] }],
      cc: [],
    });
    const withFile = await vault.call('mail.attachFile', { caseId, draft: draft.id, name: 'poc ü.sh', mediaType: 'application/x-sh', base64: poc.toString('base64') });
    expect(withFile.version).toBe(3);
    expect(withFile.attachments.map((a) => a.names)).toEqual([['poc ü.sh']]);
    const file = join(world.work.path, 'invite.eml');
    await vault.call('mail.export', { caseId, draft: draft.id, output: file, sign: true });
    const outer = await withAllParsers(readFileSync(file));
    expect(outer.map((p) => p.to)).toEqual([['zoe@example.net'], ['zoe@example.net'], ['zoe@example.net']]);
    const armored = outer[0]!.attachments.find((a) => a.contentType === 'application/octet-stream')!.text!;
    const decrypted = world.engineer.gpg.run(['--decrypt'], armored);
    expect(decrypted.status, decrypted.stderr).toBe(0);
    const inner = await withAllParsers(decrypted.stdout);
    for (const parsed of inner) {
      expect(parsed.attachments.map((a) => a.filename), parsed.parser).toEqual(['poc ü.sh']);
      expect(parsed.attachments[0]!.sha256, parsed.parser).toBe(withFile.attachments[0]!.ref.kind === 'file' ? withFile.attachments[0]!.ref.sha256 : '');
      expect(parsed.hpOuter.some((h) => h.includes('zoe@example.net')), parsed.parser).toBe(true);
    }
    const python = withPythonEmail(decrypted.stdout);
    expect(python.subject).toBe(withFile.subject);
    expect(python.to).toEqual(['zoe@example.net']);
  });

  it('without a sender (no own key, no setting) a draft cannot be made', async () => {
    const bare = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    try {
      const opened = await bare.call('case.create', { title: 'No sender', disclosedAt: '2026-01-01T00:00:00Z' });
      const refused = await bare.result('mail.createDraft', { caseId: opened.id, template: 'leak-report' });
      expect(refused.ok ? null : refused.error.code).toBe('SenderUnknown');
    } finally {
      await bare.cleanup();
    }
  });
});
