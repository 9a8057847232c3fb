// Who may LGTM a fix commit: the approvers and reviewers of the OWNERS files on the paths it
// changes (each directory up to the root, stopping below a file with no_parent_owners),
// with OWNERS_ALIASES expanded and `filters` matched against the path.
import { parse } from 'yaml';
import { EmbargoError } from '../../shared/errors.ts';
import { LIMITS, checkLimit } from '../../shared/limits.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { lookupPath } from './trees.ts';

interface OwnersFile {
  approvers: string[];
  reviewers: string[];
  noParentOwners: boolean;
}

export interface Owners {
  approvers: string[];
  reviewers: string[];
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean) : [];
}

function readYaml(ws: CaseWorkspace, tree: string, path: string): Record<string, unknown> | null {
  const entry = lookupPath(ws, tree, path);
  if (!entry || entry.mode === '40000') return null;
  const bytes = ws.readBlob(entry.sha);
  checkLimit(`${path} file`, LIMITS.ownersBytes, bytes.length, 'bytes');
  // YAML is UTF-8 here; prow's parser refuses other bytes, and a file it refuses names nobody.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return parseOwnersYaml(text, path);
}

/**
 * One OWNERS document. A syntax error names nobody, as prow would treat it; an alias bomb
 * (billion laughs) is refused with InputTooLarge, since yaml stops at `maxAliasCount`
 * expansions instead of building the exponential document.
 */
export function parseOwnersYaml(text: string, path = 'OWNERS'): Record<string, unknown> | null {
  try {
    const value = parse(text, { maxAliasCount: LIMITS.yamlAliases }) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch (error) {
    if (error instanceof Error && /excessive alias count/i.test(error.message)) {
      throw new EmbargoError('InputTooLarge', `The ${path} file expands more than ${LIMITS.yamlAliases} YAML aliases; it is refused.`, {
        what: `${path} aliases`,
        limit: LIMITS.yamlAliases,
        actual: null,
      });
    }
    return null;
  }
}

export class OwnersResolver {
  private readonly cache = new Map<string, Record<string, unknown> | null>();
  private readonly aliases: Map<string, string[]>;

  constructor(
    private readonly ws: CaseWorkspace,
    private readonly tree: string,
  ) {
    const raw = readYaml(ws, tree, 'OWNERS_ALIASES');
    const table = (raw?.aliases ?? {}) as Record<string, unknown>;
    this.aliases = new Map(Object.entries(table).map(([name, members]) => [name.toLowerCase(), list(members)]));
  }

  private expand(names: string[]): string[] {
    return names.flatMap((name) => this.aliases.get(name.toLowerCase()) ?? [name]).map((n) => n.toLowerCase());
  }

  private ownersFile(dir: string, relative: string): OwnersFile | null {
    const key = dir;
    if (!this.cache.has(key)) this.cache.set(key, readYaml(this.ws, this.tree, dir ? `${dir}/OWNERS` : 'OWNERS'));
    const raw = this.cache.get(key);
    if (!raw) return null;
    const approvers = list(raw.approvers);
    const reviewers = list(raw.reviewers);
    const filters = (raw.filters ?? {}) as Record<string, Record<string, unknown>>;
    for (const [pattern, config] of Object.entries(filters)) {
      let matches = false;
      try {
        matches = new RegExp(pattern).test(relative);
      } catch {
        matches = false;
      }
      if (matches && config && typeof config === 'object') {
        approvers.push(...list(config.approvers));
        reviewers.push(...list(config.reviewers));
      }
    }
    const options = (raw.options ?? {}) as Record<string, unknown>;
    return { approvers: this.expand(approvers), reviewers: this.expand(reviewers), noParentOwners: options.no_parent_owners === true };
  }

  /** The owners of one path. */
  ownersOf(path: string): Owners {
    const approvers = new Set<string>();
    const reviewers = new Set<string>();
    const parts = path.split('/');
    for (let depth = parts.length - 1; depth >= 0; depth--) {
      const dir = parts.slice(0, depth).join('/');
      const file = this.ownersFile(dir, parts.slice(depth).join('/'));
      if (!file) continue;
      file.approvers.forEach((a) => approvers.add(a));
      file.reviewers.forEach((r) => reviewers.add(r));
      if (file.noParentOwners) break;
    }
    return { approvers: [...approvers].sort(), reviewers: [...reviewers].sort() };
  }

  ownersOfPaths(paths: string[]): Owners {
    const approvers = new Set<string>();
    const reviewers = new Set<string>();
    for (const path of paths) {
      const owners = this.ownersOf(path);
      owners.approvers.forEach((a) => approvers.add(a));
      owners.reviewers.forEach((r) => reviewers.add(r));
    }
    return { approvers: [...approvers].sort(), reviewers: [...reviewers].sort() };
  }
}

/** May `name` LGTM a commit with these owners? Approvers and reviewers both count. */
export function isRelevantOwner(owners: Owners, name: string): boolean {
  const wanted = name.trim().replace(/^@/, '').toLowerCase();
  return owners.approvers.includes(wanted) || owners.reviewers.includes(wanted);
}
