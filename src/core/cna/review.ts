// The second review of a CVE record before it is published. The record is frozen as canonical
// JSON (RFC 8785) with its providerMetadata.dateUpdated fixed at the time the review text was
// made; a PST member who is not the case's Fix Lead signs those exact bytes (a detached
// OpenPGP signature: `gpg --armor --detach-sign`, or this vault's own key). The review stays
// valid while the case still yields the same bytes: any change to the record after signing
// makes it stale, and a stale record is not ready.
import { createHash } from 'node:crypto';
import { isAbsolute, join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { CveStatus, TimelineEvent } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { mutateCase, readCase, toRecord } from '../cases/case-store.ts';
import type { CaseDocument } from '../vault/documents.ts';
import { buildDocument } from '../advisory/build-document.ts';
import { isPublic, resolvePublisher } from '../advisory/export-context.ts';
import { readAdvisorySettings } from '../advisory/settings.ts';
import { writeFileAtomic } from '../vault/atomic-write.ts';
import type { CoreSession } from '../session.ts';
import { canonicalJson } from './canonical.ts';
import { publishCommands } from './cvelib.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface Frozen {
  text: string;
  sha256: string;
  record: Record<string, unknown> & { containers: { cna: Record<string, unknown> } };
}

/** The case's CVE record, checked against the official schemas, as canonical JSON at `dateUpdated`. */
async function frozenRecord(session: CoreSession, document: CaseDocument, dateUpdated: string): Promise<Frozen> {
  const built = await buildDocument('cve', {
    record: toRecord(document),
    publisher: resolvePublisher((await readAdvisorySettings(session)).publisher),
    now: new Date(dateUpdated),
    prs: [],
  });
  const record = JSON.parse(built.text) as Frozen['record'];
  const text = canonicalJson(record);
  return { text, sha256: sha256(text), record };
}

function lastEvent(document: CaseDocument, type: string): TimelineEvent | undefined {
  return [...document.events].reverse().find((event) => event.type === type);
}

function embargoWarning(document: CaseDocument, now: Date, what: string): string[] {
  const record = toRecord(document);
  if (isPublic(record, now)) return [];
  return [`${record.id} is under embargo: ${what} is plaintext and NOT encrypted; hand it over encrypted and keep it off shared disks.`];
}

export async function reviewText(session: CoreSession, caseId: string, output: string | undefined) {
  const context = session.cases();
  const document = await readCase(context, caseId);
  const now = session.ports.now();
  const dateUpdated = now.toISOString();
  const frozen = await frozenRecord(session, document, dateUpdated);
  if (output !== undefined && !isAbsolute(output)) throw new EmbargoError('InvalidInput', `The output path must be absolute: ${output}.`, { output });
  if (output !== undefined) await writeFileAtomic(output, new TextEncoder().encode(frozen.text));
  await mutateCase(
    context,
    caseId,
    (fields) => fields,
    () => [{ type: 'cve.review-requested', data: { cve: document.case.cve, sha256: frozen.sha256, dateUpdated, file: output ?? null } }],
  );
  const file = output ?? `${String(document.case.cve)}.json`;
  return {
    text: frozen.text,
    sha256: frozen.sha256,
    dateUpdated,
    written: output ?? null,
    signCommand: `gpg --armor --detach-sign --output ${file}.asc ${file}`,
    warnings: output !== undefined ? embargoWarning(document, now, 'the review text') : [],
  };
}

interface Reviewer {
  person: string;
  name: string;
  fingerprint: string;
}

/** The signer must be a PST member of the people list, and not the case's Fix Lead. */
async function requireSecondReviewer(session: CoreSession, document: CaseDocument, fingerprint: string): Promise<Reviewer> {
  const { readPeople } = await import('../people/store.ts');
  const people = Object.values((await readPeople(session)).people).filter((person) => person.removedAt === null);
  const fpr = fingerprint.toUpperCase();
  const owner = people.find((person) => person.fingerprints.some((f) => f.toUpperCase() === fpr));
  const fixLead = document.case.people.fixLead;
  if (!owner) throw new EmbargoError('NotAllowed', `The key ${fpr} belongs to nobody on the people list; the second reviewer is a PST member with that key.`, { fingerprint: fpr, reason: 'unknown-reviewer' });
  if (fixLead !== null && (owner.id === fixLead || owner.name === fixLead)) {
    throw new EmbargoError('NotAllowed', `${owner.name} is the Fix Lead of ${document.case.id}: the second reviewer must be another PST member.`, { fingerprint: fpr, person: owner.id, reason: 'reviewer-is-fix-lead' });
  }
  if (!owner.roles.includes('pst')) throw new EmbargoError('NotAllowed', `${owner.name} is not a PST member; the second reviewer must be one.`, { fingerprint: fpr, person: owner.id, reason: 'reviewer-not-pst' });
  return { person: owner.id, name: owner.name, fingerprint: fpr };
}

