// `embargo team init|join|show|add-member|remove-member|share|sync|decide`: the team vault —
// members sharing cases end-to-end encrypted through an ordinary git remote.
import type { Command } from 'commander';
import type { TeamInfo, TeamSyncResult } from '../../shared/contract/index.ts';
import { onTeamSyncProgress, type TeamSyncPhase } from '../../core/team/sync-progress.ts';
import type { CommandRunner } from '../main.ts';
import { printJson } from '../output.ts';
import type { CliSession } from '../session.ts';
import { collect } from './keyring.ts';

const PHASES: Record<TeamSyncPhase, string> = {
  fetch: 'fetching the other members’ states',
  verify: 'verifying member states (moved refs)',
  decrypt: 'opening changed case records',
  merge: 'merging changed cases',
  publish: 'encrypting changed case records',
  push: 'pushing this member’s state',
  export: 'writing the bundle',
};

/** Sync progress on stderr (a terminal only): each phase's start and end, and at most 5 updates a second between. */
function withSyncProgress<T>(session: CliSession, work: () => Promise<T>): Promise<T> {
  let last = 0;
  const stop = onTeamSyncProgress(({ phase, done, total }) => {
    const now = Date.now();
    if (done !== 0 && done !== total && now - last < 200) return;
    last = now;
    session.progress(`team sync: ${PHASES[phase]} ${done}/${total}`);
  });
  return work().finally(stop);
}

function printTeam(session: CliSession, info: TeamInfo): void {
  if (session.options.json) return printJson(session.io, info);
  const out = session.io.stdout;
  out(`team ${info.teamId} (membership version ${info.membershipVersion}, this vault's state ${info.counter}, last sync ${info.lastSyncAt ?? 'never'})\n`);
  for (const member of info.members) out(`  ${member.me ? '*' : ' '} ${member.fingerprint} ${member.name} <${member.email}> seen state ${member.lastSeenCounter}\n`);
  for (const [name, url] of Object.entries(info.remotes)) out(`remote ${name}: ${url}\n`);
  for (const c of info.cases) {
    out(`case ${c.caseId ?? '(not yet here)'} shared with ${c.sharedWith.length}, key epoch ${c.epoch}, ${c.events} events, chain ${c.chainVerifies ? 'verifies' : 'DOES NOT VERIFY'}\n`);
    for (const conflict of c.conflicts) out(`  conflict on ${conflict.field}: ${conflict.candidates.map((x) => `${x.eventId.slice(0, 12)}=${JSON.stringify(x.value)}`).join(' | ')}\n`);
  }
  for (const removal of info.removals) {
    out(`removed ${removal.fingerprint} at ${removal.at}; could read (not retroactive): ${removal.couldRead.map((r) => r.caseId ?? r.tag).join(', ') || 'nothing'}\n`);
  }
}

function printSync(session: CliSession, result: TeamSyncResult): void {
  if (session.options.json) return printJson(session.io, result);
  const out = session.io.stdout;
  out(`pulled from ${result.pulledFrom.length} member(s); updated ${result.casesUpdated.join(', ') || 'no case'}; ${result.published ? `published state ${result.counter}` : 'nothing new to publish'}\n`);
  if (result.exportedTo) out(`bundle written to ${result.exportedTo}\n`);
  for (const conflict of result.conflicts) out(`conflict to decide: ${conflict.caseId ?? '?'} ${conflict.field} (embargo team show)\n`);
}

export function registerTeamCommands(program: Command, run: CommandRunner): void {
  const team = program.command('team').description('share cases with the PST, end-to-end encrypted, through a git remote');

  team
    .command('init')
    .description('create a team with your own key as its first member')
    .option('--remote <url>', 'the team’s bare git repository (path, file://, ssh://, git://, http(s)://)')
    .action((options: { remote?: string }) =>
      run(async (session) => {
        await session.unlock();
        printTeam(session, await session.call('team.init', { ...(options.remote ? { remote: options.remote } : {}) }));
      }),
    );

  team
    .command('join')
    .description('join a team a member added you to; --via is that member’s verified fingerprint')
    .requiredOption('--via <fingerprint>', 'the member who added you (a verified key in your keyring)')
    .option('--remote <url>', 'the team’s git repository')
    .option('--import <file>', 'a git bundle from that member instead of a remote')
    .action((options: { via: string; remote?: string; import?: string }) =>
      run(async (session) => {
        await session.unlock();
        const input = { via: options.via, ...(options.remote ? { remote: options.remote } : {}), ...(options.import ? { importFile: options.import } : {}) };
        printTeam(session, await session.call('team.join', input));
      }),
    );

  team
    .command('show')
    .description('members, sync state, shared cases and conflicts')
    .action(() =>
      run(async (session) => {
        await session.unlock();
        printTeam(session, await session.call('team.show', {}));
      }),
    );

  team
    .command('add-member')
    .description('add a member by the full fingerprint of a verified key (a signed membership change)')
    .argument('<fingerprint>')
    .requiredOption('--name <name>')
    .requiredOption('--email <email>')
    .action((fingerprint: string, options: { name: string; email: string }) =>
      run(async (session) => {
        await session.unlock();
        printTeam(session, await session.call('team.addMember', { fingerprint, name: options.name, email: options.email }));
      }),
    );

  team
    .command('remove-member')
    .description('remove a member; shared cases get new keys; lists what they could read')
    .argument('<fingerprint>')
    .action((fingerprint: string) =>
      run(async (session) => {
        await session.unlock();
        printTeam(session, await session.call('team.removeMember', { fingerprint }));
      }),
    );

  team
    .command('share')
    .description('share a case with members (default: the whole PST)')
    .argument('<case>', 'case id')
    .option('--with <fingerprint>', 'a member to share with (repeatable)', collect, [])
    .action((id: string, options: { with: string[] }) =>
      run(async (session) => {
        await session.unlock();
        const shared = await session.call('team.share', { id, ...(options.with.length > 0 ? { with: options.with } : {}) });
        if (session.options.json) printJson(session.io, shared);
        else session.io.stdout(`${id} is shared with ${shared.sharedWith.length} member(s); it goes out at the next "embargo team sync".\n`);
      }),
    );

  team
    .command('sync')
    .description('push your changes and pull everyone else’s; --export/--import for a git bundle')
    .option('--remote <name-or-url>', 'the remote (default: the team’s)')
    .option('--export <file>', 'write a git bundle of the team states this vault holds')
    .option('--import <file>', 'read a git bundle instead of a remote')
    .action((options: { remote?: string; export?: string; import?: string }) =>
      run(async (session) => {
        await session.unlock();
        const input = { ...(options.remote ? { remote: options.remote } : {}), ...(options.export ? { exportFile: options.export } : {}), ...(options.import ? { importFile: options.import } : {}) };
        printSync(session, await withSyncProgress(session, () => session.call('team.sync', input)));
      }),
    );

  team
    .command('decide')
    .description('decide a conflict on a shared case by picking one candidate (an event)')
    .argument('<case>', 'case id')
    .requiredOption('--field <field>')
    .requiredOption('--event <id>', 'the candidate’s event id (from "embargo team show --json")')
    .action((id: string, options: { field: string; event: string }) =>
      run(async (session) => {
        await session.unlock();
        const decided = await session.call('team.decide', { id, field: options.field, eventId: options.event });
        if (session.options.json) printJson(session.io, decided);
        else session.io.stdout(`${options.field} on ${id} decided; ${decided.conflicts.length} conflict(s) left until the next sync.\n`);
      }),
    );
}
