// The embargo rule, once for the core, the renderer and the CLI: a case is under embargo until
// its Release Date has passed; with no Release Date yet it is still under embargo.
export interface HasReleaseDate {
  releaseDate: string | null;
}

export function isUnderEmbargo(record: HasReleaseDate, now: Date = new Date()): boolean {
  return record.releaseDate === null || Date.parse(record.releaseDate) > now.getTime();
}

/** The Release Date has passed: the case is public. */
export function isReleased(record: HasReleaseDate, now: Date = new Date()): boolean {
  return !isUnderEmbargo(record, now);
}
