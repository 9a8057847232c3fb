// Per-member acknowledgements of the distributors' notices, and who to remind as the Release
// Date nears: "has not looked" never reads as "not affected".
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindersFrom } from '../../../src/core/mail/acks.ts';
import type { DistributorNotice } from '../../../src/shared/contract/index.ts';
import { DAY, HOUR, mailWorld, type MailWorld } from './fixture.ts';

describe('acknowledgements of distributor notices', () => {
  let world: MailWorld;
  let sentAt: number;
  let draftId: string;

  beforeAll(async () => {
    world = await mailWorld();
    const draft = await world.vault.call('mail.createDraft', { caseId: world.caseId, template: 'distributors-notice' });
    draftId = draft.id;
    await world.vault.call('mail.saveDraft', { caseId: world.caseId, draft: draft.id, attachments: [] });
    sentAt = world.clock.now;
    await world.vault.call('mail.export', { caseId: world.caseId, draft: draft.id, output: join(world.work.path, 'notice.eml'), sign: true, allowIncomplete: true });
  }, 120_000);
  afterAll(async () => world?.cleanup());

  it('an encrypted notice to the list opens one notice with every member in "no-answer"', async () => {
    const [notice, ...rest] = await world.vault.call('mail.notices', { caseId: world.caseId });
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({ id: 'N1', draftId, version: 2, templateId: 'distributors-notice', sentAt: new Date(sentAt).toISOString() });
    expect(notice!.members.map((m) => [m.organisation, m.state, m.at])).toEqual([
      ['Acme Linux', 'no-answer', null],
      ['Globex', 'no-answer', null],
    ]);
  });

  it('records each answer with its date and note, keeps the history, and logs it on the timeline', async () => {
    const { vault, caseId } = world;
    world.clock.set(sentAt + 3 * HOUR);
    const acked = await vault.call('mail.ack', { caseId, notice: 'N1', member: world.acme.memberId, state: 'acknowledged', note: 'Received, testing.' });
    expect(acked.members[0]).toMatchObject({ state: 'acknowledged', at: new Date(sentAt + 3 * HOUR).toISOString(), note: 'Received, testing.' });
    world.clock.set(sentAt + 30 * HOUR);
    const answeredAt = new Date(sentAt + 28 * HOUR).toISOString();
    const tested = await vault.call('mail.ack', { caseId, notice: 'N1', member: world.acme.memberId, state: 'tested-ok', note: 'Built and ran e2e on 1.29 and 1.30.', at: answeredAt });
    expect(tested.members[0]).toMatchObject({ state: 'tested-ok', at: answeredAt });
    expect(tested.members[0]!.history.map((h) => h.state)).toEqual(['acknowledged', 'tested-ok']);
    expect(tested.members[0]!.history[1]).toMatchObject({ recordedBy: 'Chiara Bellini', recordedAt: new Date(sentAt + 30 * HOUR).toISOString() });
    expect(tested.members[1]!.state).toBe('no-answer');
    const events = (await vault.call('case.timeline', { id: caseId })).filter((e) => e.type === 'mail.ack-recorded');
    expect(events.map((e) => (e.data as { state: string }).state)).toEqual(['acknowledged', 'tested-ok']);
    expect(events[1]!.data).toMatchObject({ notice: 'N1', member: world.acme.memberId, organisation: 'Acme Linux', at: answeredAt });
  });

  it('refuses answers that cannot be: unknown notice or member, before the notice, in the future', async () => {
    const { vault, caseId } = world;
    const cases = [
      [{ notice: 'N9', member: world.acme.memberId }, 'NotFound'],
      [{ notice: 'N1', member: 'dist-00000000' }, 'NotFound'],
      [{ notice: 'N1', member: world.acme.memberId, at: new Date(sentAt - HOUR).toISOString() }, 'InvalidInput'],
      [{ notice: 'N1', member: world.acme.memberId, at: new Date(world.clock.now + HOUR).toISOString() }, 'InvalidInput'],
    ] as const;
    for (const [input, code] of cases) {
      const result = await vault.result('mail.ack', { caseId, state: 'not-affected', ...input });
      expect(result.ok ? null : result.error.code).toBe(code);
    }
    const [notice] = await vault.call('mail.notices', { caseId });
    expect(notice!.members[0]!.history).toHaveLength(2);
  });

  it('reminds the members who have not answered, once a notice has gone quiet or the Release Date nears', async () => {
    const { vault, caseId } = world;
    expect((await vault.call('mail.reminders', { caseId })).reminders).toEqual([]); // 30 hours: not quiet yet
    world.clock.set(sentAt + 49 * HOUR);
    const quiet = await vault.call('mail.reminders', { caseId });
    expect(quiet.withinHours).toBe(72);
    expect(quiet.reminders).toEqual([
      { noticeId: 'N1', memberId: world.globex.memberId, organisation: 'Globex', state: 'no-answer', sentAt: new Date(sentAt).toISOString(), reason: 'no-answer', why: 'quiet-too-long', contacts: ['psirt@globex.example'] },
    ]);
    expect((await vault.call('mail.reminders', { caseId, quietHours: 100 })).reminders).toEqual([]);
    await vault.call('case.update', { id: caseId, edits: { releaseDate: new Date(world.clock.now + 48 * HOUR).toISOString() } });
    const near = await vault.call('mail.reminders', { caseId, quietHours: 100 });
    expect(near.hoursToRelease).toBe(48);
    expect(near.reminders.map((r) => [r.organisation, r.why])).toEqual([['Globex', 'release-near']]);
  });

  it('the reminder email goes to exactly those members', async () => {
    const draft = await world.vault.call('mail.createDraft', { caseId: world.caseId, template: 'distributors-reminder' });
    expect(draft.to).toEqual([{ kind: 'distributor', memberId: world.globex.memberId }]);
    expect(draft.toAddresses).toEqual(['psirt@globex.example']);
    expect(draft.missing).toEqual([]);
    expect(draft.body).toContain(`On ${new Date(sentAt).toISOString().slice(0, 10)}`);
    // A reminder opens no notice of its own.
    await world.vault.call('mail.export', { caseId: world.caseId, draft: draft.id, output: join(world.work.path, 'reminder.eml'), sign: true });
    expect((await world.vault.call('mail.notices', { caseId: world.caseId })).map((n) => n.id)).toEqual(['N1']);
  });

  it('"acknowledged" without a test report is still reminded; after the Release Date nobody is', async () => {
    const { vault, caseId } = world;
    await vault.call('mail.ack', { caseId, notice: 'N1', member: world.globex.memberId, state: 'acknowledged', note: '' });
    const after = await vault.call('mail.reminders', { caseId, quietHours: 100 });
    expect(after.reminders.map((r) => [r.organisation, r.reason])).toEqual([['Globex', 'no-work-reported']]);
    await vault.call('case.update', { id: caseId, edits: { releaseDate: new Date(world.clock.now - HOUR).toISOString() } });
    expect((await vault.call('mail.reminders', { caseId })).reminders).toEqual([]);
  });
});

