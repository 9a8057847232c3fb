// advisory.settings / advisory.updateSettings: the publisher every export of this vault starts
// from (the CNA identity, the vendor, and the product naming the CNA uses), sealed in the vault
// like the other vault-wide documents. A request's own publisher fields still win.
import type { AdvisoryPublisher, AdvisorySettings } from '../../shared/contract/index.ts';
import { mutateDocument, readDocument, type DocumentSpec } from '../keyring/vault-document.ts';
import type { CoreSession } from '../session.ts';
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { advisoryMethods } from '../../shared/contract/advisory.ts';

interface AdvisorySettingsDocument {
  schemaVersion: number;
  publisher: AdvisoryPublisher;
}

const ADVISORY_SETTINGS_DOCUMENT: DocumentSpec<AdvisorySettingsDocument> = {
  name: 'advisory-settings',
  initial: () => ({ schemaVersion: 1, publisher: {} }),
};

export async function readAdvisorySettings(session: CoreSession): Promise<AdvisorySettings> {
  return { publisher: (await readDocument(session, ADVISORY_SETTINGS_DOCUMENT)).publisher };
}

/** Stored settings under a request's overrides; products merge by the case's product name. */
export function layerPublisher(stored: AdvisoryPublisher, request: AdvisoryPublisher | undefined): AdvisoryPublisher {
  const products = { ...(stored.products ?? {}), ...(request?.products ?? {}) };
  return { ...stored, ...(request ?? {}), ...(Object.keys(products).length > 0 ? { products } : {}) };
}

export async function updateAdvisorySettings(session: CoreSession, change: AdvisorySettings): Promise<AdvisorySettings> {
  await mutateDocument(session, ADVISORY_SETTINGS_DOCUMENT, (draft) => {
    draft.publisher = layerPublisher(draft.publisher, change.publisher);
  });
  return readAdvisorySettings(session);
}

// `advisory.settings`: The vault-wide publisher settings: CNA identity, vendor and product naming.
export function settingsHandler(session: CoreSession): HandlerOf<(typeof advisoryMethods)['advisory.settings']> {
  return async () => readAdvisorySettings(session);
}
