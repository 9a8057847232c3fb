// `embargo roster …`: the PST, the Fix Lead rotation and the Release Managers per minor release.
import type { Command } from 'commander';
import type { Roster } from '../../shared/contract/index.ts';
import { printJson, printTable } from '../output.ts';
import type { CommandRunner } from '../main.ts';
import { usageError } from '../session.ts';
import { yesNo } from './process-format.ts';

function printRoster(io: Parameters<typeof printTable>[0], roster: Roster): void {
  const current = roster.members.filter((member) => member.removedAt === null);
  if (current.length === 0) io.stdout('No PST members yet. Add one with "embargo roster add --name NAME".\n');
  else {
    printTable(
      io,
      ['ID', 'NAME', 'CONTACT', 'AVAILABLE', 'CASES LED'],
      current.map((m) => [m.id, m.name, m.contact || '—', m.available ? 'yes' : `no${m.note ? ` (${m.note})` : ''}`, String(roster.leads.filter((l) => l.memberId === m.id).length)]),
    );
  }
  for (const minor of roster.minors) {
    const managers = minor.releaseManagers.filter((manager) => manager.removedAt === null);
    const state = minor.deprecatedAt ? `deprecated ${minor.deprecatedAt.slice(0, 10)}` : 'supported';
    io.stdout(`${minor.minor} (${state}): ${managers.map((m) => `${m.name} [${m.id}]`).join(', ') || '—'}\n`);
  }
}

