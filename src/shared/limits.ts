// Every limit on what Embargo reads from outside, in one place, so docs/security.md's "Limits"
// table and the code cannot drift apart. Each importer checks the cheapest measure first (bytes,
// before anything is parsed; then counts), and refuses with InputTooLarge {what, limit, actual}.
import { EmbargoError } from './errors.ts';

const MiB = 1024 * 1024;

export const LIMITS = {
  /** Key material in one import (armored or binary), and any message taken in memory. */
  keyBytes: 32 * MiB,
  /** Keys in one import: a full GnuPG keyring export fits comfortably. */
  keysPerImport: 5000,
  /** User IDs (and user attributes) on one key. */
  userIdsPerKey: 100,
  /** Subkeys on one key. */
  subkeysPerKey: 100,
  /** OpenPGP packets (signatures included) in one import, counted before openpgp parses them. */
  packetsPerImport: 200_000,
  /** An mbox patch series (workspace fix, branch resolve). */
  mboxBytes: 32 * MiB,
  /** Mails in one mbox series, as many as commits in a fix. */
  mailsPerMbox: 1000,
  /** A received mail (.eml) imported into a case. */
  emlBytes: 32 * MiB,
  /** Multipart levels in one patch mail (git's mailinfo stops at the same depth). */
  patchMailMultipartDepth: 4,
  /** MIME nesting levels in a received mail (postal-mime's maxNestingDepth). */
  emlNestingDepth: 50,
  /** A git bundle holding a fix. */
  bundleBytes: 512 * MiB,
  /** An upstream bundle (`git bundle create --all` of a large project is a few GiB). */
  upstreamBundleBytes: 16 * 1024 * MiB,
  /** The text header of any bundle (its refs and prerequisites). */
  bundleHeaderBytes: 16 * MiB,
  /** One git object once inflated or rebuilt from a delta (a zlib or delta bomb stops here). */
  gitObjectBytes: 1024 * MiB,
  /** Commits in one fix (bundle or mbox). */
  fixCommits: 1000,
  /** One OWNERS or OWNERS_ALIASES file. */
  ownersBytes: 1 * MiB,
  /** YAML aliases in one OWNERS file (a billion-laughs document needs far more). */
  yamlAliases: 100,
  /** A CVSS vector (v4.0 with every metric is about 250 characters). */
  cvssVectorChars: 400,
  /** An iCalendar (.ics) holiday file. */
  icsBytes: 2 * MiB,
  /** Events in one .ics file (a national calendar for ten years has a few hundred). */
  icsEvents: 5000,
  /** Days one all-day event may span (DTSTART to DTEND). */
  icsEventDays: 31,
  /** Holidays in the vault's calendar. */
  holidays: 10_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** The coded error for an input past one of LIMITS. */
export function inputTooLarge(what: string, limit: number, actual: number, unit = ''): EmbargoError {
  const suffix = unit ? ` ${unit}` : '';
  return new EmbargoError('InputTooLarge', `The ${what} is too large: ${actual}${suffix}, the limit is ${limit}${suffix}. Nothing was imported.`, {
    what,
    limit,
    actual,
  });
}

/** Throws InputTooLarge when `actual` is past `limit`. */
export function checkLimit(what: string, limit: number, actual: number, unit = ''): void {
  if (actual > limit) throw inputTooLarge(what, limit, actual, unit);
}
