import type { Handlers } from '../../shared/contract/index.ts';
import type { CoreSession } from '../session.ts';
import { exportAdvisory } from './export-advisory.ts';

type AdvisoryHandlers = Pick<Handlers, 'advisory.export'>;

export function advisoryHandlers(session: CoreSession): AdvisoryHandlers {
  return {
    'advisory.export': async (input) => exportAdvisory(session.cases(), input),
  };
}