describe('remindersFrom', () => {
  const notice = (id: string, sentAt: string, states: Record<string, DistributorNotice['members'][number]['state']>): DistributorNotice => ({
    id,
    draftId: 'draft-00000001',
    version: 1,
    templateId: 'distributors-notice',
    subject: 's',
    sentAt,
    members: Object.entries(states).map(([memberId, state]) => ({ memberId, organisation: memberId.toUpperCase(), state, at: null, note: '', history: [] })),
  });
  const now = new Date('2026-03-10T12:00:00Z');

  it('a member who reported work on any notice is not reminded; the latest notice is the one named', () => {
    const notices = [
      notice('N1', '2026-03-01T12:00:00Z', { 'dist-aaaaaaaa': 'tested-problems', 'dist-bbbbbbbb': 'acknowledged', 'dist-cccccccc': 'no-answer' }),
      notice('N2', '2026-03-09T12:00:00Z', { 'dist-aaaaaaaa': 'no-answer', 'dist-bbbbbbbb': 'no-answer', 'dist-cccccccc': 'no-answer' }),
    ];
    const reminders = remindersFrom(notices, '2026-03-11T16:00:00Z', now, 72, 48, (id) => [`${id}@example.org`]);
    expect(reminders.map((r) => [r.memberId, r.noticeId, r.reason, r.why])).toEqual([
      ['dist-bbbbbbbb', 'N2', 'no-work-reported', 'release-near'],
      ['dist-cccccccc', 'N2', 'no-answer', 'release-near'],
    ]);
  });

  it('nobody is reminded before a notice is quiet and while the Release Date is far, or once it has passed', () => {
    const notices = [notice('N1', '2026-03-10T00:00:00Z', { 'dist-aaaaaaaa': 'no-answer' })];
    expect(remindersFrom(notices, '2026-04-01T16:00:00Z', now, 72, 48, () => [])).toEqual([]);
    expect(remindersFrom(notices, '2026-03-10T11:00:00Z', now, 72, 48, () => [])).toEqual([]);
    expect(remindersFrom(notices, null, new Date(now.getTime() + 3 * DAY), 72, 48, () => []).map((r) => r.why)).toEqual(['quiet-too-long']);
  });
});
