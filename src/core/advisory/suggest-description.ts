// `advisory.suggestDescription`: Offer the CVE description in the CNA pattern; nothing is changed (the record
// keeps the text as written).
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { advisoryMethods } from '../../shared/contract/advisory.ts';
import type { CoreSession } from '../session.ts';
import { readCase, toRecord } from '../cases/case-store.ts';
import { suggestCveDescription } from './cve-description.ts';
import { resolvePublisher } from './export-context.ts';
import { readAdvisorySettings } from './settings.ts';

export function suggestDescriptionHandler(session: CoreSession): HandlerOf<(typeof advisoryMethods)['advisory.suggestDescription']> {
  return async ({ id }) => {
  const record = toRecord(await readCase(session.cases(), id));
  return suggestCveDescription(record, resolvePublisher((await readAdvisorySettings(session)).publisher));
};
}
