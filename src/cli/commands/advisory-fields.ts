// The advisory fields of `embargo case set` (CLI.md): --affected 'PRODUCT@RANGE', --fixed
// 'PRODUCT@VERSION', --cwe, --reference, --credit, plus the texts the exports read. Repeatable
// options replace the whole list; "none" clears it.
import type { Command } from 'commander';
import type { CaseEdits } from '../../shared/contract/index.ts';
import { usageError } from '../session.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addAdvisorySetOptions(set: Command): void {
  set
    .option('--affected <product@range>', "affected versions as semver comparators, e.g. 'kubelet@>=1.29.0 <1.29.4' (repeatable; \"none\" clears)", collect)
    .option('--fixed <product@version>', "a fixed version, e.g. 'kubelet@1.29.4' (repeatable; \"none\" clears)", collect)
    .option('--cwe <id>', 'a CWE ID, e.g. CWE-22 (repeatable; "none" clears)', collect)
    .option('--reference <url[,tag...]>', 'a reference URL, optionally with CVE tags after commas, e.g. https://…,patch (repeatable; "none" clears)', collect)
    .option('--credit <name[=type[=uuid]]>', 'an acknowledgement, e.g. "Jane Doe=finder" (type defaults to finder; an optional CVE user UUID after a second "="; repeatable; "none" clears)', collect)
    .option('--capec <id>', 'a CAPEC attack pattern for the CVE record impacts, e.g. CAPEC-233 (repeatable; "none" clears)', collect)
    .option('--discovery <source>', 'how it was discovered, for the CVE record: INTERNAL, EXTERNAL, USER or UNKNOWN')
    .option('--description <text>', 'the advisory description')
    .option('--workarounds <text>')
    .option('--mitigations <text>')
    .option('--detection <text>')
    .option('--tracking-issue <url>', 'the public tracking issue; "none" clears');
}

function isNone(values: string[]): boolean {
  return values.length === 1 && values[0] === 'none';
}

/** Splits PRODUCT@VALUE at the first "@" (ranges contain no "@"; package names may be scoped: take the last "@" after a leading one). */
function productAt(text: string, option: string): [string, string] {
  const at = text.indexOf('@', text.startsWith('@') ? 1 : 0);
  if (at <= 0 || at === text.length - 1) throw usageError(`--${option} takes PRODUCT@VALUE, e.g. kubelet@1.29.4; got "${text}".`);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

const CREDIT_TYPES = new Set(['finder', 'reporter', 'analyst', 'coordinator', 'remediation developer', 'remediation reviewer', 'other']);

const DISCOVERY = new Set(['INTERNAL', 'EXTERNAL', 'USER', 'UNKNOWN']);

export function advisorySetEdits(options: Record<string, unknown>): CaseEdits {
  const edits: CaseEdits = {};
  const list = (name: string) => options[name] as string[] | undefined;
  const affected = list('affected');
  if (affected) edits.affected = isNone(affected) ? [] : affected.map((text) => productAt(text, 'affected')).map(([product, range]) => ({ product, range }));
  const fixed = list('fixed');
  if (fixed) edits.fixed = isNone(fixed) ? [] : fixed.map((text) => productAt(text, 'fixed')).map(([product, version]) => ({ product, version }));
  const cwe = list('cwe');
  if (cwe) edits.cwe = isNone(cwe) ? [] : cwe.map((id) => id.toUpperCase());
  const references = list('reference');
  if (references) {
    edits.references = isNone(references)
      ? []
      : references.map((text) => {
          const [url = '', ...tags] = text.split(',').map((part) => part.trim());
          return { url, tags: tags.filter(Boolean) };
        });
  }
  const credits = list('credit');
  if (credits) {
    edits.credits = isNone(credits)
      ? []
      : credits.map((entry) => {
          const uuid = /=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(entry);
          const text = uuid ? entry.slice(0, uuid.index) : entry;
          const at = text.lastIndexOf('=');
          const name = (at > 0 ? text.slice(0, at) : text).trim();
          const type = at > 0 ? text.slice(at + 1).trim() : 'finder';
          if (!CREDIT_TYPES.has(type)) throw usageError(`--credit type must be one of ${[...CREDIT_TYPES].join(', ')}; got "${type}".`);
          const credited = { name, type: type as NonNullable<CaseEdits['credits']>[number]['type'] };
          return uuid?.[1] ? { ...credited, user: uuid[1].toLowerCase() } : credited;
        });
  }
  const capec = list('capec');
  if (capec) edits.capec = isNone(capec) ? [] : capec.map((id) => id.toUpperCase());
  if (typeof options.discovery === 'string') {
    const discovery = options.discovery.toUpperCase();
    if (!DISCOVERY.has(discovery)) throw usageError(`--discovery must be one of ${[...DISCOVERY].join(', ')}; got "${options.discovery}".`);
    edits.discovery = discovery as NonNullable<CaseEdits['discovery']>;
  }
  for (const field of ['description', 'workarounds', 'mitigations', 'detection'] as const) {
    const value = options[field];
    if (typeof value === 'string') edits[field] = value;
  }
  if (typeof options.trackingIssue === 'string') edits.trackingIssue = options.trackingIssue === 'none' ? null : options.trackingIssue;
  return edits;
}
