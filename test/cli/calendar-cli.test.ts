// `embargo calendar check|propose|settings|holidays` against a real vault: the vault's usual
// hour, an .ics import whose holidays the proposer steps over, the reason for each refused
// candidate, every participant's zone, --json, and a refused .ics that changes nothing.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.ts';
import { runCli } from '../helpers/cli.ts';

const ICS = join(import.meta.dirname, '..', 'fixtures', 'calendar', 'holidays-de-2030.ics');

describe('embargo calendar', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: string;
  const env = { EMBARGO_PASSPHRASE: 'calendar cli test passphrase' };
  const cli = (...argv: string[]) => runCli(['--vault', vault, ...argv], env);
  const planned = ['--notice-at', '2030-12-17T10:00Z'];

  beforeAll(async () => {
    root = await tempDir('embargo-calendar-cli-');
    vault = join(root.path, 'vault');
    expect((await cli('vault', 'init')).code).toBe(0);
    expect((await cli('case', 'create', '--title', 'Release Date negotiation', '--disclosed-at', '2030-12-10T09:00:00Z')).code).toBe(0);
  });
  afterAll(async () => root.remove());

  it('settings: the usual release hour is the vault\'s, shown and changed', async () => {
    expect((await cli('--json', 'calendar', 'settings')).json()).toEqual({ releaseTimeUtc: null, minNoticeDays: 7, linuxDistrosMaxDays: 14 });
    const changed = await cli('--json', 'calendar', 'settings', '--release-hour', '14:00');
    expect(changed.code).toBe(0);
    expect(changed.json()).toMatchObject({ releaseTimeUtc: '14:00' });
    const shown = await cli('calendar', 'settings');
    expect(shown.stdout).toMatch(/release hour: +14:00 UTC/);
    const bad = await cli('calendar', 'settings', '--min-notice-days', 'soon');
    expect(bad.code).toBe(2);
  });

  it('holidays import, list, add, remove', async () => {
    const imported = await cli('calendar', 'holidays', 'import', ICS);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Imported 3 holidays\./);
    expect(imported.stderr).toMatch(/skipped "New Year's Day": it repeats/);
    const added = await cli('--json', 'calendar', 'holidays', 'add', '2030-12-31', "New Year's", 'Eve', '--zone', 'Europe/Berlin');
    expect(added.code).toBe(0);
    const holiday = added.json() as { id: string; name: string; zones: string[] };
    expect(holiday).toMatchObject({ name: "New Year's Eve", zones: ['Europe/Berlin'] });
    const list = (await cli('--json', 'calendar', 'holidays', 'list')).json() as { holidays: { date: string }[] };
    expect(list.holidays.map((h) => h.date)).toEqual(['2030-12-24', '2030-12-25', '2030-12-26', '2030-12-31']);
    expect((await cli('calendar', 'holidays', 'remove', holiday.id)).stdout).toMatch(/^Removed holiday-[0-9a-f]+: 2030-12-31 New Year's Eve\.$/m);
    expect((await cli('calendar', 'holidays', 'list')).stdout).toMatch(/2030-12-24 +Christmas Eve +everyone +ics:20301224_christmas_eve@google\.com/);
  });

  it('a refused .ics file: exit 2 (InvalidInput, as every refused input), nothing added', async () => {
    const file = join(root.path, 'broken.ics');
    await writeFile(file, 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20301105\r\nSUMMARY:ok\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20301305\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    const run = await cli('--json', 'calendar', 'holidays', 'import', file);
    expect(run.code).toBe(2);
    expect(run.json()).toMatchObject({ error: { code: 'InvalidInput' } });
    expect(run.stderr).toMatch(/line 7: 2030-13-05 is not a day of the calendar\. Nothing was imported\./);
    const list = (await cli('--json', 'calendar', 'holidays', 'list')).json() as { holidays: unknown[] };
    expect(list.holidays).toHaveLength(3);
    expect((await cli('calendar', 'holidays', 'import', join(root.path, 'missing.ics'))).code).toBe(2);
  });

  it('check: every constraint\'s result and the date in each zone; exit 1 when refused', async () => {
    const refused = await cli('calendar', 'check', 'EMB-0001', '2030-12-24', ...planned);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/EMB-0001: 2030-12-24 14:00 UTC — refused/);
    expect(refused.stdout).toMatch(/NO +holiday +hard +A holiday: Christmas Eve \(2030-12-24\)\./);
    expect(refused.stdout).toMatch(/ok +distributor-notice +hard +Distributors get at least 7 days' notice/);
    const json = await cli('--json', 'calendar', 'check', 'EMB-0001', '2030-12-30 14:00', ...planned);
    expect(json.code).toBe(0);
    const check = json.json() as { ok: boolean; results: { constraint: string; ok: boolean }[]; inZones: { who: string; at: { zone: string } }[] };
    expect(check.ok).toBe(true);
    expect(check.results.map((r) => r.constraint)).toEqual(expect.arrayContaining(['after-now', 'profile-latest', 'distributor-notice', 'release-hour', 'working-day', 'holiday']));
    expect(check.inZones[0]).toMatchObject({ who: 'UTC', at: { zone: 'UTC' } });
    const wrongHour = await cli('--json', 'calendar', 'check', 'EMB-0001', '2030-12-30T16:00:00Z', ...planned);
    expect(wrongHour.code).toBe(1);
    expect((wrongHour.json() as { reasons: string[] }).reasons).toEqual(['At 16:00 UTC, not the usual release hour 14:00 UTC.']);
    expect((await cli('calendar', 'check', 'EMB-0001', 'next tuesday')).code).toBe(2);
  });

  it('propose: the first date that meets all, with the reason for each refused candidate', async () => {
    const run = await cli('calendar', 'propose', 'EMB-0001', '--from', '2030-12-20T00:00Z', ...planned);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^refused 2030-12-20 14:00 UTC: .*A Fri for UTC/m);
    expect(run.stdout).toMatch(/^refused 2030-12-24 14:00 UTC: .*Christmas Eve/m);
    expect(run.stdout).toMatch(/^refused 2030-12-26 14:00 UTC: A holiday: Christmas Day and Boxing Day \(2030-12-26\)\.$/m);
    expect(run.stdout).toMatch(/^Proposed: 2030-12-30 14:00 UTC$/m);
    expect(run.stdout).toMatch(/embargo case set EMB-0001 --release-date 2030-12-30T14:00:00\.000Z/);
    const json = await cli('--json', 'calendar', 'propose', 'EMB-0001', '--from', '2030-12-20T00:00Z', ...planned);
    const proposal = json.json() as { proposed: { releaseDate: string }; rejected: { releaseDate: string; reasons: string[] }[] };
    expect(proposal.proposed.releaseDate).toBe('2030-12-30T14:00:00.000Z');
    expect(proposal.rejected.map((r) => r.releaseDate.slice(0, 10))).toEqual(['2030-12-20', '2030-12-21', '2030-12-22', '2030-12-23', '2030-12-24', '2030-12-25', '2030-12-26', '2030-12-27', '2030-12-28', '2030-12-29']);
    const none = await cli('--json', 'calendar', 'propose', 'EMB-0001', '--from', '2031-02-01T00:00Z', '--max-days', '5', ...planned);
    expect(none.code).toBe(1);
    expect((none.json() as { proposed: null }).proposed).toBeNull();
  });
});
