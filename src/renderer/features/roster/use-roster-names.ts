// Roster ids (pst-…, rm-…) are what cases store; people read names. Unknown values (a name
// typed before the roster had the person) are shown as they are.
import { useMemo } from 'react';
import type { Roster } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useUi } from '../../app/store.ts';
import type { NameOf } from '../timeline/describe-event.ts';

export function rosterNameOf(roster: Roster | null): NameOf {
  const names = new Map<string, string>();
  for (const member of roster?.members ?? []) names.set(member.id, member.name);
  for (const minor of roster?.minors ?? []) for (const manager of minor.releaseManagers) names.set(manager.id, manager.name);
  return (id) => (id ? (names.get(id) ?? id) : '—');
}

export function useRoster(): { roster: Roster | null; names: NameOf } {
  const revision = useUi((ui) => ui.revision);
  const query = useQuery('roster.show', {}, revision);
  const roster = query.value;
  const names = useMemo(() => rosterNameOf(roster), [roster]);
  return { roster, names };
}
