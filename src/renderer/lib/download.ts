// Handing text to the user as a file. The sandboxed renderer cannot write files: in browser mode
// the text becomes a download (a Blob the browser saves); the desktop shell refuses downloads
// (src/main/security/harden.ts), so there the core writes files to a path, or the user copies.

/** Browsers save downloads; the desktop app (served from its own app:// scheme) cancels them. */
export function canDownload(): boolean {
  return window.location.protocol === 'http:' || window.location.protocol === 'https:';
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

/** SHA-256 of the text as UTF-8, lowercase hex (what the timeline records for an export). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
