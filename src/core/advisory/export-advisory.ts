// advisory.export: build and check the document, and when asked, write it. A file written in
// plaintext while the case is still under embargo (its Release Date has not passed) comes with
// a warning, and every file written is an `advisory.exported` event on the case's timeline
// (with the file and the document's SHA-256), so what left the vault is on record. If the
// event cannot be recorded, the file is removed again.
import { createHash } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { AdvisoryExport, AdvisoryFormat, AdvisoryPublisher } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { mutateCase, readCase, toRecord, type CaseContext } from '../cases/case-store.ts';
import { writeFileAtomic } from '../vault/atomic-write.ts';
import { buildDocument } from './build-document.ts';
import { isPublic, resolvePublisher } from './export-context.ts';

export interface ExportRequest {
  id: string;
  format: AdvisoryFormat;
  output?: string;
  prs?: number[];
  publisher?: AdvisoryPublisher;
  cnaContainer?: boolean;
  tlp?: 'RED' | 'AMBER';
}

export async function exportAdvisory(context: CaseContext, request: ExportRequest): Promise<AdvisoryExport> {
  const record = toRecord(await readCase(context, request.id));
  const now = context.ports.now();
  const built = await buildDocument(request.format, {
    record,
    publisher: resolvePublisher(request.publisher),
    now,
    prs: request.prs ?? [],
    cnaContainerOnly: request.cnaContainer === true,
    ...(request.tlp ? { embargoTlp: request.tlp } : {}),
  });
  const warnings = [...built.warnings];
  const embargoed = !isPublic(record, now);
  if (embargoed) {
    const until = record.releaseDate ? `its Release Date, ${record.releaseDate}` : 'a Release Date, which is not set yet';
    warnings.unshift(`${record.id} is under embargo until ${until}: this ${request.format} export is plaintext and NOT encrypted; keep it off shared disks and do not publish it before then.`);
  }
  if (request.output === undefined) {
    return { format: request.format, text: built.text, mediaType: built.mediaType, validation: { valid: true, checkedAgainst: built.checkedAgainst }, written: null, warnings };
  }

  const file = request.output;
  if (!isAbsolute(file)) throw new EmbargoError('InvalidInput', `The output path must be absolute: ${file}.`, { output: file });
  await writeFileAtomic(file, new TextEncoder().encode(built.text));
  const sha256 = createHash('sha256').update(built.text, 'utf8').digest('hex');
  try {
    await mutateCase(
      context,
      record.id,
      (fields) => fields,
      () => [{ type: 'advisory.exported', data: { format: request.format, file, sha256, embargoed, encrypted: false } }],
    );
  } catch (error) {
    await unlink(file).catch(() => undefined);
    throw error;
  }
  return { format: request.format, text: built.text, mediaType: built.mediaType, validation: { valid: true, checkedAgainst: built.checkedAgainst }, written: file, warnings };
}
