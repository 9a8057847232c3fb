// `embargo advisory cve|osv|csaf|vex|issue|release-notes CASE [-o FILE]` (see CLI.md): the
// document on stdout, or written to FILE (only when it validates). Warnings, such as a
// plaintext file of a case still under embargo, go to stderr.
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { AdvisoryExport, AdvisoryFormat, AdvisoryPublisher } from '../../shared/contract/index.ts';
import type { CommandRunner } from '../main.ts';
import { printJson } from '../output.ts';
import { usageError, type CliSession } from '../session.ts';

const DESCRIPTIONS: Record<AdvisoryFormat, string> = {
  cve: 'CVE JSON 5.1 record (Kubernetes CNA conventions), validated against the official schema',
  osv: 'OSV record, validated against the official schema',
  csaf: 'CSAF 2.0 security advisory, validated against the schema and the mandatory tests (TLP:AMBER under embargo, --tlp RED for named recipients only; TLP:WHITE after the Release Date)',
  openvex: 'OpenVEX 0.2.0 document (affected/fixed statements per product), validated against the OpenVEX schema',
  issue: 'public tracking issue: title (checked against the CVE feed pattern), body and labels, as JSON',
  'release-notes': 'release-notes CVE data map: one YAML document per cherry-pick PR',
};

function printWarnings(session: CliSession, result: AdvisoryExport): void {
  for (const warning of result.warnings) session.io.stderr(`embargo: warning: ${warning}\n`);
}

function printDocument(session: CliSession, format: AdvisoryFormat, result: AdvisoryExport): void {
  if (session.options.json) {
    // The record itself is the JSON document; the YAML map is wrapped.
    if (result.mediaType === 'application/json') session.io.stdout(result.text);
    else printJson(session.io, { yaml: result.text });
    return;
  }
  if (format === 'issue') {
    const issue = JSON.parse(result.text) as { title: string; body: string; labels: string[] };
    session.io.stdout(`Title:  ${issue.title}\nLabels: ${issue.labels.join(', ')}\n\n${issue.body}`);
    return;
  }
  session.io.stdout(result.text);
}

function parseTlp(value: string): 'RED' | 'AMBER' {
  const label = value.trim().toUpperCase().replace(/^TLP:/, '');
  if (label !== 'RED' && label !== 'AMBER') throw new InvalidArgumentError('RED or AMBER (the label while the case is under embargo)');
  return label;
}

function parsePr(value: string, previous: number[] = []): number[] {
  const number = Number(value.replace(/^#/, ''));
  if (!Number.isInteger(number) || number <= 0) throw usageError(`"${value}" is not a PR number.`);
  return [...previous, number];
}

/** "kubelet=Kubernetes kubelet"-style pairs: the case's product name, then the value. */
function parsePair(flag: string) {
  return (value: string, previous: Record<string, string> = {}): Record<string, string> => {
    const at = value.indexOf('=');
    if (at <= 0 || at === value.length - 1) throw usageError(`${flag} takes CASE-PRODUCT=VALUE, not "${value}".`);
    return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1).trim() };
  };
}

interface SettingsOptions {
  vendor?: string;
  repo?: string;
  cnaShortName?: string;
  cnaOrgId?: string;
  osvEcosystem?: string;
  csafPublisherName?: string;
  csafPublisherNamespace?: string;
  securityContact?: string;
  product?: Record<string, string>;
  productVendor?: Record<string, string>;
  collectionUrl?: Record<string, string>;
  packageName?: Record<string, string>;
}

function settingsChange(options: SettingsOptions): AdvisoryPublisher {
  const products: NonNullable<AdvisoryPublisher['products']> = {};
  const put = (pairs: Record<string, string> | undefined, key: 'product' | 'vendor' | 'collectionURL' | 'packageName') => {
    for (const [name, value] of Object.entries(pairs ?? {})) products[name] = { ...products[name], [key]: value };
  };
  put(options.product, 'product');
  put(options.productVendor, 'vendor');
  put(options.collectionUrl, 'collectionURL');
  put(options.packageName, 'packageName');
  return {
    ...(options.vendor ? { vendor: options.vendor } : {}),
    ...(options.repo ? { repo: options.repo } : {}),
    ...(options.cnaShortName ? { cnaShortName: options.cnaShortName } : {}),
    ...(options.cnaOrgId ? { cnaOrgId: options.cnaOrgId } : {}),
    ...(options.osvEcosystem ? { osvEcosystem: options.osvEcosystem } : {}),
    ...(options.csafPublisherName ? { csafPublisherName: options.csafPublisherName } : {}),
    ...(options.csafPublisherNamespace ? { csafPublisherNamespace: options.csafPublisherNamespace } : {}),
    ...(options.securityContact ? { securityContact: options.securityContact } : {}),
    ...(Object.keys(products).length > 0 ? { products } : {}),
  };
}

