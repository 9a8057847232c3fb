import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliReference } from '../../src/cli/reference.ts';

describe('docs/cli.md', () => {
  it('is current: it lists every command and option the CLI has (run `npm run docs:cli` after changing the CLI)', () => {
    const onDisk = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'cli.md'), 'utf8');
    expect(onDisk).toBe(cliReference());
  });

  it('covers every command of the CLI.md contract', () => {
    const reference = cliReference();
    for (const usage of [
      'embargo vault init', 'embargo vault status', 'embargo vault verify', 'embargo vault change-passphrase',
      'embargo case create', 'embargo case list', 'embargo case show', 'embargo case set', 'embargo case schedule',
      'embargo case checklist', 'embargo case timeline', 'embargo case retro', 'embargo cvss score',
      'embargo keyring generate', 'embargo keyring import', 'embargo keyring list', 'embargo keyring export', 'embargo keyring verify',
      'embargo encrypt', 'embargo decrypt', 'embargo workspace import', 'embargo workspace fix', 'embargo workspace lgtm',
      'embargo workspace release-branches', 'embargo workspace cherry-pick', 'embargo workspace export-patches',
      'embargo workspace export-bundle', 'embargo advisory cve', 'embargo advisory osv', 'embargo mail templates',
      'embargo mail draft', 'embargo mail export',
    ]) {
      expect(reference, usage).toContain(`### \`${usage}`);
    }
    for (const flag of ['--release-date', '--cvss', '--cve', '--summary', '--affected', '--fixed', '--cwe', '--reference', '--credit']) {
      expect(reference).toContain(`\`${flag}`);
    }
  });
});
