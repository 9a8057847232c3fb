// `embargo distributors …`: the private distributors list — members, membership requests
// checked against the nine criteria, vouching, decisions, removals, leak counts, and the
// list's keyring health (exit 1 when some member cannot receive encrypted mail).
import type { Command } from 'commander';
import type { MemberView, MembershipRequest } from '../../shared/contract/index.ts';
import type { CommandRunner } from '../main.ts';
import { printFields, printJson, printTable } from '../output.ts';
import { usageError } from '../session.ts';
import { collect } from './keyring.ts';

function memberFields(member: MemberView): [string, string][] {
  const fields: [string, string][] = [
    ['id', member.id],
    ['organisation', member.organisation],
    ['distribution', member.distribution],
    ['status', member.status === 'member' ? `member since ${member.joinedAt.slice(0, 10)} (${member.via})` : `removed ${member.removedAt?.slice(0, 10)}: ${member.removalReason}`],
    ['contacts', member.contactNames.join(', ') || '—'],
    ['keys', member.fingerprints.join(', ') || '—'],
    ['leaks', String(member.leakCount)],
    ['encrypted mail', member.health.ok ? `yes (${member.health.recipients.length} key(s))` : 'NO'],
  ];
  for (const problem of member.health.problems) fields.push(['problem', `${problem.fingerprint ?? problem.personId ?? ''} ${problem.reason}`.trim()]);
  return fields;
}

