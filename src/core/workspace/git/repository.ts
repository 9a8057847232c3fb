// A git repository on disk, read at the object level: loose objects, every pack (through its
// .idx, read in place) and alternates, plus its refs. Used for upstream clones referenced in
// place; nothing is ever written to them.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { EmbargoError } from '../../../shared/errors.ts';
import { isObjectType, isSha, malformed, parseTag, type GitObject } from './objects.ts';
import { PackIndex } from './pack-index.ts';
import { PackFile } from './pack-reader.ts';

export interface ObjectSource {
  read(sha: string): GitObject | null;
  has(sha: string): boolean;
}

/** Finds the git directory of a clone: PATH/.git (a directory or a `gitdir:` file) or PATH itself if bare. */
export function findGitDir(path: string): string {
  const root = resolve(path);
  const dotGit = join(root, '.git');
  if (existsSync(dotGit)) {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const pointer = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'));
    if (pointer) return resolve(root, pointer[1]!.trim());
  }
  if (existsSync(join(root, 'objects')) && existsSync(join(root, 'HEAD'))) return root;
  throw new EmbargoError('NotARepository', `${path} is not a git repository (no .git and not a bare repository).`, { path });
}

export class ObjectDirectory implements ObjectSource {
  private packs: PackFile[] = [];
  private readonly alternates: ObjectDirectory[] = [];
  private knownPacks = new Set<string>();

  constructor(readonly dir: string, depth = 0) {
    this.scanPacks();
    const alternatesFile = join(dir, 'info', 'alternates');
    if (depth < 5 && existsSync(alternatesFile)) {
      for (const line of readFileSync(alternatesFile, 'utf8').split('\n')) {
        const entry = line.trim();
        if (!entry || entry.startsWith('#')) continue;
        const target = isAbsolute(entry) ? entry : resolve(dir, entry);
        if (existsSync(target)) this.alternates.push(new ObjectDirectory(target, depth + 1));
      }
    }
  }

  /** Picks up packs added since (a fetch, a repack); old packs stay open until close. */
  private scanPacks(): boolean {
    const packDir = join(this.dir, 'pack');
    if (!existsSync(packDir)) return false;
    let added = false;
    for (const name of readdirSync(packDir)) {
      if (!name.endsWith('.idx') || this.knownPacks.has(name)) continue;
      const pack = join(packDir, `${name.slice(0, -4)}.pack`);
      if (!existsSync(pack)) continue;
      this.knownPacks.add(name);
      this.packs.push(new PackFile(pack, new PackIndex(readFileSync(join(packDir, name))), 0, (sha) => this.read(sha)));
      added = true;
    }
    return added;
  }

  private readLoose(sha: string): GitObject | null {
    const file = join(this.dir, sha.slice(0, 2), sha.slice(2));
    let raw: Buffer;
    try {
      raw = readFileSync(file);
    } catch {
      return null;
    }
    const bytes = inflateSync(raw);
    const nul = bytes.indexOf(0);
    const [type, size] = bytes.toString('latin1', 0, nul).split(' ');
    if (!type || !isObjectType(type) || Number(size) !== bytes.length - nul - 1) throw malformed('loose object', `${sha} has a bad header`);
    return { type, data: bytes.subarray(nul + 1) };
  }

  read(sha: string): GitObject | null {
    for (const pack of this.packs) {
      const found = pack.readSha(sha);
      if (found) return found;
    }
    const loose = this.readLoose(sha);
    if (loose) return loose;
    for (const alternate of this.alternates) {
      const found = alternate.read(sha);
      if (found) return found;
    }
    if (this.scanPacks()) return this.read(sha);
    return null;
  }

  has(sha: string): boolean {
    if (this.packs.some((pack) => pack.has(sha))) return true;
    if (existsSync(join(this.dir, sha.slice(0, 2), sha.slice(2)))) return true;
    return this.alternates.some((a) => a.has(sha));
  }

  /** The raw packs (for copying whole history into a full bundle). */
  packFiles(): PackFile[] {
    return [...this.packs, ...this.alternates.flatMap((a) => a.packFiles())];
  }

  looseIds(): string[] {
    const ids: string[] = [];
    for (const prefix of existsSync(this.dir) ? readdirSync(this.dir) : []) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const rest of readdirSync(join(this.dir, prefix))) if (/^[0-9a-f]{38}$/.test(rest)) ids.push(prefix + rest);
    }
    return ids;
  }

  /**
   * Objects stored, as `git count-objects -v` adds them up: every pack's entries plus the
   * loose objects no pack holds, here and in the alternates.
   */
  objectCount(): number {
    const packs = this.packFiles();
    const loose = this.looseIdsWithAlternates().filter((sha) => !packs.some((p) => p.has(sha)));
    return packs.reduce((n, p) => n + p.index.count, 0) + new Set(loose).size;
  }

  private looseIdsWithAlternates(): string[] {
    return [...this.looseIds(), ...this.alternates.flatMap((a) => a.looseIdsWithAlternates())];
  }

  close(): void {
    for (const pack of this.packs) pack.close();
    for (const alternate of this.alternates) alternate.close();
  }
}

/** Every ref of a repository (loose refs win over packed-refs), and HEAD's target. */
export function readRefs(gitDir: string): { refs: Map<string, string>; head: string | null } {
  const refs = new Map<string, string>();
  const packed = join(gitDir, 'packed-refs');
  if (existsSync(packed)) {
    for (const line of readFileSync(packed, 'utf8').split('\n')) {
      const match = /^([0-9a-f]{40}) (refs\/\S+)$/.exec(line);
      if (match) refs.set(match[2]!, match[1]!);
    }
  }
  const walk = (dir: string, prefix: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const name = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), name);
      else {
        const value = readFileSync(join(dir, entry.name), 'utf8').trim();
        if (isSha(value)) refs.set(name, value);
      }
    }
  };
  walk(join(gitDir, 'refs'), 'refs');
  let head: string | null = null;
  const headFile = join(gitDir, 'HEAD');
  if (existsSync(headFile)) {
    const text = readFileSync(headFile, 'utf8').trim();
    head = text.startsWith('ref: ') ? text.slice(5) : isSha(text) ? text : null;
  }
  return { refs, head };
}

/** Follows annotated tags down to the object they name. */
export function peel(source: ObjectSource, sha: string): { sha: string; type: string } {
  let current = sha;
  for (let depth = 0; depth < 20; depth++) {
    const object = source.read(current);
    if (!object) throw new EmbargoError('NotFound', `Object ${current} is not in the repository.`, { what: 'object', id: current });
    if (object.type !== 'tag') return { sha: current, type: object.type };
    current = parseTag(object.data).object;
  }
  throw malformed('tag', 'a chain of more than 20 tags');
}
