// The process commands of CLI.md: case schedule / checklist / retro / set, plus roster, leak,
// handoff, profiles and demo, with their --json shapes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.ts';
import { runCli } from '../helpers/cli.ts';

const env = { EMBARGO_PASSPHRASE: 'cli process test passphrase' };

describe('embargo demo and the process commands', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    root = await tempDir('embargo-process-cli-');
  });
  afterAll(async () => root.remove());

  it('demo creates a vault with a case in mid-flight that schedule, checklist and retro show', async () => {
    const vault = join(root.path, 'demo');
    const demo = await runCli(['--vault', vault, '--json', 'demo'], env);
    expect(demo.code, demo.stderr).toBe(0);
    const created = demo.json() as { vault: string; case: string; omitted: string[] };
    expect(created).toMatchObject({ vault, case: 'EMB-0001', omitted: [] });

    const schedule = await runCli(['--vault', vault, '--json', 'case', 'schedule', 'EMB-0001'], env);
    expect(schedule.code).toBe(0);
    const { deadlines } = schedule.json() as { deadlines: { id: string; title: string; due: string | null; state: string }[] };
    for (const deadline of deadlines) expect(Object.keys(deadline)).toEqual(expect.arrayContaining(['id', 'title', 'due', 'state']));
    expect(deadlines.filter((d) => d.state === 'overdue').map((d) => d.id)).toEqual(['mitigating-steps']);
    expect(deadlines.filter((d) => d.state === 'done').length).toBeGreaterThan(5);

    const human = await runCli(['--vault', vault, 'case', 'schedule', 'EMB-0001', '--zone', 'America/Los_Angeles'], env);
    expect(human.stdout).toMatch(/overdue +\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(human.stdout).toMatch(/Release Date: .* UTC .*America\/Los_Angeles/);

    const checklist = await runCli(['--vault', vault, '--json', 'case', 'checklist', 'EMB-0001'], env);
    const { items } = checklist.json() as { items: { id: string; record: { by: string } | null }[] };
    expect(items.find((i) => i.id === 'fix-branch-lgtm')?.record?.by).toMatch(/Jonas Weber/);

    const retro = await runCli(['--vault', vault, '--json', 'case', 'retro', 'EMB-0001'], env);
    expect((retro.json() as { markdown: string }).markdown).toMatch(/^# Retrospective: \[DEMO\]/);

    const again = await runCli(['--vault', vault, '--json', 'demo'], env);
    expect(again.code).toBe(1);
    expect((again.json() as { error: { code: string } }).error.code).toBe('VaultExists');
  });

  it('case set takes the process fields; checklist ticks, skips and refuses bad usage', async () => {
    const vault = join(root.path, 'work');
    expect((await runCli(['--vault', vault, 'vault', 'init'], env)).code).toBe(0);
    const create = await runCli(['--vault', vault, '--json', 'case', 'create', '--title', 'CLI case', '--disclosed-at', '2026-03-02T09:00:00Z', '--profile', 'kubernetes-current'], env);
    expect(create.code, create.stderr).toBe(0);

    const set = await runCli(
      [
        '--vault', vault, '--json', 'case', 'set', 'EMB-0001',
        '--kind', 'upstream',
        '--upstream', 'containerd@2026-03-12T16:00:00Z',
        '--fix-lead', 'Ada', '--fix-team', 'Jonas', '--fix-team', 'Kemal', '--reporter', 'Lena',
        '--link', 'PR that introduced the issue=https://git.example.org/pull/1',
        '--deploy-before-release', 'no', '--hosted-exceptions', 'none for hosted',
      ],
      env,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.json()).toMatchObject({
      kind: 'upstream',
      upstream: { project: 'containerd', date: '2026-03-12T16:00:00.000Z' },
      people: { fixLead: 'Ada', fixTeam: ['Jonas', 'Kemal'], reporter: 'Lena', releaseManagers: [] },
      links: [{ label: 'PR that introduced the issue', url: 'https://git.example.org/pull/1' }],
      embargo: { deployBeforeRelease: false, patchUnderEmbargo: null, hostedServiceExceptions: 'none for hosted' },
    });
    const relead = await runCli(['--vault', vault, '--json', 'case', 'set', 'EMB-0001', '--fix-lead', 'Björn'], env);
    expect(relead.code).toBe(2);
    expect(relead.stderr).toMatch(/handoff/);

    const tick = await runCli(['--vault', vault, '--json', 'case', 'checklist', 'EMB-0001', '--done', 'identify-fix-team', '--note', 'CCed OWNERS', '--at', '2026-03-02T12:00:00Z'], env);
    expect(tick.code, tick.stderr).toBe(0);
    const ticked = (tick.json() as { items: { id: string; state: string; record: { note: string; by: string } | null }[] }).items.find((i) => i.id === 'identify-fix-team');
    expect(ticked).toMatchObject({ state: 'done', record: { note: 'CCed OWNERS', by: 'Ada' } });
    expect((await runCli(['--vault', vault, 'case', 'checklist', 'EMB-0001', '--skip', 'preliminary-disclosure'], env)).code).toBe(2);
    const skip = await runCli(['--vault', vault, 'case', 'checklist', 'EMB-0001', '--skip', 'preliminary-disclosure', '--reason', 'no mitigation worth announcing'], env);
    expect(skip.code).toBe(0);
    expect(skip.stdout).toMatch(/\[-\] preliminary-disclosure/);
    const unknown = await runCli(['--vault', vault, '--json', 'case', 'checklist', 'EMB-0001', '--done', 'no-such-step'], env);
    expect(unknown.code).toBe(1);
    expect((unknown.json() as { error: { code: string } }).error.code).toBe('NotFound');
  });

  it('leak, handoff, roster, overview and profiles', async () => {
    const vault = join(root.path, 'work');
    const leak = await runCli(
      ['--vault', vault, '--json', 'leak', 'record', 'EMB-0001', '--what', 'patch', '--to', 'a public gist', '--when', '2026-03-03T10:00:00Z', '--reported-by', 'Vendor', '--distributor', 'Example Linux', '--decision', 'release-earlier', '--reason', 'public now'],
      env,
    );
    expect(leak.code, leak.stderr).toBe(0);
    expect(leak.json()).toMatchObject({ leak: { id: 'L1', decisionId: 'D1' }, decision: { choice: 'release-earlier' } });
    const schedule = (await runCli(['--vault', vault, '--json', 'case', 'schedule', 'EMB-0001'], env)).json() as { asap: boolean; deadlines: { state: string }[] };
    expect(schedule.asap).toBe(true);
    expect(schedule.deadlines.filter((d) => d.state !== 'done' && d.state !== 'skipped').every((d) => d.state === 'asap')).toBe(true);
    expect((await runCli(['--vault', vault, '--json', 'leak', 'counts'], env)).json()).toEqual({ distributors: [{ distributor: 'Example Linux', count: 1, cases: ['EMB-0001'] }] });

    expect((await runCli(['--vault', vault, 'handoff', 'request', 'EMB-0001', '--to', 'Björn', '--note', 'pending: LGTMs'], env)).code).toBe(0);
    expect((await runCli(['--vault', vault, '--json', 'case', 'show', 'EMB-0001'], env)).json()).toMatchObject({ people: { fixLead: 'Ada' } });
    expect((await runCli(['--vault', vault, 'handoff', 'ack', 'EMB-0001', '--by', 'Chiara'], env)).code).toBe(1);
    expect((await runCli(['--vault', vault, 'handoff', 'ack', 'EMB-0001', '--by', 'Björn'], env)).code).toBe(0);
    expect((await runCli(['--vault', vault, '--json', 'case', 'show', 'EMB-0001'], env)).json()).toMatchObject({ people: { fixLead: 'Björn' } });

    const ada = (await runCli(['--vault', vault, '--json', 'roster', 'add', '--name', 'Ada', '--contact', 'ada@example.org'], env)).json() as { id: string };
    const bjorn = (await runCli(['--vault', vault, '--json', 'roster', 'add', '--name', 'Björn'], env)).json() as { id: string };
    expect((await runCli(['--vault', vault, 'roster', 'set', ada.id, '--available', 'no', '--note', 'holiday'], env)).code).toBe(0);
    const proposal = (await runCli(['--vault', vault, '--json', 'roster', 'propose'], env)).json() as { proposed: { id: string } };
    expect(proposal.proposed.id).toBe(bjorn.id);
    await runCli(['--vault', vault, 'case', 'create', '--title', 'Second', '--disclosed-at', '2026-03-05T09:00:00Z'], env);
    const take = await runCli(['--vault', vault, '--json', 'roster', 'take', 'EMB-0002', bjorn.id], env);
    expect(take.json()).toMatchObject({ caseId: 'EMB-0002', memberId: bjorn.id, proposedId: bjorn.id });
    expect((await runCli(['--vault', vault, 'roster', 'minor', 'add', '1.33'], env)).code).toBe(0);
    expect((await runCli(['--vault', vault, 'roster', 'rm', 'add', '1.33', '--name', 'Ines'], env)).code).toBe(0);
    expect((await runCli(['--vault', vault, 'roster', 'minor', 'add', 'one'], env)).code).toBe(2);

    const overview = (await runCli(['--vault', vault, '--json', 'case', 'overview'], env)).json() as { cases: { id: string; asap: boolean }[] };
    expect(overview.cases.map((c) => [c.id, c.asap])).toEqual([
      ['EMB-0002', false],
      ['EMB-0001', true],
    ]);
    const profiles = await runCli(['--vault', vault, '--json', 'profiles'], {});
    expect((profiles.json() as { profiles: { id: string }[] }).profiles.map((p) => p.id)).toContain('linux-distros');
  });
});
