// The pure refusals of browser mode: Host, Origin and token.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasValidToken, isAllowedHost, isAllowedOrigin, newToken } from '../../src/web/guard.ts';

describe('isAllowedHost', () => {
  it('accepts only our loopback address and port', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    expect(isAllowedHost('LOCALHOST:4000', 4000)).toBe(true);
    for (const host of [undefined, '', '127.0.0.1', 'localhost', '127.0.0.1:4001', 'evil.example:4000', 'evil.example', '[::1]:4000', '127.0.0.2:4000', 'localhost.evil.example:4000']) {
      expect(isAllowedHost(host, 4000), String(host)).toBe(false);
    }
  });

  it('refuses any other host name (DNS rebinding)', () => {
    fc.assert(fc.property(fc.domain(), fc.integer({ min: 1, max: 65535 }), (domain, port) => domain === 'localhost' || !isAllowedHost(`${domain}:${port}`, port)));
  });
});

describe('isAllowedOrigin', () => {
  it('accepts no Origin header and our own origin only', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4000', 4000)).toBe(true);
    for (const origin of ['null', '', 'http://127.0.0.1:4001', 'https://127.0.0.1:4000', 'http://evil.example', 'http://127.0.0.1:4000.evil.example', 'file://']) {
      expect(isAllowedOrigin(origin, 4000), origin).toBe(false);
    }
  });

  it('refuses every web origin', () => {
    fc.assert(fc.property(fc.webUrl(), (url) => !isAllowedOrigin(new URL(url).origin, 4000)));
  });
});

describe('tokens', () => {
  it('are 256-bit, URL-safe and different every run', () => {
    const a = newToken();
    const b = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('are accepted only as the exact bearer token', () => {
    const token = newToken();
    expect(hasValidToken(`Bearer ${token}`, token)).toBe(true);
    for (const header of [undefined, '', token, `bearer ${token}`, `Bearer ${token} `, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`, 'Bearer ']) {
      expect(hasValidToken(header, token), String(header)).toBe(false);
    }
  });

  it('no other string passes', () => {
    const token = newToken();
    fc.assert(fc.property(fc.string(), (guess) => guess === token || !hasValidToken(`Bearer ${guess}`, token)));
  });
});