export function registerRosterCommands(program: Command, run: CommandRunner): void {
  const roster = program.command('roster').description('the Product Security Team, the Fix Lead rotation and the Release Managers');

  roster
    .command('show')
    .description('members, turns taken and Release Managers per minor release')
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const shown = await session.call('roster.show', {});
        if (session.options.json) printJson(session.io, shown);
        else printRoster(session.io, shown);
      }),
    );

  roster
    .command('add')
    .description('add a PST member')
    .requiredOption('--name <name>')
    .option('--contact <email>', 'how to reach them', '')
    .option('--fingerprint <fpr>', 'their OpenPGP key fingerprint')
    .action((options: { name: string; contact: string; fingerprint?: string }) =>
      run(async (session) => {
        await session.unlock();
        const member = await session.call('roster.addMember', { name: options.name, contact: options.contact, fingerprint: options.fingerprint ?? null });
        if (session.options.json) printJson(session.io, member);
        else session.io.stdout(`Added ${member.name} as ${member.id}.\n`);
      }),
    );

  roster
    .command('set')
    .description('change a member: availability, name, contact, fingerprint')
    .argument('<member>', 'member id (pst-…)')
    .option('--available <yes|no>')
    .option('--note <text>', 'why unavailable')
    .option('--name <name>')
    .option('--contact <email>')
    .option('--fingerprint <fpr>', '"none" clears it')
    .action((memberId: string, options: { available?: string; note?: string; name?: string; contact?: string; fingerprint?: string }) =>
      run(async (session) => {
        if (Object.values(options).every((value) => value === undefined)) throw usageError('Nothing to change.');
        const available = options.available === undefined ? undefined : yesNo(options.available, '--available');
        if (available === null) throw usageError('--available takes yes or no.');
        await session.unlock();
        const member = await session.call('roster.updateMember', {
          memberId,
          ...(available !== undefined ? { available } : {}),
          ...(options.note !== undefined ? { note: options.note } : {}),
          ...(options.name !== undefined ? { name: options.name } : {}),
          ...(options.contact !== undefined ? { contact: options.contact } : {}),
          ...(options.fingerprint !== undefined ? { fingerprint: options.fingerprint === 'none' ? null : options.fingerprint } : {}),
        });
        if (session.options.json) printJson(session.io, member);
        else session.io.stdout(`${member.name}: ${member.available ? 'available' : `unavailable${member.note ? ` (${member.note})` : ''}`}.\n`);
      }),
    );

  roster
    .command('remove')
    .description('take a member off the PST (past cases keep naming them)')
    .argument('<member>', 'member id')
    .action((memberId: string) =>
      run(async (session) => {
        await session.unlock();
        const member = await session.call('roster.removeMember', { memberId });
        if (session.options.json) printJson(session.io, member);
        else session.io.stdout(`${member.name} left the PST.\n`);
      }),
    );

  roster
    .command('propose')
    .description('the next Fix Lead by round-robin, skipping the unavailable')
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const proposal = await session.call('roster.proposeFixLead', {});
        if (session.options.json) return printJson(session.io, proposal);
        session.io.stdout(proposal.proposed ? `Next Fix Lead: ${proposal.proposed.name} (${proposal.proposed.id})\n` : 'Nobody is available to lead.\n');
        printTable(
          session.io,
          ['ORDER', 'NAME', 'LAST LED (UTC)', 'CASES', 'SKIPPED'],
          proposal.order.map((entry, index) => [
            String(index + 1),
            entry.member.name,
            entry.lastLedAt ? entry.lastLedAt.slice(0, 16).replace('T', ' ') : 'never',
            String(entry.casesLed),
            entry.skipped ?? '',
          ]),
        );
      }),
    );

  roster
    .command('take')
    .description('record who took the Fix Lead turn for a case')
    .argument('<case>', 'case id')
    .argument('<member>', 'member id')
    .action((caseId: string, memberId: string) =>
      run(async (session) => {
        await session.unlock();
        const { turn } = await session.call('roster.takeFixLead', { caseId, memberId });
        if (session.options.json) printJson(session.io, turn);
        else session.io.stdout(`${memberId} leads ${caseId}${turn.proposedId && turn.proposedId !== memberId ? ` (the rotation proposed ${turn.proposedId})` : ''}.\n`);
      }),
    );

  const minor = roster.command('minor').description('minor releases: created and deprecated');
  minor
    .command('add')
    .argument('<minor>', 'e.g. 1.33')
    .action((version: string) =>
      run(async (session) => {
        await session.unlock();
        const created = await session.call('roster.addMinor', { minor: version });
        if (session.options.json) printJson(session.io, created);
        else session.io.stdout(`Minor release ${created.minor} added.\n`);
      }),
    );
  minor
    .command('deprecate')
    .argument('<minor>', 'e.g. 1.30')
    .action((version: string) =>
      run(async (session) => {
        await session.unlock();
        const deprecated = await session.call('roster.deprecateMinor', { minor: version });
        if (session.options.json) printJson(session.io, deprecated);
        else session.io.stdout(`Minor release ${deprecated.minor} deprecated; its Release Managers left the active roster.\n`);
      }),
    );

  const managers = roster.command('rm').description('Release Managers of a minor release');
  managers
    .command('add')
    .argument('<minor>', 'e.g. 1.33')
    .requiredOption('--name <name>')
    .option('--contact <email>', '', '')
    .option('--fingerprint <fpr>')
    .action((version: string, options: { name: string; contact: string; fingerprint?: string }) =>
      run(async (session) => {
        await session.unlock();
        const manager = await session.call('roster.addReleaseManager', {
          minor: version,
          name: options.name,
          contact: options.contact,
          fingerprint: options.fingerprint ?? null,
        });
        if (session.options.json) printJson(session.io, manager);
        else session.io.stdout(`${manager.name} (${manager.id}) manages ${version}.\n`);
      }),
    );
  managers
    .command('remove')
    .argument('<minor>', 'e.g. 1.33')
    .argument('<manager>', 'Release Manager id (rm-…)')
    .action((version: string, managerId: string) =>
      run(async (session) => {
        await session.unlock();
        const manager = await session.call('roster.removeReleaseManager', { minor: version, managerId });
        if (session.options.json) printJson(session.io, manager);
        else session.io.stdout(`${manager.name} no longer manages ${version}.\n`);
      }),
    );
}
