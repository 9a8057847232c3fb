// People the Fix Lead works with: Product Security Team members, Release Managers, Fix Team
// engineers, reporters and distributor contacts, with their emails and key fingerprints.
// Cases, the roster and the distributors list refer to them by id.
import { z } from 'zod';
import { method } from './define.ts';
import { instant } from './common.ts';
import { keyWarning, pgpFingerprint } from './keyring.ts';
import { timeZone } from './process.ts';

export const personRole = z.enum(['pst', 'release-manager', 'fix-team', 'reporter', 'distributor-contact']);
export type PersonRole = z.infer<typeof personRole>;

export const personId = z.string().regex(/^person-[0-9a-f]{8,}$/, 'a person id looks like person-1a2b3c4d');

const name = z.string().trim().min(1, 'the name is empty').max(200);
const email = z.email('not an email address').max(320);

export const personRecord = z.strictObject({
  id: personId,
  name: z.string(),
  emails: z.array(z.string()),
  roles: z.array(personRole),
  fingerprints: z.array(z.string()),
  organisation: z.string(),
  note: z.string(),
  /** The IANA zone they work in (Release Dates are read in it); null: not known. Absent in people written before the field existed. */
  zone: z.string().nullable().optional(),
  createdAt: instant,
  updatedAt: instant,
  /** No longer active; kept so past cases still name them. */
  removedAt: instant.nullable(),
});
export type Person = z.infer<typeof personRecord>;

/** One of a person's keys as the keyring sees it now. */
export const personKeyStatus = z.strictObject({
  fingerprint: z.string(),
  inKeyring: z.boolean(),
  verified: z.boolean(),
  /** Mail to this person can be encrypted to this key now (in the keyring, verified, valid, not weak). */
  canReceive: z.boolean(),
  /** Why not, when canReceive is false. */
  problem: z.string().nullable(),
  warnings: z.array(keyWarning),
});
export type PersonKeyStatus = z.infer<typeof personKeyStatus>;

export const personView = personRecord.extend({
  keys: z.array(personKeyStatus),
  /** At least one key can receive encrypted mail. */
  canReceiveEncrypted: z.boolean(),
});
export type PersonView = z.infer<typeof personView>;

const personFields = {
  name,
  emails: z.array(email).max(20),
  roles: z.array(personRole).max(5),
  fingerprints: z.array(pgpFingerprint).max(20),
  organisation: z.string().trim().max(200),
  note: z.string().max(5000),
  zone: timeZone.nullable(),
};

export const peopleMethods = {
  'people.list': method({
    summary: 'People, optionally by role or matching text; removed people only when asked.',
    input: z.strictObject({
      role: personRole.optional(),
      query: z.string().max(200).optional(),
      includeRemoved: z.boolean().default(false),
    }),
    output: z.array(personView),
  }),
  'people.show': method({ summary: 'One person with the state of their keys.', input: z.strictObject({ id: personId }), output: personView }),
  'people.add': method({
    summary: 'Add a person.',
    input: z.strictObject({
      name,
      emails: personFields.emails.default([]),
      roles: personFields.roles.default([]),
      fingerprints: personFields.fingerprints.default([]),
      organisation: personFields.organisation.default(''),
      note: personFields.note.default(''),
      zone: personFields.zone.default(null),
    }),
    output: personView,
  }),
  'people.update': method({
    summary: 'Change a person; lists given replace the old ones.',
    input: z.strictObject({ id: personId, ...z.strictObject(personFields).partial().shape }),
    output: personView,
  }),
  'people.remove': method({
    summary: 'Mark a person as no longer active (kept for the history of past cases).',
    input: z.strictObject({ id: personId }),
    output: personView,
  }),
} as const;