function requestFields(request: MembershipRequest): [string, string][] {
  const fields: [string, string][] = [
    ['id', request.id],
    ['organisation', `${request.organisation} (${request.distribution})`],
    ['requester', request.requester],
    ['received', request.receivedAt],
  ];
  for (const c of request.criteria) {
    fields.push([`${c.number}. ${c.met === null ? '?' : c.met ? 'yes' : 'NO'}`, `${c.text}${c.evidence ? ` — ${c.evidence.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`]);
  }
  fields.push(['vouched by', request.vouch ? `${request.vouch.personId} (${request.vouch.memberId})` : '—']);
  fields.push(['decision', request.decision ? `${request.decision.outcome} ${request.decision.at.slice(0, 10)}: ${request.decision.reason}` : 'open']);
  return fields;
}

function evidenceMap(pairs: string[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw usageError(`--evidence takes CRITERION=TEXT, got "${pair}".`);
    map[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return map;
}

/** Repeatable without splitting on commas (evidence is prose). */
function append(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerDistributorCommands(program: Command, run: CommandRunner): void {
  const list = program.command('distributors').description('the private distributors list: members, requests, health');

  list
    .command('list')
    .option('--all', 'include removed members')
    .action((options: { all?: boolean }) =>
      run(async (session) => {
        await session.unlock();
        const members = await session.call('distributors.list', { includeRemoved: Boolean(options.all) });
        if (session.options.json) return printJson(session.io, { members });
        if (members.length === 0) return session.io.stdout('No members yet. Add founding members with "embargo distributors add-member".\n');
        printTable(
          session.io,
          ['ID', 'ORGANISATION', 'DISTRIBUTION', 'STATUS', 'LEAKS', 'ENCRYPTED MAIL'],
          members.map((m) => [m.id, m.organisation, m.distribution, m.status, String(m.leakCount), m.health.ok ? 'yes' : 'NO']),
        );
      }),
    );

  list
    .command('show')
    .argument('<id>')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const member = await session.call('distributors.show', { id });
        if (session.options.json) printJson(session.io, member);
        else printFields(session.io, memberFields(member));
      }),
    );

  list
    .command('add-member')
    .description('add a founding member directly')
    .requiredOption('--organisation <name>')
    .requiredOption('--distribution <name>')
    .option('--contact <person-id>', 'a contact (repeatable)', collect)
    .option('--key <fpr>', 'an organisation key (repeatable)', collect)
    .option('--note <text>')
    .action((options: { organisation: string; distribution: string; contact?: string[]; key?: string[]; note?: string }) =>
      run(async (session) => {
        await session.unlock();
        const member = await session.call('distributors.addMember', {
          organisation: options.organisation,
          distribution: options.distribution,
          contacts: options.contact ?? [],
          fingerprints: options.key ?? [],
          note: options.note ?? '',
        });
        if (session.options.json) printJson(session.io, member);
        else printFields(session.io, memberFields(member));
      }),
    );

  list
    .command('update-member')
    .description('change a member; repeatable options replace the whole list')
    .argument('<id>')
    .option('--organisation <name>')
    .option('--distribution <name>')
    .option('--contact <person-id>', 'a contact (repeatable)', collect)
    .option('--key <fpr>', 'an organisation key (repeatable)', collect)
    .option('--note <text>')
    .action((id: string, options: { organisation?: string; distribution?: string; contact?: string[]; key?: string[]; note?: string }) =>
      run(async (session) => {
        const fields = {
          ...(options.organisation !== undefined ? { organisation: options.organisation } : {}),
          ...(options.distribution !== undefined ? { distribution: options.distribution } : {}),
          ...(options.contact !== undefined ? { contacts: options.contact } : {}),
          ...(options.key !== undefined ? { fingerprints: options.key } : {}),
          ...(options.note !== undefined ? { note: options.note } : {}),
        };
        if (Object.keys(fields).length === 0) throw usageError('Nothing to change: give at least one option.');
        await session.unlock();
        const member = await session.call('distributors.updateMember', { id, ...fields });
        if (session.options.json) printJson(session.io, member);
        else printFields(session.io, memberFields(member));
      }),
    );

  list
    .command('remove-member')
    .description('remove a member, with the reason')
    .argument('<id>')
    .requiredOption('--reason <text>')
    .action((id: string, options: { reason: string }) =>
      run(async (session) => {
        await session.unlock();
        const member = await session.call('distributors.removeMember', { id, reason: options.reason });
        if (session.options.json) printJson(session.io, member);
        else session.io.stdout(`${member.organisation} was removed: ${member.removalReason}\n`);
      }),
    );

  list
    .command('record-leak')
    .description('count a leak against a member (the same case and leak count once)')
    .argument('<id>')
    .requiredOption('--case <case>', 'the case, e.g. EMB-0001')
    .requiredOption('--leak <id>', 'the leak record of the case')
    .option('--note <text>')
    .action((id: string, options: { case: string; leak: string; note?: string }) =>
      run(async (session) => {
        await session.unlock();
        const member = await session.call('distributors.recordLeak', { id, caseId: options.case, leakId: options.leak, note: options.note ?? '' });
        if (session.options.json) printJson(session.io, member);
        else session.io.stdout(`${member.organisation}: ${member.leakCount} leak(s) recorded.\n`);
      }),
    );

  list
    .command('criteria')
    .description('the nine membership criteria')
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const criteria = await session.call('distributors.criteria', {});
        if (session.options.json) return printJson(session.io, { criteria });
        for (const c of criteria) session.io.stdout(`${c.number}. ${c.id.padEnd(24)} ${c.text}\n`);
      }),
    );

  list
    .command('requests')
    .description('membership requests, open ones first')
    .option('--open', 'only undecided requests')
    .option('--closed', 'only decided requests')
    .action((options: { open?: boolean; closed?: boolean }) =>
      run(async (session) => {
        await session.unlock();
        const requests = await session.call('distributors.requests', options.open ? { open: true } : options.closed ? { open: false } : {});
        if (session.options.json) return printJson(session.io, { requests });
        if (requests.length === 0) return session.io.stdout('No membership requests.\n');
        printTable(
          session.io,
          ['ID', 'ORGANISATION', 'RECEIVED', 'MET', 'STATE'],
          requests.map((r) => [r.id, r.organisation, r.receivedAt.slice(0, 10), `${r.criteria.filter((c) => c.met).length}/9`, r.decision?.outcome ?? 'open']),
        );
      }),
    );

  list
    .command('request')
    .description('record a membership request with the evidence for each criterion')
    .requiredOption('--organisation <name>')
    .requiredOption('--distribution <name>')
    .requiredOption('--requester <person-id>')
    .option('--received-at <iso8601>')
    .option('--evidence <criterion=text>', 'evidence for one criterion (repeatable; see "distributors criteria")', append)
    .option('--note <text>')
    .action((options: { organisation: string; distribution: string; requester: string; receivedAt?: string; evidence?: string[]; note?: string }) =>
      run(async (session) => {
        const evidence = evidenceMap(options.evidence);
        await session.unlock();
        const request = await session.call('distributors.openRequest', {
          organisation: options.organisation,
          distribution: options.distribution,
          requester: options.requester,
          ...(options.receivedAt ? { receivedAt: options.receivedAt } : {}),
          evidence,
          note: options.note ?? '',
        });
        if (session.options.json) printJson(session.io, request);
        else printFields(session.io, requestFields(request));
      }),
    );

  list
    .command('show-request')
    .argument('<request>')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const request = (await session.call('distributors.requests', {})).find((r) => r.id === id);
        if (!request) throw usageError(`No membership request with id ${id}.`);
        if (session.options.json) printJson(session.io, request);
        else printFields(session.io, requestFields(request));
      }),
    );

  list
    .command('assess')
    .description('record whether one criterion is met')
    .argument('<request>')
    .argument('<criterion>', 'criterion id (see "distributors criteria")')
    .requiredOption('--met <yes|no>')
    .option('--evidence <text>')
    .action((requestId: string, criterion: string, options: { met: string; evidence?: string }) =>
      run(async (session) => {
        if (!['yes', 'no'].includes(options.met)) throw usageError('--met takes yes or no.');
        await session.unlock();
        const request = await session.call('distributors.assess', {
          requestId,
          criterion,
          met: options.met === 'yes',
          ...(options.evidence !== undefined ? { evidence: options.evidence } : {}),
        });
        if (session.options.json) printJson(session.io, request);
        else printFields(session.io, requestFields(request));
      }),
    );

  list
    .command('vouch')
    .description('record who vouches for a request (a contact of a current member)')
    .argument('<request>')
    .requiredOption('--by <person-id>')
    .option('--note <text>')
    .action((requestId: string, options: { by: string; note?: string }) =>
      run(async (session) => {
        await session.unlock();
        const request = await session.call('distributors.vouch', { requestId, voucher: options.by, note: options.note ?? '' });
        if (session.options.json) printJson(session.io, request);
        else printFields(session.io, requestFields(request));
      }),
    );

  list
    .command('decide')
    .description('accept (all nine criteria met) or reject a request, with the reason')
    .argument('<request>')
    .option('--accept')
    .option('--reject')
    .requiredOption('--reason <text>')
    .action((requestId: string, options: { accept?: boolean; reject?: boolean; reason: string }) =>
      run(async (session) => {
        if (Boolean(options.accept) === Boolean(options.reject)) throw usageError('Give exactly one of --accept or --reject.');
        await session.unlock();
        const outcome = await session.call('distributors.decide', { requestId, outcome: options.accept ? 'accepted' : 'rejected', reason: options.reason });
        if (session.options.json) return printJson(session.io, outcome);
        printFields(session.io, requestFields(outcome.request));
        if (outcome.member) session.io.stdout(`New member ${outcome.member.id}.\n`);
      }),
    );

  list
    .command('health')
    .description('can every current member receive encrypted mail? exit 1 and who cannot, if not')
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const health = await session.call('distributors.health', {});
        if (session.options.json) printJson(session.io, health);
        else if (health.ok) session.io.stdout(`Every member (${health.members.length}) can receive encrypted mail: ${health.recipients.length} key(s).\n`);
        else {
          session.io.stdout(`${health.cannotReceive.length} member(s) cannot receive encrypted mail:\n`);
          for (const member of health.cannotReceive) session.io.stdout(`  ${member.organisation} (${member.memberId}): ${member.reasons.join('; ')}\n`);
        }
        return health.ok ? 0 : 1;
      }),
    );
}
