// The version `embargo --version` prints: package.json's, read next to the sources or the
// bundle (both sit two directories below the project root).
import { readFileSync } from 'node:fs';

export function cliVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
