// Handing a document to the user as a file. The sandboxed renderer cannot write files, so in
// browser mode the text becomes a download (a Blob the browser saves); the desktop shell refuses
// downloads (src/main/security/harden.ts), so there the core writes the file to a path instead.
import type { AdvisoryFormat, CaseRecord } from '../../../shared/contract/index.ts';

/** SHA-256 of the text as UTF-8, lowercase hex (what the timeline records). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Downloads work in a browser; the Electron shell cancels every download. */
export function canDownload(): boolean {
  return !/\bElectron\//.test(navigator.userAgent);
}

export function saveAsDownload(fileName: string, text: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the click has been handled, so the download still has its data.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const SUFFIX: Record<AdvisoryFormat, string> = {
  cve: '.json',
  osv: '.osv.json',
  csaf: '.csaf.json',
  issue: '.tracking-issue.json',
  'release-notes': '.release-notes.yaml',
};

/** CVE-2026-31337.json, CVE-2026-31337.osv.json, …; the case id while there is no CVE ID. */
export function fileNameFor(format: AdvisoryFormat, record: Pick<CaseRecord, 'id' | 'cve'>): string {
  return `${record.cve ?? record.id}${SUFFIX[format]}`;
}

/** Under embargo until the Release Date has passed (no Release Date yet: still under embargo). */
export function isUnderEmbargo(record: Pick<CaseRecord, 'releaseDate'>, now: Date = new Date()): boolean {
  return record.releaseDate === null || Date.parse(record.releaseDate) > now.getTime();
}
