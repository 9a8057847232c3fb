// The default profile encodes the 2017 Security Release Process text: for a private case
// disclosed at D, each step is due when the text says.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DAY, D, HOUR, done, fields, item, plus, schedule, stateWith, cvss } from './fixtures.ts';
import { profileFor } from '../../../src/core/process/profiles/index.ts';
import { scheduledItems } from '../../../src/core/process/schedule.ts';

const RELEASE = '2026-03-18T16:00:00.000Z'; // a Wednesday, D + 16 d 7 h

describe('kubernetes-2017: a private case disclosed at D', () => {
  const result = schedule(fields());
  const phase = (id: string) => result.phases.find((p) => p.id === id);

  it('Fix Team organisation is due within the first 24 hours of Disclosure', () => {
    expect(phase('fix-team-organization')?.due).toBe(plus(D, 24 * HOUR));
    expect(item(result, 'identify-fix-team').due).toBe(plus(D, 24 * HOUR));
    expect(item(result, 'grant-private-repo').due).toBe(plus(D, 24 * HOUR));
  });

  it('fix development (CVSS call, LGTMs on every commit) is due within 1–7 days', () => {
    expect(phase('fix-development')?.opens).toBe(plus(D, DAY));
    expect(item(result, 'cvss-call').due).toBe(plus(D, 7 * DAY));
    expect(item(result, 'fix-branch-lgtm').due).toBe(plus(D, 7 * DAY));
  });

  it('the disclosure of the forthcoming fix is due within 1–7 days, once a fix exists', () => {
    const forthcoming = item(result, 'announce-forthcoming-fix');
    expect(forthcoming.due).toBe(plus(D, 7 * DAY));
    expect(forthcoming.waitingFor).toBe('fixReady');
    expect(forthcoming.requires).toEqual(['releaseDate']);
  });

  it('the optional private distributors disclosure is due within 1–14 days', () => {
    expect(phase('private-distributors-disclosure')?.optional).toBe(true);
    expect(item(result, 'email-distributors').due).toBe(plus(D, 14 * DAY));
    expect(item(result, 'email-distributors').optional).toBe(true);
  });

  it('release day is due within 1–21 days while no Release Date is set', () => {
    expect(phase('fix-release-day')?.due).toBe(plus(D, 21 * DAY));
    for (const id of ['binaries-ready', 'patch-release-branch', 'cherry-pick', 'merge-without-rewriting', 'request-cve', 'release-announcement', 'remove-fix-team']) {
      expect(item(result, id).due, id).toBe(plus(D, 21 * DAY));
    }
  });

  it('the retrospective waits for the Release Date', () => {
    expect(item(result, 'send-retrospective').due).toBeNull();
    expect(item(result, 'send-retrospective').waitingFor).toBe('releaseDate');
  });

  it('with a Release Date: binaries before it, public steps on release day, retrospective by Release Date + 3 days', () => {
    const withDate = schedule(fields({ releaseDate: RELEASE }));
    expect(item(withDate, 'binaries-ready').due).toBe(RELEASE);
    expect(item(withDate, 'patch-release-branch').due).toBe(RELEASE);
    expect(item(withDate, 'request-cve').due).toBe(RELEASE);
    expect(item(withDate, 'release-announcement').opens).toBe(RELEASE);
    expect(item(withDate, 'release-announcement').due).toBe(plus(RELEASE, 24 * HOUR));
    expect(item(withDate, 'remove-fix-team').due).toBe(plus(RELEASE, 24 * HOUR));
    expect(item(withDate, 'send-retrospective').opens).toBe(plus(RELEASE, DAY));
    expect(item(withDate, 'send-retrospective').due).toBe(plus(RELEASE, 3 * DAY));
  });

  it('warns when the Release Date is later than 21 days after Disclosure', () => {
    const late = schedule(fields({ releaseDate: plus(D, 22 * DAY) }));
    expect(late.warnings.map((w) => w.code)).toContain('release-date-too-late');
    expect(schedule(fields({ releaseDate: RELEASE })).warnings.map((w) => w.code)).not.toContain('release-date-too-late');
  });

  it('every item quotes the reference text', async () => {
    const text = (await readFile(join(import.meta.dirname, '../../../../shared/reference/security-release-process.txt'), 'utf8')).replace(/\s+/g, ' ');
    const profile = profileFor('kubernetes-2017', 1);
    for (const phase of profile.phases) {
      for (const spec of phase.items) {
        // Details are verbatim sentences of the text (joined where the text has two paragraphs).
        for (const sentence of spec.detail.split(/(?<=\.) (?=[A-Z])/)) expect(text, `${spec.id}: ${sentence}`).toContain(sentence);
      }
      expect(text, phase.id).toContain(phase.windowText.split('. ')[0]!.replace(/\.$/, ''));
    }
    expect(text).toContain(profile.embargoBreakText);
  });

  it('public items apply to public cases only, upstream items to upstream cases only', () => {
    const ids = (kind: 'private' | 'public' | 'upstream') => scheduledItems(schedule(fields({ kind }))).map((i) => i.id);
    expect(ids('private')).not.toContain('ask-private-handling');
    expect(ids('public')).toContain('ask-private-handling');
    expect(ids('upstream')).toContain('agree-upstream-timeline');
    expect(ids('private')).not.toContain('agree-upstream-timeline');
  });
});

