// Progress of `team sync`, phase by phase. Contract methods cannot carry callbacks across IPC,
// so the handler reports here and a front end in the same process (the CLI) subscribes while
// the call runs. The totals are what the phase really has to do — moved member states, changed
// records, changed cases — so they also show that a sync's work follows the change.
export type TeamSyncPhase = 'fetch' | 'verify' | 'decrypt' | 'merge' | 'publish' | 'push' | 'export';

export interface TeamSyncProgress {
  phase: TeamSyncPhase;
  done: number;
  total: number;
}

export type OnTeamSyncProgress = (progress: TeamSyncProgress) => void;

const listeners = new Set<OnTeamSyncProgress>();

export function onTeamSyncProgress(listener: OnTeamSyncProgress): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportTeamSyncProgress(progress: TeamSyncProgress): void {
  for (const listener of listeners) listener(progress);
}
