// The browser-mode HTTP server: the built renderer and POST /api/call, on 127.0.0.1 only.
// Every request passes the Host and Origin checks; every API call needs the token; every
// response carries the CSP and the usual hardening headers. Calls go to the same dispatch as
// Electron's IPC.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../shared/contract/dispatch.ts';
import type { ErrorInfo, Result } from '../shared/errors.ts';
import { WEB_CSP_HEADER } from './csp.ts';
import { hasValidToken, isAllowedHost, isAllowedOrigin } from './guard.ts';
import { resolveStaticFile } from './static-files.ts';

export const LOOPBACK = '127.0.0.1';
export const API_PATH = '/api/call';
/** Large enough for attachments and patch series sent as text; small enough to refuse floods. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface WebServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  token: string;
  /** 0 or undefined: a free port. */
  port?: number;
  maxBodyBytes?: number;
}

export interface WebServer {
  port: number;
  /** http://127.0.0.1:PORT/#token=TOKEN */
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': WEB_CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...extra });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  send(response, status, 'text/plain; charset=utf-8', `${text}\n`);
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

function failure(code: ErrorInfo['code'], message: string): Result<never> {
  return { ok: false, error: { code, message, data: {} } };
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function handleApiCall(request: IncomingMessage, response: ServerResponse, options: WebServerOptions): Promise<void> {
  if (request.method !== 'POST') {
    send(response, 405, 'text/plain; charset=utf-8', 'Use POST.\n', { Allow: 'POST' });
    return;
  }
  if (!hasValidToken(request.headers.authorization, options.token)) {
    sendResult(response, 401, failure('Unauthorized', 'This call has no valid browser-mode token: open the address the server printed.'));
    return;
  }
  // A JSON content type cannot be sent cross-origin without a CORS preflight, which we never grant.
  if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
    sendResult(response, 415, failure('InvalidInput', 'Send the call as application/json.'));
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(request, options.maxBodyBytes ?? MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      sendResult(response, 413, failure('InvalidInput', 'The call is larger than the server accepts.'));
      request.resume();
      return;
    }
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    sendResult(response, 400, failure('InvalidInput', 'The call is not valid JSON.'));
    return;
  }
  const { method, input } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { method?: unknown; input?: unknown };
  if (typeof method !== 'string') {
    sendResult(response, 400, failure('InvalidInput', 'The call has no method name.'));
    return;
  }
  sendResult(response, 200, await options.dispatch(method, input));
}

async function handleStatic(request: IncomingMessage, response: ServerResponse, pathname: string, staticDir: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.\n', { Allow: 'GET, HEAD' });
    return;
  }
  const file = resolveStaticFile(pathname, staticDir);
  if (!file) {
    sendText(response, 404, 'Not found.');
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(file.path);
  } catch {
    sendText(response, 404, 'Not found.');
    return;
  }
  if (request.method === 'HEAD') {
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Content-Length': body.length });
    response.end();
    return;
  }
  send(response, 200, file.contentType, body);
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let port = 0;
  const server = createServer((request, response) => {
    const refuse = (why: string): void => sendText(response, 403, why);
    if (!isAllowedHost(request.headers.host, port)) return refuse('Refused: this server answers only to its own loopback address.');
    if (!isAllowedOrigin(request.headers.origin, port)) return refuse('Refused: requests from other origins are not accepted.');
    const pathname = new URL(request.url ?? '/', `http://${LOOPBACK}`).pathname;
    const handled = pathname === API_PATH ? handleApiCall(request, response, options) : handleStatic(request, response, pathname, options.staticDir);
    handled.catch((error: unknown) => {
      console.error('Browser mode: request failed:', error);
      if (!response.headersSent) sendResult(response, 500, failure('Internal', 'The server failed to handle the request.'));
      else response.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://${LOOPBACK}:${port}/#token=${options.token}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