describe('kubernetes-2017: states', () => {
  it('upcoming, due today, overdue and done follow the UTC day of the deadline', () => {
    const f = fields();
    expect(item(schedule(f, undefined, plus(D, HOUR)), 'identify-fix-team').state).toBe('upcoming');
    // Due D + 24 h = Tuesday 09:00 UTC; at Tuesday 00:30 UTC it is due today.
    expect(item(schedule(f, undefined, '2026-03-03T00:30:00.000Z'), 'identify-fix-team').state).toBe('due-today');
    expect(item(schedule(f, undefined, plus(D, 25 * HOUR)), 'identify-fix-team').state).toBe('overdue');
    const ticked = stateWith({ 'identify-fix-team': done(plus(D, 30 * HOUR)) });
    const later = schedule(f, ticked, plus(D, 40 * HOUR));
    expect(item(later, 'identify-fix-team').state).toBe('done');
    expect(item(later, 'identify-fix-team').late).toBe(true);
  });

  it('the fix-ready tick opens the forthcoming-fix disclosure', () => {
    const state = stateWith({ 'fix-branch-lgtm': done(plus(D, 3 * DAY)) });
    const result = schedule(fields(), state, plus(D, 3 * DAY + HOUR));
    expect(result.anchors.fixReady).toBe(plus(D, 3 * DAY));
    expect(item(result, 'announce-forthcoming-fix').waitingFor).toBeNull();
  });

  it('a phase is done when all its items are done, and records when it finished', () => {
    const state = stateWith({ 'identify-fix-team': done(plus(D, 2 * HOUR)), 'grant-private-repo': done(plus(D, 5 * HOUR)) });
    const phase = schedule(fields(), state, plus(D, 6 * HOUR)).phases[0]!;
    expect(phase.state).toBe('done');
    expect(phase.finishedAt).toBe(plus(D, 5 * HOUR));
  });

  it('shows deadlines in UTC, the zones asked for, with the offset in force', () => {
    const result = schedule(fields(), undefined, D, ['America/Los_Angeles', 'Europe/Berlin']);
    const times = item(result, 'identify-fix-team').dueIn;
    expect(times.map((t) => t.zone)).toEqual(['UTC', 'America/Los_Angeles', 'Europe/Berlin']);
    expect(times[0]).toMatchObject({ date: '2026-03-03', time: '09:00', weekday: 'Tue', offset: '+00:00' });
    expect(times[1]).toMatchObject({ date: '2026-03-03', time: '01:00', offset: '-08:00' });
    expect(times[2]).toMatchObject({ date: '2026-03-03', time: '10:00', offset: '+01:00' });
    expect(item(result, 'identify-fix-team').dueDayUtc).toBe('2026-03-03');
  });

  it('warns about a Release Date on a Friday or a weekend, in UTC and in the zones shown', () => {
    const codes = (releaseDate: string, zones: string[] = []) => schedule(fields({ releaseDate }), undefined, D, zones).warnings.map((w) => w.code);
    expect(codes('2026-03-13T16:00:00.000Z')).toContain('release-date-friday');
    expect(codes('2026-03-14T16:00:00.000Z')).toContain('release-date-weekend');
    expect(codes('2026-03-11T16:00:00.000Z')).not.toContain('release-date-friday');
    // Thursday 23:30 UTC is already Friday in Tokyo.
    expect(codes('2026-03-12T23:30:00.000Z')).not.toContain('release-date-friday');
    expect(codes('2026-03-12T23:30:00.000Z', ['Asia/Tokyo'])).toContain('release-date-friday');
  });
});

