// The refusals of browser mode, as pure functions. The server listens on loopback, but any web
// page the user opens can reach loopback too: a foreign Host header means DNS rebinding, a
// foreign Origin header means another site's script, and a call without the per-run token
// means someone who did not get the printed URL.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The Host values the server answers to: its own loopback address and port. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** No Origin header (a same-origin GET, curl) is fine; any Origin must be our own. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** `Authorization: Bearer TOKEN`, compared in constant time. */
export function hasValidToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(token));
}
