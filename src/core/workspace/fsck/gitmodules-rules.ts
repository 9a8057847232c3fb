// git's fsck rules for a `.gitmodules` blob (fsck.c fsck_gitmodules_fn, submodule-config.c
// check_submodule_name / check_submodule_url): the submodule names and URLs behind
// CVE-2018-11235, CVE-2018-17456 and CVE-2020-11008. A file git's config parser cannot read
// is only an "info" finding for git (gitmodulesParse), so it is not refused here either.
import { fsckError } from './fsck-error.ts';

interface ConfigEntry {
  section: string;
  subsection: string | null;
  key: string;
  value: string | null;
}

/** A small reader for git's config syntax: enough for `[submodule "name"]` sections. Null when unreadable. */
export function parseGitConfig(text: string): ConfigEntry[] | null {
  const entries: ConfigEntry[] = [];
  let section: string | null = null;
  let subsection: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const quoted = /^\[\s*([A-Za-z0-9.-]+)\s+"((?:[^"\\]|\\.)*)"\s*\]/.exec(line);
      const dotted = /^\[\s*([A-Za-z0-9-]+)(?:\.([A-Za-z0-9.-]*))?\s*\]/.exec(line);
      if (quoted) {
        section = quoted[1]!.toLowerCase();
        subsection = quoted[2]!.replace(/\\(.)/g, '$1');
      } else if (dotted) {
        section = dotted[1]!.toLowerCase();
        subsection = dotted[2] !== undefined ? dotted[2].toLowerCase() : null;
      } else return null;
      const rest = line.slice((quoted ?? dotted)![0].length).trim();
      if (rest === '' || rest.startsWith('#') || rest.startsWith(';')) continue;
      return null; // "[section] key = value" on one line is rare; refusing to read it only skips these checks
    }
    if (section === null) return null;
    const match = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!match) return null;
    entries.push({ section, subsection, key: match[1]!.toLowerCase(), value: match[2] === undefined ? null : configValue(match[2]) });
  }
  return entries;
}

/** A config value: quotes removed, escapes decoded, a trailing comment cut. */
function configValue(raw: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && i + 1 < raw.length) {
      const next = raw[++i]!;
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'b' ? '\b' : next;
    } else if (!quoted && (c === '#' || c === ';')) break;
    else out += c;
  }
  return quoted ? out : out.trimEnd();
}

const isSep = (c: string | undefined) => c === '/' || c === '\\';

/** check_submodule_name: not empty, no '..' component (with either separator). */
export function isAllowedSubmoduleName(name: string): boolean {
  if (name === '') return false;
  for (let i = 0; i <= name.length; i++) {
    if (i > 0 && !isSep(name[i - 1])) continue;
    if (name[i] === '.' && name[i + 1] === '.' && (name[i + 2] === undefined || isSep(name[i + 2]))) return false;
  }
  return true;
}

function urlDecode(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** check_submodule_url: no option-like URL, no newline once decoded, no relative URL that climbs into the host. */
export function isAllowedSubmoduleUrl(url: string): boolean {
  if (url.startsWith('-')) return false;
  const relative = /^\.{1,2}[\\/]/.test(url);
  if (relative || url.startsWith('git://')) {
    if (urlDecode(url).includes('\n')) return false;
    let rest = url;
    let dotdots = 0;
    for (;;) {
      if (/^\.\.[\\/]/.test(rest)) {
        dotdots++;
        rest = rest.slice(3);
      } else if (/^\.[\\/]/.test(rest)) rest = rest.slice(2);
      else break;
    }
    return !(dotdots > 0 && (rest.startsWith(':') || rest.startsWith('/')));
  }
  const curl = /^(?:https?|ftps?)::(.*)$/s.exec(url)?.[1] ?? (/^(?:https?|ftps?):\/\//.test(url) ? url : null);
  if (curl !== null) {
    if (!URL.canParse(curl)) return false;
    return !urlDecode(new URL(curl).href).includes('\n') && !urlDecode(curl).includes('\n');
  }
  return true;
}

/** Throws the first rule a `.gitmodules` blob breaks. */
export function checkGitmodules(data: Buffer, path: string, object?: string): void {
  const entries = parseGitConfig(data.toString('utf8'));
  if (!entries) return;
  for (const { section, subsection, key, value } of entries) {
    if (section !== 'submodule' || subsection === null) continue;
    if (!isAllowedSubmoduleName(subsection)) throw fsckError('gitmodulesName', path, `disallowed submodule name: ${subsection}`, object);
    if (key === 'url' && value !== null && !isAllowedSubmoduleUrl(value)) throw fsckError('gitmodulesUrl', path, `disallowed submodule url: ${value}`, object);
    if (key === 'path' && value !== null && value.startsWith('-')) throw fsckError('gitmodulesPath', path, `disallowed submodule path: ${value}`, object);
    if (key === 'update' && value !== null && value.startsWith('!')) {
      throw fsckError('gitmodulesUpdate', path, `disallowed submodule update setting: ${value}`, object);
    }
  }
}
