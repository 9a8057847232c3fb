// Input limits of the workspace importers: an mbox, a bundle and an OWNERS file past their
// limit are refused with InputTooLarge before they are read or parsed.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as mbox from '../../../src/core/workspace/mbox.ts';
import { fixFromBundle, fixFromMbox } from '../../../src/core/workspace/import-fix.ts';
import { parseOwnersYaml } from '../../../src/core/workspace/owners.ts';
import { readFileWithin } from '../../../src/core/util/read-limited.ts';
import type { CaseWorkspace } from '../../../src/core/workspace/case-workspace.ts';
import { EmbargoError } from '../../../src/shared/errors.ts';
import { LIMITS } from '../../../src/shared/limits.ts';

vi.mock('../../../src/core/workspace/mbox.ts', async (original) => {
  const real = await original<typeof mbox>();
  return { ...real, parseMail: vi.fn(real.parseMail), splitMbox: vi.fn(real.splitMbox) };
});

/** A workspace that fails the test if an importer touches it. */
const untouchable = new Proxy({}, { get: () => { throw new Error('the workspace was used'); } }) as CaseWorkspace;

function refusal(work: () => unknown): EmbargoError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(EmbargoError);
    return error as EmbargoError;
  }
  throw new Error('not refused');
}

/** A billion-laughs document: 9 levels of 9 aliases each, 9^9 strings once expanded. */
function billionLaughs(): string {
  const names = 'abcdefghi'.split('');
  return ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...names.slice(1).map((name, i) => `${name}: &${name} [${Array(9).fill(`*${names[i]}`).join(', ')}]`), 'approvers: *i'].join('\n');
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embargo-limits-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('workspace input limits', () => {
  it('refuses an mbox past the byte limit before splitting it', () => {
    vi.mocked(mbox.splitMbox).mockClear();
    const error = refusal(() => fixFromMbox(untouchable, Buffer.alloc(LIMITS.mboxBytes + 1, 'x'), 'a'.repeat(40)));
    expect(error.code).toBe('InputTooLarge');
    expect(error.data).toEqual({ what: 'mbox', limit: LIMITS.mboxBytes, actual: LIMITS.mboxBytes + 1 });
    expect(mbox.splitMbox).not.toHaveBeenCalled();
  });

  it('refuses an mbox with more mails than the limit before parsing any mail', () => {
    vi.mocked(mbox.parseMail).mockClear();
    const series = Buffer.from(Array(LIMITS.mailsPerMbox + 1).fill('From 0 Mon Jan  1 00:00:00 2001\nSubject: x\n\n').join(''));
    const error = refusal(() => fixFromMbox(untouchable, series, 'a'.repeat(40)));
    expect(error.data).toEqual({ what: 'mbox', limit: LIMITS.mailsPerMbox, actual: LIMITS.mailsPerMbox + 1 });
    expect(mbox.parseMail).not.toHaveBeenCalled();
  });

  it('refuses a bundle past the byte limit before reading its header', async () => {
    const file = join(dir, 'huge.bundle');
    await writeFile(file, '# v2 git bundle\n');
    await truncate(file, LIMITS.bundleBytes + 1); // sparse: nothing is written
    const error = refusal(() => fixFromBundle(untouchable, file));
    expect(error.data).toEqual({ what: 'fix bundle', limit: LIMITS.bundleBytes, actual: LIMITS.bundleBytes + 1 });
  });

  it('refuses a file past its limit on its size, without reading it', async () => {
    const file = join(dir, 'huge.mbox');
    await writeFile(file, '');
    await truncate(file, LIMITS.mboxBytes + 1);
    expect(refusal(() => readFileWithin(file, LIMITS.mboxBytes, 'mbox')).code).toBe('InputTooLarge');
    await truncate(file, 10);
    expect(readFileWithin(file, LIMITS.mboxBytes, 'mbox')).toHaveLength(10);
  });

  it('refuses a billion-laughs OWNERS file with InputTooLarge instead of expanding it', () => {
    const error = refusal(() => parseOwnersYaml(billionLaughs()));
    expect(error.code).toBe('InputTooLarge');
    expect(error.data).toMatchObject({ what: 'OWNERS aliases', limit: LIMITS.yamlAliases });
  });

  it('still reads OWNERS files with a few aliases, and a broken one names nobody', () => {
    const text = 'base: &team [alice, bob]\napprovers: *team\nreviewers: *team\n';
    expect(parseOwnersYaml(text)).toMatchObject({ approvers: ['alice', 'bob'], reviewers: ['alice', 'bob'] });
    expect(parseOwnersYaml('approvers: [unclosed')).toBeNull();
  });
});
