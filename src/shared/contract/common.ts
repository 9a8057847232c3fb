import { z } from 'zod';

/** An instant with an explicit offset (RFC 3339 / ISO 8601), e.g. 2026-11-27T16:00:00Z. */
export const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time with zone offset');

export const empty = z.strictObject({});
export const ok = z.strictObject({ ok: z.literal(true) });

export const passphrase = z.string().min(1, 'the passphrase is empty').max(1024);

/** A case id as the vault assigns it: EMB-0001. */
export const caseId = z.string().regex(/^EMB-\d{4,}$/, 'a case id looks like EMB-0001');
