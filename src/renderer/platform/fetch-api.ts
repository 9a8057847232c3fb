// Browser mode's transport: POST /api/call on the loopback server that served this page, with
// the per-run token as a bearer token. The token arrives in the URL fragment (never sent to a
// server, never in logs), moves to sessionStorage (this tab only) and leaves the address bar.
import { createClient } from '../../shared/contract/client.ts';
import type { ApiClient, Transport } from '../../shared/contract/index.ts';
import type { Result } from '../../shared/errors.ts';
import { installApi } from '../lib/api.ts';

const TOKEN_KEY = 'embargo.browser-mode-token';

/** Takes the token out of the fragment (#token=…), or the one this tab stored before. */
export function takeToken(): string | null {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = fragment.get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    return fromUrl;
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}

function failure(code: 'Unauthorized' | 'Internal', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const ok = (value as { ok?: unknown }).ok;
  if (ok === true) return 'value' in value;
  const error = (value as { error?: { code?: unknown; message?: unknown } }).error;
  return ok === false && typeof error?.code === 'string' && typeof error.message === 'string';
}

export function fetchTransport(token: string | null): Transport {
  return async (method, input) => {
    if (!token) {
      return failure('Unauthorized', 'This page has no access token: open the address that "npm run web" printed, with its #token part.');
    }
    let response: Response;
    try {
      response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ method, input }),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return failure('Internal', 'The browser-mode server does not answer: is "npm run web" still running?');
    }
    const body: unknown = await response.json().catch(() => null);
    if (isResult(body)) return body;
    return failure('Internal', `The browser-mode server answered ${response.status} without a result.`);
  };
}

export function createFetchClient(): ApiClient {
  return createClient(fetchTransport(takeToken()));
}

export function installFetchApi(): void {
  installApi(createFetchClient());
}
