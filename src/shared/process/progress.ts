// How far a case has come, defined once for the case list, the checklist and the CLI: the
// required steps that are handled (done or skipped) out of all required steps. Optional steps
// (the private distributors' disclosure) neither count for nor against it.
export interface ProgressItem {
  optional: boolean;
  state: string;
}

export interface CaseProgress {
  /** Required steps done or skipped. */
  handled: number;
  /** Required steps. */
  required: number;
}

export function caseProgress(items: readonly ProgressItem[]): CaseProgress {
  const required = items.filter((item) => !item.optional);
  return { handled: required.filter((item) => item.state === 'done' || item.state === 'skipped').length, required: required.length };
}

/** "5 of 14 required steps handled": the one wording every front end uses. */
export function describeProgress(progress: CaseProgress): string {
  return `${progress.handled} of ${progress.required} required steps handled`;
}

/** 0–100, rounded down so that 100 means every required step is handled. */
export function progressPercent(progress: CaseProgress): number {
  return progress.required === 0 ? 100 : Math.floor((progress.handled / progress.required) * 100);
}
