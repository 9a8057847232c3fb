// Before anything goes public: branch names and commit messages that mention the CVE ID or a
// word the Fix Lead listed (a codename, the reporter, "embargo"…) are flagged.
import type { CaseWorkspace } from './case-workspace.ts';
import { branchCommits } from './branches.ts';
import { bundleRefName } from './export-bundle.ts';

export interface LeakFinding {
  where: 'branch' | 'commit';
  branch: string;
  commit: string | null;
  word: string;
  text: string;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function leakLint(ws: CaseWorkspace, cve: string | null, extraWords: string[]): LeakFinding[] {
  const words = [...new Set([...(cve ? [cve] : []), ...ws.state.lintWords, ...extraWords].map((w) => w.trim()).filter(Boolean))];
  if (words.length === 0) return [];
  const patterns = words.map((word) => ({
    word,
    // the CVE ID also matches with other separators (CVE_2026_1234, cve20261234)
    re: /^CVE-\d{4}-\d+$/i.test(word) ? new RegExp(word.replace(/-/g, '[-_ ]?'), 'i') : new RegExp(escape(word), 'i'),
  }));
  const findings: LeakFinding[] = [];
  const seen = new Set<string>();
  for (const branch of ws.state.branches) {
    for (const name of [branch.name, bundleRefName(branch)]) {
      for (const { word, re } of patterns) {
        if (re.test(name) && !seen.has(`b:${name}:${word}`)) {
          seen.add(`b:${name}:${word}`);
          findings.push({ where: 'branch', branch: branch.name, commit: null, word, text: name });
        }
      }
    }
    for (const sha of branchCommits(branch)) {
      const message = ws.readCommit(sha).message;
      for (const { word, re } of patterns) {
        const line = message.split('\n').find((l) => re.test(l));
        if (line !== undefined && !seen.has(`c:${sha}:${word}`)) {
          seen.add(`c:${sha}:${word}`);
          findings.push({ where: 'commit', branch: branch.name, commit: sha, word, text: line.trim() });
        }
      }
    }
  }
  return findings;
}
