// Browser mode's CSP: the meta tag of web.html is the policy the server sends.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEB_CSP, WEB_CSP_HEADER } from '../../src/web/csp.ts';
import { DESKTOP_CSP } from '../../src/main/security/csp.ts';

describe('browser-mode CSP', () => {
  it('is the meta tag of src/renderer/web.html', () => {
    const html = readFileSync('src/renderer/web.html', 'utf8');
    expect(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]).toBe(WEB_CSP);
  });

  it("differs from the desktop's only in letting the page call its own server", () => {
    expect(WEB_CSP.replace("connect-src 'self'", "connect-src 'none'")).toBe(DESKTOP_CSP);
    expect(WEB_CSP_HEADER).toBe(`${WEB_CSP}; frame-ancestors 'none'`);
  });
});
