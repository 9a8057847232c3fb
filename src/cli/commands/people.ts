// `embargo people list|show|add|update|remove`: the people cases, the roster and the
// distributors list refer to, with their emails, roles and keys.
import type { Command } from 'commander';
import type { PersonRole, PersonView } from '../../shared/contract/index.ts';
import type { CommandRunner } from '../main.ts';
import { printFields, printJson, printTable } from '../output.ts';
import { usageError } from '../session.ts';
import { collect } from './keyring.ts';

const ROLES = 'pst | release-manager | fix-team | reporter | distributor-contact';

export function personFields(person: PersonView): [string, string][] {
  const fields: [string, string][] = [
    ['id', person.id],
    ['name', person.name],
    ['emails', person.emails.join(', ') || '—'],
    ['roles', person.roles.join(', ') || '—'],
    ['organisation', person.organisation || '—'],
    ['zone', person.zone ?? '—'],
    ['encrypted mail', person.canReceiveEncrypted ? 'yes' : 'no'],
  ];
  for (const key of person.keys) fields.push(['key', `${key.fingerprint} ${key.canReceive ? 'ok' : `— ${key.problem}`}`]);
  if (person.note) fields.push(['note', person.note]);
  if (person.removedAt) fields.push(['removed', person.removedAt]);
  return fields;
}

interface PersonOptions {
  name?: string;
  email?: string[];
  role?: string[];
  key?: string[];
  organisation?: string;
  note?: string;
  zone?: string;
}

function fieldsOf(options: PersonOptions) {
  return {
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.email !== undefined ? { emails: options.email } : {}),
    ...(options.role !== undefined ? { roles: options.role as PersonRole[] } : {}),
    ...(options.key !== undefined ? { fingerprints: options.key } : {}),
    ...(options.organisation !== undefined ? { organisation: options.organisation } : {}),
    ...(options.note !== undefined ? { note: options.note } : {}),
    ...(options.zone !== undefined ? { zone: options.zone === '' ? null : options.zone } : {}),
  };
}

function personOptions(command: Command): Command {
  return command
    .option('--email <email>', 'email address (repeatable)', collect)
    .option('--role <role>', `${ROLES} (repeatable)`, collect)
    .option('--key <fpr>', 'key fingerprint (repeatable)', collect)
    .option('--organisation <name>')
    .option('--note <text>')
    .option('--zone <iana>', 'the zone they work in, e.g. Europe/Berlin ("" to clear)');
}

export function registerPeopleCommands(program: Command, run: CommandRunner): void {
  const people = program.command('people').description('PST members, Release Managers, Fix Team engineers, reporters, distributor contacts');

  people
    .command('list')
    .description('active people, by name')
    .option('--role <role>', ROLES)
    .option('--query <text>', 'name, email, organisation or fingerprint contains')
    .option('--all', 'include people no longer active')
    .action((options: { role?: string; query?: string; all?: boolean }) =>
      run(async (session) => {
        await session.unlock();
        const list = await session.call('people.list', {
          ...(options.role ? { role: options.role as PersonRole } : {}),
          ...(options.query ? { query: options.query } : {}),
          includeRemoved: Boolean(options.all),
        });
        if (session.options.json) return printJson(session.io, { people: list });
        if (list.length === 0) return session.io.stdout('No people yet. Add one with "embargo people add".\n');
        printTable(
          session.io,
          ['ID', 'NAME', 'ROLES', 'EMAIL', 'ENCRYPTED MAIL'],
          list.map((p) => [p.id, p.name, p.roles.join(',') || '—', p.emails[0] ?? '—', p.canReceiveEncrypted ? 'yes' : 'no']),
        );
      }),
    );

  people
    .command('show')
    .argument('<id>')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const person = await session.call('people.show', { id });
        if (session.options.json) printJson(session.io, person);
        else printFields(session.io, personFields(person));
      }),
    );

  personOptions(people.command('add').description('add a person').requiredOption('--name <name>')).action((options: PersonOptions) =>
    run(async (session) => {
      await session.unlock();
      const person = await session.call('people.add', { name: options.name!, ...fieldsOf(options) });
      if (session.options.json) printJson(session.io, person);
      else printFields(session.io, personFields(person));
    }),
  );

  personOptions(people.command('update').description('change a person; repeatable options replace the whole list').argument('<id>').option('--name <name>')).action(
    (id: string, options: PersonOptions) =>
      run(async (session) => {
        const fields = fieldsOf(options);
        if (Object.keys(fields).length === 0) throw usageError('Nothing to change: give at least one option.');
        await session.unlock();
        const person = await session.call('people.update', { id, ...fields });
        if (session.options.json) printJson(session.io, person);
        else printFields(session.io, personFields(person));
      }),
  );

  people
    .command('remove')
    .description('mark a person as no longer active (kept for past cases)')
    .argument('<id>')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const person = await session.call('people.remove', { id });
        if (session.options.json) printJson(session.io, person);
        else session.io.stdout(`${person.name} is no longer active.\n`);
      }),
    );
}
