import type { HandlersOf } from '../../shared/contract/define.ts';
import type { advisoryMethods } from '../../shared/contract/advisory.ts';
import type { CoreSession } from '../session.ts';
import { exportHandler } from './export.ts';
import { recordDownloadHandler } from './record-download.ts';
import { settingsHandler } from './settings.ts';
import { suggestDescriptionHandler } from './suggest-description.ts';
import { updateSettingsHandler } from './update-settings.ts';

export function advisoryHandlers(session: CoreSession): HandlersOf<typeof advisoryMethods> {
  return {
    'advisory.export': exportHandler(session),
    'advisory.recordDownload': recordDownloadHandler(session),
    'advisory.settings': settingsHandler(session),
    'advisory.updateSettings': updateSettingsHandler(session),
    'advisory.suggestDescription': suggestDescriptionHandler(session),
  };
}
