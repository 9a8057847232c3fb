// `embargo advisory cve|osv|csaf|issue|release-notes` against a real vault: documents on
// stdout, files with -o, the embargo warning on stderr, and a refusal that writes nothing.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, testCore } from '../helpers/core.ts';
import { runCli } from '../helpers/cli.ts';
import { WELL_FILLED } from '../core/advisory/case-fixture.ts';
import { officialCsaf, officialCve, officialOpenVex, officialOsv } from '../core/advisory/official-schemas.ts';

describe('embargo advisory', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let vault: string;
  const env = { EMBARGO_PASSPHRASE: 'advisory cli test passphrase' };

  beforeAll(async () => {
    root = await tempDir('embargo-advisory-cli-');
    vault = join(root.path, 'vault');
    expect((await runCli(['--vault', vault, 'vault', 'init'], env)).code).toBe(0);
    expect((await runCli(['--vault', vault, 'case', 'create', '--title', 'Kubelet subPath symlink escape', '--disclosed-at', '2026-11-20T09:30:00Z'], env)).code).toBe(0);
    // Fill the case through the core (the CLI's field options are not all there yet).
    const core = testCore(vault);
    await core.call('vault.unlock', { passphrase: env.EMBARGO_PASSPHRASE });
    await core.call('case.update', { id: 'EMB-0001', edits: { ...WELL_FILLED, releaseDate: '2099-12-02T16:00:00Z' } });
    await core.core.lock();
  });
  afterAll(async () => root.remove());

  it('prints the CVE record with --json, valid against the official schema, and warns about the embargo', async () => {
    const run = await runCli(['--vault', vault, '--json', 'advisory', 'cve', 'EMB-0001'], env);
    expect(run.code).toBe(0);
    const record = run.json() as { cveMetadata: { cveId: string } };
    expect(record.cveMetadata.cveId).toBe('CVE-2026-31337');
    expect(officialCve()(record)).toBe(true);
    expect(run.stderr).toMatch(/warning: EMB-0001 is under embargo until its Release Date, 2099-12-02T16:00:00\.000Z/);
  });

  it('prints only the CNA container with --cna-container (what cvelib publishes)', async () => {
    const run = await runCli(['--vault', vault, '--json', 'advisory', 'cve', 'EMB-0001', '--cna-container'], env);
    expect(run.code).toBe(0);
    const container = run.json() as Record<string, unknown>;
    expect(container.cveMetadata).toBeUndefined();
    expect(container.providerMetadata).toEqual({
      orgId: 'a6081bf6-c852-4425-ad4f-a67919267565',
      shortName: 'kubernetes',
      dateUpdated: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
    });
    expect(Object.keys(container)).toEqual(expect.arrayContaining(['descriptions', 'affected', 'references', 'metrics']));
  });

  it('writes the OSV record with -o and reports the file', async () => {
    const file = join(root.path, 'osv.json');
    const run = await runCli(['--vault', vault, '--json', 'advisory', 'osv', 'EMB-0001', '-o', file], env);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ output: file, format: 'osv', checkedAgainst: ['osv/schema.json'] });
    expect(officialOsv()(JSON.parse(await readFile(file, 'utf8')))).toBe(true);
    expect(run.stderr).toMatch(/plaintext and NOT encrypted/);
  });

  it('prints the tracking issue for people, and the release-notes map for the given PRs', async () => {
    const issue = await runCli(['--vault', vault, 'advisory', 'issue', 'EMB-0001'], env);
    expect(issue.code).toBe(0);
    expect(issue.stdout).toMatch(/^Title: {2}CVE-2026-31337: Kubelet follows symlinks in subPath volume mounts\n/);
    expect(issue.stdout).toContain('### Am I vulnerable?');
    const notes = await runCli(['--vault', vault, 'advisory', 'release-notes', 'EMB-0001', '--pr', '131401', '--pr', '#131402'], env);
    expect(notes.code).toBe(0);
    expect(notes.stdout.match(/^---$/gm)).toHaveLength(2);
    expect(notes.stdout).toContain('pr: 131402');
    const missing = await runCli(['--vault', vault, 'advisory', 'release-notes', 'EMB-0001'], env);
    expect(missing.code).toBe(2);
  });

  it('writes the CSAF advisory with -o', async () => {
    const file = join(root.path, 'csaf.json');
    const run = await runCli(['--vault', vault, 'advisory', 'csaf', 'EMB-0001', '-o', file], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*csaf\.json \(valid: csaf\/csaf_json_schema\.json; CSAF 2\.0 mandatory tests/);
    expect((JSON.parse(await readFile(file, 'utf8')) as { document: { csaf_version: string } }).document.csaf_version).toBe('2.0');
  });

  it('advisory vex: the OpenVEX document, valid against the OpenVEX schema, dated by the Release Date; -o writes it', async () => {
    const run = await runCli(['--vault', vault, '--json', 'advisory', 'vex', 'EMB-0001'], env);
    expect(run.code).toBe(0);
    const document = run.json() as { '@context': string; timestamp: string };
    expect(officialOpenVex()(document), JSON.stringify(officialOpenVex().errors)).toBe(true);
    expect(document).toMatchObject({ '@context': 'https://openvex.dev/ns/v0.2.0', timestamp: '2099-12-02T16:00:00.000Z' });
    expect(run.stderr).toMatch(/under embargo/);
    const file = join(root.path, 'vex.json');
    const written = await runCli(['--vault', vault, '--json', 'advisory', 'vex', 'EMB-0001', '-o', file], env);
    expect(written.json()).toMatchObject({ output: file, format: 'openvex', checkedAgainst: ['openvex/openvex_json_schema.json'] });
    expect(officialOpenVex()(JSON.parse(await readFile(file, 'utf8')))).toBe(true);
  });

  it('advisory csaf --tlp RED under embargo; a bad label is a usage error', async () => {
    const run = await runCli(['--vault', vault, '--json', 'advisory', 'csaf', 'EMB-0001', '--tlp', 'red'], env);
    expect(run.code).toBe(0);
    const document = run.json() as { document: { distribution: { tlp: { label: string } }; tracking: { initial_release_date: string } } };
    expect(officialCsaf()(document)).toBe(true);
    expect(document.document.distribution.tlp.label).toBe('RED');
    expect(document.document.tracking.initial_release_date).toBe('2099-12-02T16:00:00.000Z');
    expect((await runCli(['--vault', vault, 'advisory', 'csaf', 'EMB-0001', '--tlp', 'GREEN'], env)).code).toBe(2);
  });

  it('advisory settings: the OSV ecosystem and the publisher are the vault\'s, not constants', async () => {
    const run = await runCli(['--vault', vault, '--json', 'advisory', 'settings', '--osv-ecosystem', 'Go', '--csaf-publisher-name', 'Envoy Security Team', '--csaf-publisher-namespace', 'https://www.envoyproxy.io', '--security-contact', 'envoy-security@googlegroups.com'], env);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ publisher: { osvEcosystem: 'Go', csafPublisherName: 'Envoy Security Team', securityContact: 'envoy-security@googlegroups.com' } });
    const osv = (await runCli(['--vault', vault, '--json', 'advisory', 'osv', 'EMB-0001'], env)).json() as { affected: { package: { ecosystem: string } }[] };
    expect(osv.affected[0]?.package.ecosystem).toBe('Go');
    const vex = (await runCli(['--vault', vault, '--json', 'advisory', 'vex', 'EMB-0001'], env)).json() as { author: string };
    expect(vex.author).toBe('Envoy Security Team <envoy-security@googlegroups.com>');
    await runCli(['--vault', vault, 'advisory', 'settings', '--osv-ecosystem', 'Kubernetes', '--csaf-publisher-name', 'Kubernetes Security Response Committee', '--csaf-publisher-namespace', 'https://kubernetes.io', '--security-contact', 'security@kubernetes.io'], env);
  });

  it('refuses an export that does not validate, in words, and writes nothing', async () => {
    const core = testCore(vault);
    await core.call('vault.unlock', { passphrase: env.EMBARGO_PASSPHRASE });
    await core.call('case.update', { id: 'EMB-0001', edits: { cve: null } });
    await core.core.lock();
    const file = join(root.path, 'refused.json');
    const run = await runCli(['--vault', vault, '--json', 'advisory', 'cve', 'EMB-0001', '-o', file], env);
    expect(run.code).toBe(1);
    expect(run.json()).toEqual({ error: { code: 'ExportInvalid', message: 'The CVE export was not written: the case has no CVE ID (set it with "case set --cve").' } });
    await expect(stat(file)).rejects.toThrow();
  });
});
