import type { Handlers } from '../../shared/contract/index.ts';
import { readCase, toRecord } from '../cases/case-store.ts';
import type { CoreSession } from '../session.ts';
import { suggestCveDescription } from './cve-description.ts';
import { exportAdvisory } from './export-advisory.ts';
import { resolvePublisher } from './export-context.ts';
import { recordDownload } from './record-download.ts';
import { layerPublisher, readAdvisorySettings, updateAdvisorySettings } from './settings.ts';

type AdvisoryHandlers = Pick<Handlers, 'advisory.export' | 'advisory.recordDownload' | 'advisory.settings' | 'advisory.updateSettings' | 'advisory.suggestDescription'>;

export function advisoryHandlers(session: CoreSession): AdvisoryHandlers {
  return {
    'advisory.export': async (input) => {
      const stored = (await readAdvisorySettings(session)).publisher;
      return exportAdvisory(session.cases(), { ...input, publisher: layerPublisher(stored, input.publisher) });
    },
    'advisory.recordDownload': async (input) => recordDownload(session.cases(), input),
    'advisory.settings': async () => readAdvisorySettings(session),
    'advisory.updateSettings': async (change) => updateAdvisorySettings(session, change),
    'advisory.suggestDescription': async ({ id }) => {
      const record = toRecord(await readCase(session.cases(), id));
      return suggestCveDescription(record, resolvePublisher((await readAdvisorySettings(session)).publisher));
    },
  };
}
