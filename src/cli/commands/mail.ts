// `embargo mail …` (CLI.md): the templates, drafts filled from a case, their export as
// encrypted PGP/MIME .eml files (or an mbox, or in clear once public), and the distributors'
// acknowledgements. CASE is a case id, or "-" for the vault-wide drafts (membership answers,
// removal notices).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { MAIL_LISTS, MAIL_TEMPLATE_IDS } from '../../shared/contract/mail-ids.ts';
import type {
  AckState,
  AttachmentRef,
  DraftContext,
  DraftRecipient,
  DraftView,
  MailList,
  MailSettings,
  MailTemplateId,
} from '../../shared/contract/index.ts';
import type { CommandRunner } from '../main.ts';
import { printJson, printTable, printFields } from '../output.ts';
import { usageError, type CliSession } from '../session.ts';
import { collect } from './keyring.ts';
import { registerMailImport } from './mail-import.ts';

const ACK_STATES: readonly AckState[] = ['no-answer', 'acknowledged', 'tested-ok', 'tested-problems', 'not-affected'];

function scopeOf(value: string): string | null {
  return value === '-' ? null : value;
}

function templateOf(value: string): MailTemplateId {
  if ((MAIL_TEMPLATE_IDS as readonly string[]).includes(value)) return value as MailTemplateId;
  throw usageError(`No template ${value}; the templates are: ${MAIL_TEMPLATE_IDS.join(', ')}.`);
}