describe('kubernetes-2017: public, low score, upstream', () => {
  it('a public disclosure turns every open window into "as soon as possible"', () => {
    const state = stateWith({ 'identify-fix-team': done(plus(D, HOUR)) });
    const result = schedule(fields({ kind: 'public', releaseDate: RELEASE }), state, plus(D, 30 * DAY));
    expect(result.asap).toBe(true);
    for (const scheduled of scheduledItems(result)) {
      if (scheduled.id === 'identify-fix-team') expect(scheduled.state).toBe('done');
      else {
        expect(scheduled.state, scheduled.id).toBe('asap');
        expect(scheduled.due, scheduled.id).toBeNull();
      }
    }
    expect(result.warnings.map((w) => w.code)).not.toContain('release-date-missing');
  });

  it('a 3.9 score alone does not change the schedule; a recorded slow-down decision does', () => {
    const low = fields({ cvss: cvss(3.9) });
    const plain = schedule(low);
    expect(item(plain, 'cvss-call').due).toBe(plus(D, 7 * DAY));
    expect(plain.warnings.map((w) => w.code)).toContain('low-score-may-slow-down');
    const decided = stateWith(
      {},
      {
        decisions: [
          { id: 'D1', type: 'slow-down', at: D, by: 'Fix Lead', reason: 'holidays', extendDays: 7, discussedOn: 'list thread', score: 3.9, leakId: null, choice: null },
        ],
      },
    );
    const slowed = schedule(low, decided);
    expect(item(slowed, 'identify-fix-team').due).toBe(plus(D, 8 * DAY));
    expect(item(slowed, 'cvss-call').due).toBe(plus(D, 14 * DAY));
    expect(item(slowed, 'email-distributors').due).toBe(plus(D, 21 * DAY));
    expect(item(slowed, 'binaries-ready').due).toBe(plus(D, 28 * DAY));
    expect(item(slowed, 'cvss-call').adjustments[0]).toMatch(/slowed down by 7 days/);
    expect(slowed.warnings.map((w) => w.code)).not.toContain('low-score-may-slow-down');
  });

  it('an upstream-bound case follows the upstream date', () => {
    const upstreamDate = plus(D, 5 * DAY + 7 * HOUR);
    const result = schedule(fields({ kind: 'upstream', upstream: { project: 'containerd', date: upstreamDate } }));
    expect(result.anchors.releaseDate).toBe(upstreamDate);
    expect(item(result, 'binaries-ready').due).toBe(upstreamDate);
    // Windows counted from Disclosure end no later than the upstream date.
    expect(item(result, 'cvss-call').due).toBe(upstreamDate);
    expect(item(result, 'cvss-call').adjustments).toContain("ends at the upstream project's disclosure date");
    expect(item(result, 'identify-fix-team').due).toBe(plus(D, 24 * HOUR));
    expect(item(result, 'send-retrospective').due).toBe(plus(upstreamDate, 3 * DAY));
    const differing = schedule(fields({ kind: 'upstream', upstream: { project: 'containerd', date: upstreamDate }, releaseDate: RELEASE }));
    expect(differing.warnings.map((w) => w.code)).toContain('upstream-date-differs');
  });
});
