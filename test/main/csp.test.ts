// The desktop CSP: the meta tag of index.html is the same policy as the header, and the policy
// allows no remote script, no eval and no connection.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DESKTOP_CSP, DESKTOP_CSP_HEADER, developmentCsp } from '../../src/main/security/csp.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

export function metaCsp(htmlFile: string): string | undefined {
  const html = readFileSync(htmlFile, 'utf8');
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
}

describe('desktop CSP', () => {
  it('is the meta tag of src/renderer/index.html', () => {
    expect(metaCsp('src/renderer/index.html')).toBe(DESKTOP_CSP);
  });

  it('loads scripts from the bundle only, never evals and connects nowhere', () => {
    const policy = directives(DESKTOP_CSP_HEADER);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(DESKTOP_CSP_HEADER).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('in development adds only the inline hot-reload script and the dev server socket', () => {
    const policy = directives(developmentCsp('http://localhost:5173'));
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
  });
});
