// `advisory.export`: Build, validate and optionally write an advisory document from a case (CVE JSON 5.1,
// OSV, CSAF 2.0, OpenVEX 0.2.0, tracking issue, release-notes CVE map).
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { advisoryMethods } from '../../shared/contract/advisory.ts';
import type { CoreSession } from '../session.ts';
import { exportAdvisory } from './export-advisory.ts';
import { layerPublisher, readAdvisorySettings } from './settings.ts';

export function exportHandler(session: CoreSession): HandlerOf<(typeof advisoryMethods)['advisory.export']> {
  return async (input) => {
  const stored = (await readAdvisorySettings(session)).publisher;
  return exportAdvisory(session.cases(), { ...input, publisher: layerPublisher(stored, input.publisher) });
};
}