export async function recordReview(session: CoreSession, caseId: string, armored: string | undefined): Promise<TimelineEvent> {
  const context = session.cases();
  const document = await readCase(context, caseId);
  const requested = lastEvent(document, 'cve.review-requested');
  if (!requested) throw new EmbargoError('NotAllowed', `No review text was made for ${caseId}: make it first ("embargo cve review-text ${caseId}").`, { id: caseId, reason: 'no-review-text' });
  const dateUpdated = String(requested.data.dateUpdated);
  const frozen = await frozenRecord(session, document, dateUpdated);
  if (frozen.sha256 !== requested.data.sha256) {
    throw new EmbargoError('Conflict', `The CVE record of ${caseId} changed after the review text was made: make a new review text and have it signed again.`, { id: caseId, reason: 'record-changed' });
  }
  const data = new TextEncoder().encode(frozen.text);
  const { signBytes, verifyBytes } = await import('../keyring/detached.ts');
  let signature: string;
  let fingerprint: string;
  if (armored === undefined) {
    const signed = await signBytes(session, data);
    signature = signed.armored;
    fingerprint = signed.signedBy;
  } else {
    const reports = await verifyBytes(session, data, new TextEncoder().encode(armored));
    const good = reports.find((report) => report.valid && report.fingerprint !== null);
    if (!good) {
      const why = reports.map((report) => report.reason ?? report.verdict).join('; ') || 'no signature';
      throw new EmbargoError('BadSignature', `The signature does not check over the review text of ${caseId}: ${why}.`, { id: caseId, verdicts: reports.map((r) => r.verdict) });
    }
    signature = armored;
    fingerprint = good.fingerprint as string;
  }
  const reviewer = await requireSecondReviewer(session, document, fingerprint);
  const { appended } = await mutateCase(
    context,
    caseId,
    (fields) => fields,
    () => [{ type: 'cve.reviewed', data: { cve: document.case.cve, sha256: frozen.sha256, dateUpdated, reviewer: reviewer.person, name: reviewer.name, fingerprint: reviewer.fingerprint, signature } }],
  );
  return appended.at(-1) as TimelineEvent;
}

async function statusOf(session: CoreSession, document: CaseDocument): Promise<CveStatus & { frozen: Frozen | null; signature: string | null }> {
  const id = document.case.id;
  const cve = document.case.cve;
  const problems: string[] = [];
  if (cve === null) problems.push('the case has no CVE ID (assign one with "embargo cve assign")');
  const reviewed = lastEvent(document, 'cve.reviewed');
  const requested = lastEvent(document, 'cve.review-requested');
  const base = { id, cve, reviewer: null, sha256: null, frozen: null, signature: null };
  if (!reviewed || (requested && requested.seq > reviewed.seq)) {
    problems.push(requested ? 'the review text waits for the second reviewer\'s signature' : 'no second review yet (make the review text and have another PST member sign it)');
    return { ...base, review: requested ? 'requested' : 'none', sha256: requested ? String(requested.data.sha256) : null, ready: false, problems };
  }
  const reviewer = { person: String(reviewed.data.reviewer), name: String(reviewed.data.name), fingerprint: String(reviewed.data.fingerprint), signedAt: reviewed.at };
  let frozen: Frozen | null = null;
  try {
    frozen = await frozenRecord(session, document, String(reviewed.data.dateUpdated));
  } catch (error) {
    if (!(error instanceof EmbargoError && error.code === 'ExportInvalid')) throw error;
    problems.push(`the record no longer validates: ${error.message}`);
  }
  const unchanged = frozen !== null && frozen.sha256 === reviewed.data.sha256;
  if (frozen !== null && !unchanged) problems.push(`the record changed after ${reviewer.name} signed it: the review is void, have it reviewed again`);
  return {
    ...base,
    review: unchanged ? 'valid' : 'stale',
    reviewer,
    sha256: String(reviewed.data.sha256),
    ready: unchanged && cve !== null,
    problems,
    frozen: unchanged ? frozen : null,
    signature: String(reviewed.data.signature),
  };
}

export async function cveStatus(session: CoreSession, caseId: string): Promise<CveStatus> {
  const { frozen: _f, signature: _s, ...status } = await statusOf(session, await readCase(session.cases(), caseId));
  return status;
}

export async function publishBundle(session: CoreSession, caseId: string, dir: string) {
  if (!isAbsolute(dir)) throw new EmbargoError('InvalidInput', `The directory must be absolute: ${dir}.`, { dir });
  const context = session.cases();
  const document = await readCase(context, caseId);
  const status = await statusOf(session, document);
  if (!status.ready || !status.frozen || status.signature === null || status.cve === null) {
    throw new EmbargoError('NotAllowed', `The CVE record of ${caseId} is not ready: ${status.problems.join('; ')}.`, { id: caseId, review: status.review, problems: status.problems });
  }
  const cve = status.cve;
  const files = {
    record: join(dir, `${cve}.json`),
    signature: join(dir, `${cve}.json.asc`),
    cnaContainer: join(dir, `${cve}.cna.json`),
    script: join(dir, `publish-${cve}.sh`),
  };
  const commands = publishCommands(cve, { record: `${cve}.json`, signature: `${cve}.json.asc`, cnaContainer: `${cve}.cna.json` });
  const script = ['#!/bin/sh', `# Publish ${cve} with cvelib (https://github.com/RedHatProductSecurity/cvelib) on a connected machine.`, '# Set CVE_USER, CVE_ORG and CVE_API_KEY first.', 'set -eu', `cd "$(dirname "$0")"`, ...commands, ''].join('\n');
  await mkdir(dir, { recursive: true });
  const encode = (text: string) => new TextEncoder().encode(text);
  await writeFileAtomic(files.record, encode(status.frozen.text));
  await writeFileAtomic(files.signature, encode(status.signature));
  await writeFileAtomic(files.cnaContainer, encode(`${JSON.stringify(status.frozen.record.containers.cna, null, 2)}\n`));
  await writeFileAtomic(files.script, encode(script));
  await mutateCase(
    context,
    caseId,
    (fields) => fields,
    () => [{ type: 'cve.publish-bundle-written', data: { cve, dir, sha256: status.sha256, reviewer: status.reviewer?.person ?? null, embargoed: !isPublic(toRecord(document), session.ports.now()) } }],
  );
  return { cve, files, commands, warnings: embargoWarning(document, session.ports.now(), 'the publishing package') };
}
