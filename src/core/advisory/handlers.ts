import type { Handlers } from '../../shared/contract/index.ts';
import type { CoreSession } from '../session.ts';
import { exportAdvisory } from './export-advisory.ts';
import { recordDownload } from './record-download.ts';

type AdvisoryHandlers = Pick<Handlers, 'advisory.export' | 'advisory.recordDownload'>;

export function advisoryHandlers(session: CoreSession): AdvisoryHandlers {
  return {
    'advisory.export': async (input) => exportAdvisory(session.cases(), input),
    'advisory.recordDownload': async (input) => recordDownload(session.cases(), input),
  };
}
