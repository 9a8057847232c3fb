// What the case list shows: the cases matching the search (title, id or CVE) and the filters
// (phase, kind, overdue, led by me), newest first or by next deadline (soonest first, cases
// without one last). Pure, so the list stays a view and this is tested on its own.
import type { CaseKind, CaseOverview, CaseSummary } from '../../../shared/contract/index.ts';

export interface CaseFilter {
  search: string;
  phase: string;
  kind: CaseKind | '';
  overdueOnly: boolean;
  /** The roster member the user says they are; "my cases" are the ones they lead. */
  me: string | null;
  mineOnly: boolean;
  sort: 'newest' | 'deadline';
}

export const NO_FILTER: CaseFilter = { search: '', phase: '', kind: '', overdueOnly: false, me: null, mineOnly: false, sort: 'newest' };

export interface CaseRow {
  summary: CaseSummary;
  overview: CaseOverview | undefined;
}

export function filterCases(cases: CaseSummary[], overview: CaseOverview[], filter: CaseFilter): CaseRow[] {
  const byId = new Map(overview.map((entry) => [entry.id, entry]));
  const needle = filter.search.trim().toLowerCase();
  const rows: CaseRow[] = [];
  for (const summary of cases) {
    const process = byId.get(summary.id);
    if (needle && ![summary.title, summary.id, summary.cve ?? ''].some((text) => text.toLowerCase().includes(needle))) continue;
    if (filter.phase && process?.currentPhase?.id !== filter.phase) continue;
    if (filter.kind && summary.kind !== filter.kind) continue;
    if (filter.overdueOnly && !(process && process.counts.overdue > 0)) continue;
    if (filter.mineOnly && (!filter.me || process?.fixLead !== filter.me)) continue;
    rows.push({ summary, overview: process });
  }
  if (filter.sort === 'deadline') {
    const due = (row: CaseRow): string => row.overview?.next?.due ?? '\uffff';
    rows.sort((a, b) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0));
  }
  return rows;
}

/** The phases the cases are in, in first-seen order, for the phase filter. */
export function phasesOf(overview: CaseOverview[]): { id: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const entry of overview) if (entry.currentPhase && !seen.has(entry.currentPhase.id)) seen.set(entry.currentPhase.id, entry.currentPhase.title);
  return [...seen].map(([id, title]) => ({ id, title }));
}