function keyValue(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at < 1) throw usageError(`"${value}" is not NAME=VALUE.`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

function repeat(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** "list:distributors", "person:ID", "distributor:ID", "roster:ID", or an address "Name <a@b>" with optional ";key=FPR". */
export function parseRecipient(text: string): DraftRecipient {
  const [head, ...options] = text.split(';').map((part) => part.trim());
  const kind = /^(list|person|distributor|roster):(.+)$/.exec(head ?? '');
  if (kind) {
    const value = kind[2]!.trim();
    if (kind[1] === 'list') {
      if (!(MAIL_LISTS as readonly string[]).includes(value)) throw usageError(`No list ${value}; the lists are: ${MAIL_LISTS.join(', ')}.`);
      return { kind: 'list', list: value as MailList };
    }
    if (kind[1] === 'person') return { kind: 'person', personId: value };
    if (kind[1] === 'distributor') return { kind: 'distributor', memberId: value };
    return { kind: 'roster', rosterId: value };
  }
  const address = /^(?:(.*?)\s*<([^<>\s]+@[^<>\s]+)>|([^<>\s]+@[^<>\s]+))$/.exec(head ?? '');
  if (!address) throw usageError(`"${text}" is not a recipient (list:NAME, person:ID, distributor:ID, roster:ID or an address).`);
  const fingerprints = options.map((option) => {
    const key = /^key=([0-9A-Fa-f\s]+)$/.exec(option);
    if (!key) throw usageError(`"${option}" is not key=FINGERPRINT.`);
    return key[1]!.replace(/\s+/g, '').toUpperCase();
  });
  return { kind: 'address', address: address[2] ?? address[3]!, name: (address[1] ?? '').replace(/^"|"$/g, ''), fingerprints };
}

function contextOf(options: { leak?: string; handoff?: string; request?: string; member?: string }): DraftContext {
  return {
    ...(options.leak ? { leakId: options.leak } : {}),
    ...(options.handoff ? { handoffId: options.handoff } : {}),
    ...(options.request ? { requestId: options.request } : {}),
    ...(options.member ? { memberId: options.member } : {}),
  };
}

async function readText(session: CliSession, file: string): Promise<string> {
  if (file === '-') return session.io.readStdin();
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw usageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
}

/** The draft as scripts read it (CLI.md: id, subject, to, body) and more. */
function draftJson(view: DraftView) {
  return {
    id: view.id,
    caseId: view.caseId,
    template: view.templateId,
    version: view.version,
    subject: view.subject,
    to: view.toAddresses,
    cc: view.ccAddresses,
    body: view.body,
    missing: view.missing,
    mode: view.mode,
    from: view.from,
    attachments: view.attachments,
    recipients: view.recipients,
    unresolved: view.unresolved,
    versions: view.versions,
    exports: view.exports,
  };
}

function printDraft(session: CliSession, view: DraftView): void {
  if (session.options.json) return printJson(session.io, draftJson(view));
  printFields(session.io, [
    ['Draft', `${view.id} v${view.version} of ${view.latestVersion} (${view.templateId}, ${view.mode})`],
    ['From', `${view.from.name} <${view.from.address}>`],
    ['To', view.toAddresses.join(', ') || '—'],
    ['Cc', view.ccAddresses.join(', ') || '—'],
    ['Subject', view.subject],
    ['Attachments', view.attachments.map((a) => `${a.names.join(', ') || a.ref.kind}${a.problem ? ` (${a.problem})` : ''}`).join('; ') || '—'],
  ]);
  for (const recipient of view.recipients) {
    const state = recipient.canReceive ? 'can receive encrypted mail' : `CANNOT receive encrypted mail: ${recipient.problems.join('; ')}`;
    session.io.stdout(`  ${recipient.field}: ${recipient.label} — ${state}\n`);
  }
  if (view.unresolved.length > 0) session.io.stdout(`  No address for: ${view.unresolved.join(', ')}\n`);
  if (view.missing.length > 0) session.io.stdout(`  Missing: ${view.missing.join(', ')}\n`);
  session.io.stdout(`\n${view.body}\n`);
}

interface DraftOptions {
  template: string;
  leak?: string;
  handoff?: string;
  request?: string;
  member?: string;
  var?: Record<string, string>;
  bodyFrom?: string;
}

interface EditOptions {
  subject?: string;
  bodyFile?: string;
  to?: string[];
  cc?: string[];
  attachPatches?: string[] | boolean;
  attachKey?: string[];
  attachFile?: string[];
  mode?: string;
  baseVersion?: string;
}

interface ExportOptions {
  output: string;
  version?: string;
  encryptTo?: string[];
  sign?: boolean;
  perRecipient?: boolean;
  mbox?: boolean;
  clear?: boolean;
  overrideEmbargo?: boolean;
  reason?: string;
  allowIncomplete?: boolean;
  allowUnreachable?: boolean;
}

function positive(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw usageError(`${what} must be a positive whole number.`);
  return number;
}

export function registerMailCommands(program: Command, run: CommandRunner): void {
  const mail = program.command('mail').description('disclosure emails: templates, drafts, encrypted PGP/MIME exports, acknowledgements');

  mail
    .command('templates')
    .description('every email template of the process')
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const templates = await session.call('mail.templates', {});
        if (session.options.json) return printJson(session.io, { templates });
        printTable(session.io, ['ID', 'MODE', 'SCOPE', 'TITLE'], templates.map((t) => [t.id, t.mode, t.scope, `${t.title}${t.customised ? ' (customised)' : ''}`]));
      }),
    );

  mail
    .command('template')
    .description("show a template, change its subject or body for this vault, or reset it")
    .argument('<id>', 'template id')
    .option('--subject <text>', 'new subject')
    .option('--body-file <file>', 'new body from a file ("-" for standard input)')
    .option('--reset', 'bring back the default subject and body')
    .action((id: string, options: { subject?: string; bodyFile?: string; reset?: boolean }) =>
      run(async (session) => {
        const template = templateOf(id);
        if (options.reset && (options.subject !== undefined || options.bodyFile !== undefined)) throw usageError('--reset cannot be combined with --subject or --body-file.');
        const body = options.bodyFile !== undefined ? await readText(session, options.bodyFile) : undefined;
        await session.unlock();
        const detail = options.reset
          ? await session.call('mail.resetTemplate', { id: template })
          : options.subject !== undefined || body !== undefined
            ? await session.call('mail.saveTemplate', { id: template, ...(options.subject !== undefined ? { subject: options.subject } : {}), ...(body !== undefined ? { body } : {}) })
            : await session.call('mail.template', { id: template });
        if (session.options.json) return printJson(session.io, detail);
        session.io.stdout(`${detail.title}${detail.customised ? ' (customised)' : ''}\nSubject: ${detail.subject}\n\n${detail.body}\n`);
        if (detail.unknownVariables.length > 0) session.io.stderr(`embargo: warning: unknown variables (filled only with --var): ${detail.unknownVariables.join(', ')}\n`);
      }),
    );

  mail
    .command('variables')
    .description('the variables templates can use')
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const variables = await session.call('mail.variables', {});
        if (session.options.json) return printJson(session.io, { variables });
        printTable(session.io, ['NAME', 'HOLDS'], variables.map((v) => [v.name, v.description]));
      }),
    );

  mail
    .command('settings')
    .description('the sender, the list addresses, the project tag and the reminder thresholds')
    .option('--from <mailbox>', "the sender, 'Name <address>' (\"own-key\" for the own key's user ID)")
    .option('--list <name=address>', `a list address (${MAIL_LISTS.join(', ')}); repeatable`, keyValue)
    .option('--project <tag>', 'the oss-security subject tag')
    .option('--project-name <name>', "the project's name in sentences")
    .option('--outer-subject <text>', 'the neutral subject outside encrypted mail')
    .action((options: { from?: string; list?: Record<string, string>; project?: string; projectName?: string; outerSubject?: string }) =>
      run(async (session) => {
        const change: Partial<MailSettings> = {};
        if (options.from !== undefined) {
          if (options.from === 'own-key') change.from = null;
          else {
            const parsed = parseRecipient(options.from);
            if (parsed.kind !== 'address') throw usageError('--from takes an address.');
            change.from = { name: parsed.name, address: parsed.address };
          }
        }
        if (options.project) change.project = options.project;
        if (options.projectName) change.projectName = options.projectName;
        if (options.outerSubject) change.outerSubject = options.outerSubject;
        await session.unlock();
        if (options.list) {
          const unknown = Object.keys(options.list).filter((name) => !(MAIL_LISTS as readonly string[]).includes(name));
          if (unknown.length > 0) throw usageError(`No list ${unknown.join(', ')}; the lists are: ${MAIL_LISTS.join(', ')}.`);
          change.lists = { ...(await session.call('mail.settings', {})).lists, ...options.list };
        }
        const settings = Object.keys(change).length > 0 ? await session.call('mail.updateSettings', change) : await session.call('mail.settings', {});
        if (session.options.json) return printJson(session.io, settings);
        printFields(session.io, [
          ['From', settings.from ? `${settings.from.name} <${settings.from.address}>` : "the own key's user ID"],
          ['Project', `${settings.projectName} [${settings.project}]`],
          ['Outer subject', settings.outerSubject],
          ...MAIL_LISTS.map((name): [string, string] => [`List ${name}`, settings.lists[name]]),
        ]);
      }),
    );

  const draftOptions = (command: Command) =>
    command
      .requiredOption('--template <id>', `one of: ${MAIL_TEMPLATE_IDS.join(', ')}`)
      .option('--leak <id>', 'the leak it is about (default: the latest)')
      .option('--handoff <id>', 'the handoff it is about (default: the pending one)')
      .option('--request <id>', 'the membership request it answers')
      .option('--member <id>', 'the distributor it is about')
      .option('--var <name=value>', 'a value for a variable (repeatable); wins over the case', keyValue);

  draftOptions(mail.command('preview').description('a template filled from the case, without saving').argument('<case>', 'case id, or - for vault-wide mail')).action(
    (caseArgument: string, options: DraftOptions) =>
      run(async (session) => {
        const template = templateOf(options.template);
        await session.unlock();
        const preview = await session.call('mail.preview', { caseId: scopeOf(caseArgument), template, context: contextOf(options), vars: options.var ?? {} });
        if (session.options.json) return printJson(session.io, preview);
        session.io.stdout(`Subject: ${preview.subject}\n\n${preview.body}\n`);
        if (preview.missing.length > 0) session.io.stderr(`embargo: missing: ${preview.missing.join(', ')}\n`);
      }),
  );

  draftOptions(mail.command('draft').description('a new draft filled from the case (missing variables are marked)').argument('<case>', 'case id, or - for vault-wide mail'))
    .option('--body-from <draft>', 'start from the body of another draft (the oss-security copy of the advisory)')
    .action((caseArgument: string, options: DraftOptions) =>
      run(async (session) => {
        const template = templateOf(options.template);
        await session.unlock();
        const view = await session.call('mail.createDraft', {
          caseId: scopeOf(caseArgument),
          template,
          context: contextOf(options),
          vars: options.var ?? {},
          ...(options.bodyFrom ? { bodyFrom: options.bodyFrom } : {}),
        });
        if (session.options.json) return printJson(session.io, draftJson(view));
        printDraft(session, view);
      }),
    );

  mail
    .command('drafts')
    .description('the drafts of a case (or the vault-wide ones)')
    .argument('[case]', 'case id, or - (the default) for vault-wide mail', '-')
    .action((caseArgument: string) =>
      run(async (session) => {
        await session.unlock();
        const drafts = await session.call('mail.drafts', { caseId: scopeOf(caseArgument) });
        if (session.options.json) return printJson(session.io, { drafts });
        if (drafts.length === 0) return session.io.stdout('No drafts.\n');
        printTable(
          session.io,
          ['ID', 'VERSION', 'TEMPLATE', 'SAVED (UTC)', 'EXPORTS', 'SUBJECT'],
          drafts.map((d) => [d.id, String(d.version), d.templateId, d.savedAt.slice(0, 16).replace('T', ' '), String(d.exports), `${d.subject}${d.missing.length > 0 ? ` [missing: ${d.missing.join(', ')}]` : ''}`]),
        );
      }),
    );

  mail
    .command('show')
    .description('a draft with its recipients’ key health (a given version, or the latest)')
    .argument('<case>', 'case id, or -')
    .argument('<draft>', 'draft id')
    .option('--version <n>', 'an earlier version')
    .action((caseArgument: string, draft: string, options: { version?: string }) =>
      run(async (session) => {
        const version = positive(options.version, '--version');
        await session.unlock();
        const view = await session.call('mail.showDraft', { caseId: scopeOf(caseArgument), draft, ...(version ? { version } : {}) });
        printDraft(session, view);
        // On stderr in both forms, so a script piping --json still sees it; the body keeps its markers.
        if (view.missing.length > 0) {
          session.io.stderr(
            `embargo: warning: ${view.id} still has missing variables (marked ⟦missing: NAME⟧): ${view.missing.join(', ')}; ` +
              'fill them on the case, or edit the body (embargo mail edit --body-file), or draft again with --var NAME=VALUE\n',
          );
        }
      }),
    );

  mail
    .command('edit')
    .description('save a new version of a draft (the body is wrapped at 72 columns)')
    .argument('<case>', 'case id, or -')
    .argument('<draft>', 'draft id')
    .option('--subject <text>', 'the subject')
    .option('--body-file <file>', 'the body from a file ("-" for standard input)')
    .option('--to <recipient>', 'list:NAME, person:ID, distributor:ID, roster:ID or "Name <address>;key=FPR" (repeatable; replaces To)', repeat)
    .option('--cc <recipient>', 'as --to, for Cc (repeatable; replaces Cc)', repeat)
    .option('--attach-patches [branch...]', "the case's patch series (all patch-release branches, or those named)")
    .option('--attach-key <fpr>', 'a public key from the keyring (repeatable)', repeat)
    .option('--attach-file <file>', 'a file, sealed in the vault (repeatable)', repeat)
    .option('--no-attachments', 'drop every attachment first')
    .option('--mode <mode>', 'encrypted or clear')
    .option('--base-version <n>', 'refuse if the draft was saved since this version')
    .action((caseArgument: string, draft: string, options: EditOptions & { attachments?: boolean }) =>
      run(async (session) => {
        const caseId = scopeOf(caseArgument);
        if (options.mode !== undefined && options.mode !== 'encrypted' && options.mode !== 'clear') throw usageError('--mode is encrypted or clear.');
        const to = options.to?.map(parseRecipient);
        const cc = options.cc?.map(parseRecipient);
        const body = options.bodyFile !== undefined ? await readText(session, options.bodyFile) : undefined;
        const files = await Promise.all((options.attachFile ?? []).map(async (file) => ({ file, bytes: await readFile(file).catch(() => { throw usageError(`Cannot read ${file}.`); }) })));
        const baseVersion = positive(options.baseVersion, '--base-version');
        await session.unlock();
        const current = await session.call('mail.showDraft', { caseId, draft });
        let attachments: AttachmentRef[] | undefined;
        if (options.attachments === false || options.attachPatches !== undefined || options.attachKey) {
          attachments = options.attachments === false ? [] : current.attachments.map((a) => a.ref);
          if (options.attachPatches !== undefined) attachments.push({ kind: 'patches', branches: Array.isArray(options.attachPatches) ? options.attachPatches : [] });
          for (const fingerprint of options.attachKey ?? []) attachments.push({ kind: 'public-key', fingerprint });
        }
        let view = await session.call('mail.saveDraft', {
          caseId,
          draft,
          ...(baseVersion ? { baseVersion } : {}),
          ...(options.subject !== undefined ? { subject: options.subject } : {}),
          ...(body !== undefined ? { body } : {}),
          ...(to ? { to } : {}),
          ...(cc ? { cc } : {}),
          ...(attachments ? { attachments } : {}),
          ...(options.mode ? { mode: options.mode as 'encrypted' | 'clear' } : {}),
        });
        for (const { file, bytes } of files) {
          view = await session.call('mail.attachFile', { caseId, draft, name: file.split(/[\\/]/).pop()!, base64: bytes.toString('base64') });
        }
        printDraft(session, view);
      }),
    );

  mail
    .command('export')
    .description('export a draft: encrypted and signed PGP/MIME by default, in clear once the Release Date has passed')
    .argument('<case>', 'case id, or -')
    .argument('<draft>', 'draft id')
    .requiredOption('-o, --output <file>', 'FILE.eml; an mbox with --mbox; a directory with --per-recipient')
    .option('--version <n>', 'export an earlier version')
    .option('--encrypt-to <fpr...>', "more keys to encrypt to, besides the recipients' (and your own)")
    .option('--sign', 'sign with your own key (the default for an encrypted export when you have one)')
    .option('--no-sign', 'do not sign, not even an encrypted export')
    .option('--per-recipient', 'one message per recipient (a list: per member)')
    .option('--mbox', 'all messages in one mbox file')
    .option('--clear', 'in clear, not encrypted (refused before the Release Date without --override-embargo)')
    .option('--override-embargo', 'export in clear before the Release Date; recorded on the timeline')
    .option('--reason <text>', 'why the embargo is overridden')
    .option('--allow-incomplete', 'export although missing variables remain')
    .option('--allow-unreachable', 'leave out recipients that cannot receive encrypted mail (they are listed)')
    .action((caseArgument: string, draft: string, options: ExportOptions) =>
      run(async (session) => {
        const version = positive(options.version, '--version');
        if (options.overrideEmbargo && !options.clear) throw usageError('--override-embargo only applies with --clear.');
        await session.unlock();
        session.progress('Building and encrypting…');
        const result = await session.call('mail.export', {
          caseId: scopeOf(caseArgument),
          draft,
          ...(version ? { version } : {}),
          output: resolve(options.output),
          encryptTo: (options.encryptTo ?? []).flatMap((value) => collect(value)),
          ...(options.sign !== undefined ? { sign: options.sign } : {}),
          perRecipient: Boolean(options.perRecipient),
          mbox: Boolean(options.mbox),
          clear: Boolean(options.clear),
          overrideEmbargo: Boolean(options.overrideEmbargo),
          ...(options.reason !== undefined ? { reason: options.reason } : {}),
          allowIncomplete: Boolean(options.allowIncomplete),
          allowUnreachable: Boolean(options.allowUnreachable),
        });
        for (const left of result.excluded) session.io.stderr(`embargo: warning: left out ${left.label}: ${left.reason}\n`);
        if (result.override) session.io.stderr('embargo: warning: exported in clear before the Release Date; the override is on the timeline.\n');
        if (session.options.json) return printJson(session.io, result);
        const what = result.mode === 'encrypted' ? `encrypted to ${new Set(result.messages.flatMap((m) => m.encryptedTo)).size} key(s)` : 'in clear';
        session.io.stdout(`Wrote ${result.messages.length} message(s), ${what}${result.signedBy ? ', signed' : ''}: ${result.files.join(', ')}\n`);
        if (result.notice) session.io.stdout(`Distributors notice ${result.notice}: record their answers with "embargo mail ack ${caseArgument} ${result.notice} MEMBER --state STATE".\n`);
      }),
    );

  registerMailImport(mail, run);

  mail
    .command('notices')
    .description("the notices sent to distributors and each member's answer")
    .argument('<case>', 'case id')
    .action((caseId: string) =>
      run(async (session) => {
        await session.unlock();
        const notices = await session.call('mail.notices', { caseId });
        if (session.options.json) return printJson(session.io, { notices });
        if (notices.length === 0) return session.io.stdout('No notice was sent to the distributors yet.\n');
        for (const notice of notices) {
          session.io.stdout(`${notice.id} sent ${notice.sentAt.slice(0, 16).replace('T', ' ')} UTC: ${notice.subject}\n`);
          printTable(session.io, ['  MEMBER', 'ORGANISATION', 'STATE', 'ANSWERED (UTC)', 'NOTE'], notice.members.map((m) => [`  ${m.memberId}`, m.organisation, m.state, m.at ? m.at.slice(0, 16).replace('T', ' ') : '—', m.note]));
        }
      }),
    );

  mail
    .command('ack')
    .description("record a distributor's answer to a notice")
    .argument('<case>', 'case id')
    .argument('<notice>', 'notice id, e.g. N1')
    .argument('<member>', 'distributor id')
    .requiredOption('--state <state>', ACK_STATES.join(', '))
    .option('--note <text>', 'what they said (tested on which builds, which problems)', '')
    .option('--at <iso8601>', 'when they answered (default: now)')
    .action((caseId: string, notice: string, member: string, options: { state: string; note: string; at?: string }) =>
      run(async (session) => {
        if (!(ACK_STATES as readonly string[]).includes(options.state)) throw usageError(`--state is one of ${ACK_STATES.join(', ')}.`);
        await session.unlock();
        const updated = await session.call('mail.ack', { caseId, notice, member, state: options.state as AckState, note: options.note, ...(options.at ? { at: options.at } : {}) });
        if (session.options.json) return printJson(session.io, updated);
        const entry = updated.members.find((m) => m.memberId === member)!;
        session.io.stdout(`${entry.organisation} on ${updated.id}: ${entry.state}.\n`);
      }),
    );

  mail
    .command('remind')
    .description('distributors to remind: no answer (or no work reported) as the Release Date nears')
    .argument('<case>', 'case id')
    .option('--within <hours>', 'the Release Date is this near')
    .option('--quiet <hours>', 'the notice went unanswered this long')
    .action((caseId: string, options: { within?: string; quiet?: string }) =>
      run(async (session) => {
        const withinHours = positive(options.within, '--within');
        const quietHours = positive(options.quiet, '--quiet');
        await session.unlock();
        const result = await session.call('mail.reminders', { caseId, ...(withinHours ? { withinHours } : {}), ...(quietHours ? { quietHours } : {}) });
        if (session.options.json) return printJson(session.io, result);
        if (result.reminders.length === 0) return session.io.stdout('Nobody to remind now.\n');
        printTable(
          session.io,
          ['MEMBER', 'ORGANISATION', 'NOTICE', 'REASON', 'WHY NOW', 'CONTACTS'],
          result.reminders.map((r) => [r.memberId, r.organisation, r.noticeId, r.reason, r.why, r.contacts.join(', ')]),
        );
        session.io.stdout(`Draft the reminder with "embargo mail draft ${caseId} --template distributors-reminder".\n`);
      }),
    );
}
