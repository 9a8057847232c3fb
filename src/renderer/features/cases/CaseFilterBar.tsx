// The case list's search, filters and sort. "My cases" needs to know who "me" is: the user
// picks their roster member once; that choice is UI state kept in this window's storage.
import type { ReactElement } from 'react';
import type { CaseOverview } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useUi } from '../../app/store.ts';
import { CASE_KINDS } from './kinds.ts';
import { phasesOf, type CaseFilter } from './case-filter.ts';

export function CaseFilterBar({
  filter,
  onChange,
  overview,
  shown,
  total,
}: {
  filter: CaseFilter;
  onChange(next: CaseFilter): void;
  overview: CaseOverview[];
  shown: number;
  total: number;
}): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const roster = useQuery('roster.show', {}, revision);
  const members = (roster.value?.members ?? []).filter((member) => !member.removedAt);
  const set = (changes: Partial<CaseFilter>): void => onChange({ ...filter, ...changes });
  return (
    <div className="case-filters" role="search" aria-label="Find cases">
      <input
        type="search"
        className="input case-filters__search"
        aria-label="Search cases by title, id or CVE"
        placeholder="Search title, id or CVE"
        value={filter.search}
        onChange={(event) => set({ search: event.target.value })}
      />
      <select className="input" aria-label="Phase" value={filter.phase} onChange={(event) => set({ phase: event.target.value })}>
        <option value="">Any phase</option>
        {phasesOf(overview).map((phase) => (
          <option key={phase.id} value={phase.id}>
            {phase.title}
          </option>
        ))}
      </select>
      <select className="input" aria-label="Kind" value={filter.kind} onChange={(event) => set({ kind: event.target.value as CaseFilter['kind'] })}>
        <option value="">Any kind</option>
        {CASE_KINDS.map((kind) => (
          <option key={kind.kind} value={kind.kind}>
            {kind.label}
          </option>
        ))}
      </select>
      <label className="case-filters__check">
        <input type="checkbox" checked={filter.overdueOnly} onChange={(event) => set({ overdueOnly: event.target.checked })} /> Overdue
      </label>
      <label className="case-filters__check">
        <input type="checkbox" checked={filter.mineOnly} disabled={!filter.me} onChange={(event) => set({ mineOnly: event.target.checked })} /> My cases
      </label>
      <select className="input" aria-label="I am" value={filter.me ?? ''} onChange={(event) => set({ me: event.target.value || null, mineOnly: event.target.value ? filter.mineOnly : false })}>
        <option value="">I am…</option>
        {members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </select>
      <select className="input" aria-label="Sort" value={filter.sort} onChange={(event) => set({ sort: event.target.value as CaseFilter['sort'] })}>
        <option value="newest">Newest first</option>
        <option value="deadline">Next deadline first</option>
      </select>
      <span className="case-filters__count muted" aria-live="polite">
        {shown === total ? `${total} cases` : `${shown} of ${total} cases`}
      </span>
    </div>
  );
}
