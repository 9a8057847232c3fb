// Advisory files: their names and whether the case is still under embargo. Saving the text is
// src/renderer/lib/download.ts (a download in browser mode; a path written by the core on desktop).
import type { AdvisoryFormat, CaseRecord } from '../../../shared/contract/index.ts';

const SUFFIX: Record<AdvisoryFormat, string> = {
  cve: '.json',
  osv: '.osv.json',
  csaf: '.csaf.json',
  openvex: '.openvex.json',
  issue: '.tracking-issue.json',
  'release-notes': '.release-notes.yaml',
};

/** CVE-2026-31337.json, CVE-2026-31337.osv.json, …; the case id while there is no CVE ID. */
export function fileNameFor(format: AdvisoryFormat, record: Pick<CaseRecord, 'id' | 'cve'>): string {
  return `${record.cve ?? record.id}${SUFFIX[format]}`;
}

export { isUnderEmbargo } from '../../../shared/rules/embargo.ts';
