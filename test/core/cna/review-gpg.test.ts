// The second review of a CVE record, with the real GnuPG: another PST member signs the review
// text (canonical JSON) on their own machine with gpg; the vault checks it, refuses the Fix
// Lead and unknown keys, and a change to the record after signing voids the review. The
// publishing package verifies with `gpg --verify` and its files validate against the official
// CVE JSON 5.1.1 schemas (an Ajv built from ../shared/schemas, not the app's copy).
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { freshVault } from '../../helpers/core.ts';
import { WELL_FILLED } from '../advisory/case-fixture.ts';
import { officialCve, SHARED_SCHEMAS } from '../advisory/official-schemas.ts';
import { tempGpg, statusOf, type Gpg } from '../keyring/gpg.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
// gpg signs at the real time: the vault's clock starts there (a signature from its future is refused)
let offset = 0;
const RELEASE = new Date(Date.now() + 30 * 86_400_000).toISOString();

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: unknown) => void;
function cnaContainerSchema() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addMetaSchema({}, 'http://json-schema.org/draft-04/schema#', false);
  return ajv.compile(JSON.parse(readFileSync(join(SHARED_SCHEMAS, 'cve', 'CVE_JSON_cnaPublishedContainer_5.1.1.json'), 'utf8')) as object);
}

