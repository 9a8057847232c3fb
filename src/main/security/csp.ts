// The Content Security Policy of the desktop renderer. The same text is the meta tag in
// src/renderer/index.html (a test keeps the two equal) and the header the bundle protocol
// sends with every response, so a page that loses its meta tag is still covered.
//
// style-src allows inline styles: Radix dialogs lock page scrolling by injecting a <style>
// element. Scripts stay strictly 'self'; nothing may connect anywhere (IPC is not a request).
export const DESKTOP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** frame-ancestors only works as a header (a meta tag with it draws a console warning). */
export const DESKTOP_CSP_HEADER = `${DESKTOP_CSP}; frame-ancestors 'none'`;

/**
 * In development the renderer comes from the electron-vite dev server, whose hot reload needs
 * an inline bootstrap script and a websocket to the same host.
 */
export function developmentCsp(devServerOrigin: string): string {
  const ws = devServerOrigin.replace(/^http/, 'ws');
  return DESKTOP_CSP_HEADER.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'none'",
    `connect-src 'self' ${ws}`,
  );
}
