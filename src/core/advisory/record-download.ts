// advisory.recordDownload: the UI cannot write files (the sandboxed renderer hands a document
// to the browser as a download), so it reports each download and the core records it as the
// same `advisory.exported` event as a file it writes itself — with no path, since only the
// user knows where the file went, and with the document's SHA-256 the UI computed.
import type { AdvisoryFormat, TimelineEvent } from '../../shared/contract/index.ts';
import { mutateCase, readCase, toRecord, type CaseContext } from '../cases/case-store.ts';
import { isPublic } from './export-context.ts';
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { advisoryMethods } from '../../shared/contract/advisory.ts';
import type { CoreSession } from '../session.ts';

export interface DownloadReport {
  id: string;
  format: AdvisoryFormat;
  sha256: string;
  fileName?: string;
}

export async function recordDownload(context: CaseContext, report: DownloadReport): Promise<TimelineEvent> {
  const record = toRecord(await readCase(context, report.id));
  const embargoed = !isPublic(record, context.ports.now());
  const { appended } = await mutateCase(
    context,
    record.id,
    (fields) => fields,
    () => [
      {
        type: 'advisory.exported',
        data: {
          format: report.format,
          file: null,
          downloadedAs: report.fileName ?? null,
          sha256: report.sha256,
          embargoed,
          encrypted: false,
        },
      },
    ],
  );
  const event = appended[0];
  if (!event) throw new Error('the download was not recorded');
  return event;
}

// `advisory.recordDownload`: Record on the timeline that an advisory document left the vault as a plaintext
// download from the UI.
export function recordDownloadHandler(session: CoreSession): HandlerOf<(typeof advisoryMethods)['advisory.recordDownload']> {
  return async (input) => recordDownload(session.cases(), input);
}
