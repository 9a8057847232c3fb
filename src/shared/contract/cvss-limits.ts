// The cvss.score call's size limits, in a module without zod: the CLI reads them to batch its
// input before it loads the contract.

/** How many vectors one call scores; the CLI streams larger inputs in batches of this size. */
export const CVSS_BATCH_LIMIT = 10_000;
/** The longest string one call accepts as a vector (any valid vector is far shorter). */
export const CVSS_INPUT_MAX_LENGTH = 2000;
