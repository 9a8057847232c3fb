// The Content Security Policy of browser mode. WEB_CSP is also the meta tag of
// src/renderer/web.html (test/web/csp.test.ts keeps them equal); the server sends the header
// form with every response. It differs from the desktop's in one place: the page may fetch
// from its own origin, which is how it reaches /api/call.
export const WEB_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** frame-ancestors only works as a header (a meta tag with it draws a console warning). */
export const WEB_CSP_HEADER = `${WEB_CSP}; frame-ancestors 'none'`;