export function registerAdvisoryCommands(program: Command, run: CommandRunner): void {
  const advisory = program.command('advisory').description('CVE, OSV, CSAF and OpenVEX records, the tracking issue and the release-notes map, from a case');

  advisory
    .command('settings')
    .description('the vault\'s publisher: CNA identity, vendor, and each product as the CNA names it (shown when no option is given)')
    .option('--vendor <name>', 'the vendor of every product, e.g. "Kubernetes"')
    .option('--repo <url>', 'the source repository of the products')
    .option('--cna-short-name <name>', 'the CNA short name')
    .option('--cna-org-id <uuid>', 'the CNA organisation UUID')
    .option('--osv-ecosystem <name>', 'the OSV ecosystem of the products, e.g. "Go" (default "Kubernetes")')
    .option('--csaf-publisher-name <name>', 'the CSAF (and OpenVEX) publisher, e.g. "Envoy Security Team"')
    .option('--csaf-publisher-namespace <url>', "the publisher's namespace URL, e.g. https://www.envoyproxy.io")
    .option('--security-contact <email>', 'where to report exploitation (tracking issue, OpenVEX author)')
    .option('--product <case=cna>', 'a product as the CNA names it, e.g. kubelet=kubelet (repeat)', parsePair('--product'))
    .option('--product-vendor <case=vendor>', "one product's vendor, when it differs (repeat)", parsePair('--product-vendor'))
    .option('--collection-url <case=url>', "a product's package collection URL (repeat)", parsePair('--collection-url'))
    .option('--package-name <case=name>', "a product's package name (repeat)", parsePair('--package-name'))
    .action((options: SettingsOptions) =>
      run(async (session) => {
        await session.unlock();
        const change = settingsChange(options);
        const settings = Object.keys(change).length > 0 ? await session.call('advisory.updateSettings', { publisher: change }) : await session.call('advisory.settings', {});
        printJson(session.io, settings);
      }),
    );

  for (const format of ['cve', 'osv', 'csaf', 'openvex', 'issue', 'release-notes'] as const) {
    const command = advisory
      .command(format === 'openvex' ? 'vex' : format)
      .description(DESCRIPTIONS[format])
      .argument('<case>', 'case id, e.g. EMB-0001')
      .option('-o, --output <file>', 'write the document to this file (plaintext: you are warned while the case is under embargo)');
    if (format === 'openvex') command.alias('openvex');
    if (format === 'csaf') command.option('--tlp <label>', 'under embargo: AMBER (the default: distributors may share within their organisation to prepare) or RED (named recipients only)', parseTlp);
    if (format === 'release-notes') command.requiredOption('--pr <number>', 'a cherry-pick PR number (repeat for each PR)', parsePr);
    if (format === 'cve') {
      command.option('--cna-container', 'only the CNA container, as `cve publish CVE-ID -f FILE` (cvelib) takes it');
      command.option('--suggest-description', 'print the description in the CNA pattern (nothing is changed; the record keeps your text)');
    }
    command.action((id: string, options: { output?: string; pr?: number[]; cnaContainer?: boolean; suggestDescription?: boolean; tlp?: 'RED' | 'AMBER' }) =>
      run(async (session) => {
        await session.unlock();
        if (options.suggestDescription) {
          const offered = await session.call('advisory.suggestDescription', { id });
          if (session.options.json) return printJson(session.io, offered);
          session.io.stdout(`${offered.suggestion}\n`);
          if (offered.missing.length > 0) session.io.stderr(`embargo: fill in ${offered.missing.map((m) => `[${m}]`).join(', ')} before using it.\n`);
          session.io.stderr('embargo: to use it: embargo case set ' + id + ' --description "…"\n');
          return;
        }
        const result = await session.call('advisory.export', {
          id,
          format,
          ...(options.output !== undefined ? { output: resolve(options.output) } : {}),
          ...(options.pr ? { prs: options.pr } : {}),
          ...(options.cnaContainer ? { cnaContainer: true } : {}),
          ...(options.tlp ? { tlp: options.tlp } : {}),
        });
        printWarnings(session, result);
        if (result.written === null) return printDocument(session, format, result);
        if (session.options.json) printJson(session.io, { output: result.written, format, checkedAgainst: result.validation.checkedAgainst, warnings: result.warnings });
        else session.io.stdout(`Wrote ${result.written} (valid: ${result.validation.checkedAgainst.join('; ')}).\n`);
      }),
    );
  }
}
