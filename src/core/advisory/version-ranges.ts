// A case's affected range ("kubelet", ">=1.29.0 <1.29.4 || <1.28.9") as the version intervals
// the advisory formats can state. semver parses the comparators; each comparator set must be
// an interval with an inclusive lower bound (>=, or none: from "0") and an upper bound that is
// exclusive (<), inclusive (<=) or absent (still unfixed: up to "*"). Anything else (">1.2",
// prerelease tricks, "1.x" is fine: semver expands it) is refused with the reason.
import semver from 'semver';
import { EmbargoError } from '../../shared/errors.ts';

export interface VersionInterval {
  /** Inclusive lower bound; "0" when the range starts at the first version. */
  from: string;
  /** Upper bound, or null when no fixed version exists yet (up to "*"). */
  to: { version: string; inclusive: boolean } | null;
}

function refuse(product: string, range: string, reason: string): EmbargoError {
  return new EmbargoError('ExportInvalid', `The affected range of ${product} ("${range}") cannot be exported: ${reason}.`, {
    problems: [`the affected range of ${product} ("${range}"): ${reason}`],
  });
}

export function parseAffectedRange(product: string, range: string): VersionInterval[] {
  let parsed: semver.Range;
  try {
    parsed = new semver.Range(range);
  } catch {
    throw refuse(product, range, 'it is not a semver range (e.g. ">=1.29.0 <1.29.4")');
  }
  const intervals: VersionInterval[] = [];
  for (const set of parsed.set) {
    let from: string | null = null;
    let to: VersionInterval['to'] = null;
    let exact: string | null = null;
    for (const comparator of set) {
      if (comparator.value === '') continue; // "*": no bound
      const version = comparator.semver.version;
      if (comparator.semver.prerelease.length > 0 && comparator.semver.prerelease[0] === 0 && comparator.operator === '<') {
        // semver writes "<1.2.3" in an expanded form such as "<1.2.3-0"; keep the plain bound.
        to = { version: `${comparator.semver.major}.${comparator.semver.minor}.${comparator.semver.patch}`, inclusive: false };
        continue;
      }
      switch (comparator.operator) {
        case '>=':
          if (from !== null) throw refuse(product, range, 'it has two lower bounds in one part');
          from = version;
          break;
        case '<':
        case '<=':
          if (to !== null) throw refuse(product, range, 'it has two upper bounds in one part');
          to = { version, inclusive: comparator.operator === '<=' };
          break;
        case '':
          exact = version;
          break;
        default:
          throw refuse(product, range, `"${comparator.value}" has an exclusive lower bound; write it as ">=" the first affected version`);
      }
    }
    if (exact !== null) {
      if (from !== null || to !== null) throw refuse(product, range, 'it mixes an exact version with bounds');
      intervals.push({ from: exact, to: { version: exact, inclusive: true } });
      continue;
    }
    if (from !== null && to !== null && semver.gt(from, to.version)) throw refuse(product, range, `its lower bound ${from} is above its upper bound ${to.version}`);
    if (from !== null && to !== null && !to.inclusive && semver.eq(from, to.version)) throw refuse(product, range, `it is empty (>=${from} <${to.version})`);
    intervals.push({ from: from ?? '0', to });
  }
  if (intervals.length === 0) throw refuse(product, range, 'it names no versions');
  return intervals;
}

/** How the CVE description and the tracking issue state an interval, in words. */
export function describeInterval(interval: VersionInterval): string {
  const { from, to } = interval;
  if (to && to.inclusive && to.version === from) return from;
  if (from === '0') {
    if (!to) return 'all versions';
    return to.inclusive ? `through ${to.version}` : `before ${to.version}`;
  }
  if (!to) return `from ${from}`;
  return to.inclusive ? `from ${from} through ${to.version}` : `from ${from} before ${to.version}`;
}