describe('second review of the CVE record (real gpg)', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  let gpg: Gpg;
  let id: string;
  let reviewerFpr: string;
  let leadFpr: string;
  let ownFpr: string;
  let leadId: string;
  let reviewerId: string;

  beforeAll(async () => {
    vault = await freshVault({ ports: { now: () => new Date(Date.now() + offset), randomBytes: (n) => new Uint8Array(randomBytes(n)) }, createOptions: { kdf: CHEAP_KDF } });
    gpg = await tempGpg();
    reviewerFpr = gpg.generate('Rita Reviewer <rita@example.org>', 'ed25519', 'cv25519');
    leadFpr = gpg.generate('Lee Lead <lee@example.org>', 'ed25519', 'cv25519');
    await vault.call('keyring.import', { data: { text: gpg.ok(['--armor', '--export', reviewerFpr, leadFpr]).stdout.toString() } });
    ownFpr = (await vault.call('keyring.generate', { name: 'Olga Own', email: 'olga@example.org' })).fingerprint;
    reviewerId = (await vault.call('people.add', { name: 'Rita Reviewer', roles: ['pst'], fingerprints: [reviewerFpr] })).id;
    leadId = (await vault.call('people.add', { name: 'Lee Lead', roles: ['pst'], fingerprints: [leadFpr] })).id;
    await vault.call('people.add', { name: 'Olga Own', roles: ['pst'], fingerprints: [ownFpr] });
    id = (await vault.call('case.create', { title: 'Kubelet subPath symlink escape', disclosedAt: '2026-11-20T09:30:00Z' })).id;
    await vault.call('case.update', { id, edits: { ...WELL_FILLED, releaseDate: RELEASE, people: { fixLead: leadId, fixTeam: [], releaseManagers: [], reporter: null } } });
  }, 120_000);
  afterAll(async () => {
    await vault.cleanup();
    await gpg.cleanup();
  });

  async function reviewFile(): Promise<{ file: string; text: string }> {
    const file = join(vault.dir, '..', `review-${Date.now()}.json`);
    const made = await vault.call('cve.reviewText', { id, output: file });
    expect(made.written).toBe(file);
    expect(made.warnings.join(' ')).toMatch(/under embargo/);
    expect(await readFile(file, 'utf8')).toBe(made.text);
    return { file, text: made.text };
  }

  it('without a review the record is not ready, and no publishing package is written', async () => {
    const status = await vault.call('cve.status', { id });
    expect(status).toMatchObject({ review: 'none', ready: false, cve: 'CVE-2026-31337' });
    const refused = await vault.result('cve.publishBundle', { id, dir: join(vault.dir, '..', 'bundle-none') });
    expect(refused.ok === false && refused.error.code).toBe('NotAllowed');
  });

  it('the review text is canonical JSON of a schema-valid record', async () => {
    const { text } = await reviewFile();
    const parsed = JSON.parse(text) as object;
    const validate = officialCve();
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(text).not.toMatch(/\n/);
    expect(text.startsWith('{"containers":')).toBe(true);
    expect((await vault.call('cve.status', { id })).review).toBe('requested');
  });

  it("the Fix Lead's own gpg signature is refused: the second reviewer must be someone else", async () => {
    const { file } = await reviewFile();
    gpg.ok(['--local-user', leadFpr, '--armor', '--detach-sign', '--output', `${file}.asc`, file]);
    const refused = await vault.result('cve.review', { id, signature: await readFile(`${file}.asc`, 'utf8') });
    expect(refused.ok === false && refused.error.code).toBe('NotAllowed');
    expect(refused.ok === false && refused.error.data?.reason).toBe('reviewer-is-fix-lead');
  });

  it('a signature over other bytes is BadSignature, and nothing is recorded', async () => {
    const { file, text } = await reviewFile();
    await writeFile(`${file}.other`, text.replace('Kubelet', 'Kubelex'));
    gpg.ok(['--local-user', reviewerFpr, '--armor', '--detach-sign', '--output', `${file}.asc`, `${file}.other`]);
    const before = (await vault.call('case.show', { id })).eventCount;
    const refused = await vault.result('cve.review', { id, signature: await readFile(`${file}.asc`, 'utf8') });
    expect(refused.ok === false && refused.error.code).toBe('BadSignature');
    expect((await vault.call('case.show', { id })).eventCount).toBe(before);
  });

  it("another PST member's gpg signature makes it ready; the package verifies with gpg and validates", async () => {
    const { file } = await reviewFile();
    gpg.ok(['--local-user', reviewerFpr, '--armor', '--detach-sign', '--output', `${file}.asc`, file]);
    const event = await vault.call('cve.review', { id, signature: await readFile(`${file}.asc`, 'utf8') });
    expect(event.type).toBe('cve.reviewed');
    expect(event.data).toMatchObject({ reviewer: reviewerId, fingerprint: reviewerFpr });
    const status = await vault.call('cve.status', { id });
    expect(status).toMatchObject({ review: 'valid', ready: true, reviewer: { person: reviewerId, name: 'Rita Reviewer' } });

    const dir = join(vault.dir, '..', 'bundle');
    const bundle = await vault.call('cve.publishBundle', { id, dir });
    const verified = gpg.run(['--verify', bundle.files.signature, bundle.files.record]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(statusOf(verified, 'VALIDSIG')[0]).toContain(reviewerFpr);
    const record = JSON.parse(await readFile(bundle.files.record, 'utf8')) as object;
    expect(officialCve()(record)).toBe(true);
    const container = cnaContainerSchema();
    expect(container(JSON.parse(await readFile(bundle.files.cnaContainer, 'utf8'))), JSON.stringify(container.errors)).toBe(true);
    expect(bundle.commands).toContain('cve publish CVE-2026-31337 -f CVE-2026-31337.cna.json');
    expect(await readFile(bundle.files.script, 'utf8')).toContain('cve publish CVE-2026-31337 -f CVE-2026-31337.cna.json');
    expect((await vault.call('case.timeline', { id })).at(-1)?.type).toBe('cve.publish-bundle-written');
  });

  it('the review survives time passing, but a changed record after signing voids it', async () => {
    offset = 86_400_000;
    expect((await vault.call('cve.status', { id })).review).toBe('valid');
    await vault.call('case.update', { id, edits: { workarounds: 'Upgrade now.' } });
    const status = await vault.call('cve.status', { id });
    expect(status).toMatchObject({ review: 'stale', ready: false });
    expect(status.problems.join(' ')).toMatch(/changed after Rita Reviewer signed/);
    const refused = await vault.result('cve.publishBundle', { id, dir: join(vault.dir, '..', 'bundle-stale') });
    expect(refused.ok === false && refused.error.code).toBe('NotAllowed');
  });

  it('a review signed with the vault\'s own key (a PST member, not the Fix Lead) verifies with gpg', async () => {
    const { file } = await reviewFile();
    const event = await vault.call('cve.review', { id });
    expect(event.data.fingerprint).toBe(ownFpr);
    await writeFile(`${file}.asc`, String(event.data.signature));
    gpg.ok(['--import'], await vault.call('keyring.exportPublic', { fingerprint: ownFpr }).then((k) => k.armored));
    const verified = gpg.run(['--verify', `${file}.asc`, file]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(statusOf(verified, 'VALIDSIG')[0]).toContain(ownFpr);
    expect((await vault.call('cve.status', { id })).ready).toBe(true);
  });
});
