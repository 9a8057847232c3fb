// `advisory.updateSettings`: Change the publisher settings (fields given replace the stored ones; products
// merge by case product name).
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { advisoryMethods } from '../../shared/contract/advisory.ts';
import type { CoreSession } from '../session.ts';
import { updateAdvisorySettings } from './settings.ts';

export function updateSettingsHandler(session: CoreSession): HandlerOf<(typeof advisoryMethods)['advisory.updateSettings']> {
  return async (change) => updateAdvisorySettings(session, change);
}
