// Browser mode's server, with real HTTP requests against a real core on port 0: what it serves,
// and everything it refuses.
import { request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core.ts';
import { createDispatch } from '../../src/shared/contract/dispatch.ts';
import { WEB_CSP_HEADER } from '../../src/web/csp.ts';
import { newToken } from '../../src/web/guard.ts';
import { startWebServer, type WebServer } from '../../src/web/server.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let root: string;
let core: Core;
let server: WebServer;
const token = newToken();

function send(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function apiCall(method: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send({
    method: 'POST',
    path: '/api/call',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ method, input }),
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'embargo-web-'));
  const staticDir = join(root, 'out-web');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'web.html'), '<!doctype html><title>Embargo</title>');
  await writeFile(join(staticDir, 'assets', 'web.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.js'), 'not for the browser');
  core = createCore({ vaultDir: join(root, 'vault'), createOptions: { kdf: { algorithm: 'argon2id', memoryKiB: 1024, iterations: 1, parallelism: 1 } } });
  server = await startWebServer({ dispatch: createDispatch(core.handlers), staticDir, token, port: 0, maxBodyBytes: 64 * 1024 });
});

afterAll(async () => {
  await server.close();
  await core.lock();
  await rm(root, { recursive: true, force: true });
});

describe('what browser mode serves', () => {
  it('listens on 127.0.0.1 and prints a URL with the token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${token}`);
  });

  it('serves the built renderer with the CSP and hardening headers', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Embargo</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(WEB_CSP_HEADER);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    const script = await send({ path: '/assets/web.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('accepts localhost:PORT as well as 127.0.0.1:PORT', async () => {
    expect((await send({ path: '/', headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('runs contract calls through the same dispatch as the desktop app', async () => {
    const state = JSON.parse((await apiCall('app.state', {})).body);
    expect(state).toMatchObject({ ok: true, value: { vaultExists: false, unlocked: false } });
    expect(JSON.parse((await apiCall('vault.create', { passphrase: 'browser mode passphrase' })).body)).toMatchObject({ ok: true });
    const created = JSON.parse((await apiCall('case.create', { title: 'Served case', disclosedAt: '2026-11-20T08:30:00Z' })).body);
    expect(created).toMatchObject({ ok: true, value: { id: 'EMB-0001', title: 'Served case', kind: 'private' } });
    const listed = JSON.parse((await apiCall('case.list', {})).body);
    expect(listed.value.map((c: { id: string }) => c.id)).toEqual(['EMB-0001']);
    // Coded errors come back as Results, with status 200: they are answers, not transport failures.
    const invalid = await apiCall('case.create', { title: '', disclosedAt: 'yesterday' });
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(JSON.parse((await apiCall('no.such.method', {})).body)).toMatchObject({ ok: false, error: { code: 'UnknownMethod' } });
  });
});

describe('what browser mode refuses', () => {
  it('any foreign Host header, on pages and on calls (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `[::1]:${server.port}`, `192.168.1.2:${server.port}`]) {
      const page = await send({ path: '/', headers: { Host: host } });
      expect(page.status, host).toBe(403);
      expect(page.body).not.toContain('<title>');
      expect(page.headers['content-security-policy']).toBe(WEB_CSP_HEADER);
      const call = await apiCall('app.state', {}, { Host: host });
      expect(call.status, host).toBe(403);
      expect(call.body).not.toContain('vaultDir');
    }
  });

  it('any foreign Origin header, even with the token', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
      const call = await apiCall('case.list', {}, { Origin: origin });
      expect(call.status, origin).toBe(403);
      expect(call.body).not.toContain('Served case');
      expect((await send({ path: '/', headers: { Origin: origin } })).status).toBe(403);
    }
    expect((await apiCall('app.state', {}, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('a call without the token, or with a wrong one', async () => {
    for (const authorization of ['', 'Bearer ', `Bearer ${newToken()}`, `Basic ${token}`, token]) {
      const call = await apiCall('case.list', {}, { Authorization: authorization });
      expect(call.status, authorization).toBe(401);
      expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
      expect(call.body).not.toContain('Served case');
    }
  });

  it('a call that is not JSON, not POST, too large or malformed', async () => {
    const asText = await send({ method: 'POST', path: '/api/call', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' }, body: '{"method":"case.list","input":{}}' });
    expect(asText.status).toBe(415);
    expect((await send({ path: '/api/call', headers: { Authorization: `Bearer ${token}` } })).status).toBe(405);
    expect((await send({ method: 'OPTIONS', path: '/api/call', headers: { Authorization: `Bearer ${token}` } })).status).toBe(405);
    const huge = await send({
      method: 'POST',
      path: '/api/call',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'case.note', input: { id: 'EMB-0001', text: 'x'.repeat(100 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    const broken = await send({ method: 'POST', path: '/api/call', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{"method":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    const noMethod = await send({ method: 'POST', path: '/api/call', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '[1,2]' });
    expect(noMethod.status).toBe(400);
    // Nothing of the refused calls reached the case.
    const timeline = JSON.parse((await apiCall('case.timeline', { id: 'EMB-0001' })).body);
    expect(timeline.value).toHaveLength(1);
  });

  it('files outside the built renderer, and non-GET methods on files', async () => {
    for (const path of ['/../secret.js', '/assets/..%2f..%2fsecret.js', '/%2e%2e/secret.js', '/..%5csecret.js', '/missing.js', '/assets/web.js.map']) {
      const reply = await send({ path });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('not for the browser');
    }
    expect((await send({ method: 'PUT', path: '/web.html', body: 'x' })).status).toBe(405);
  });
});
