// Progress of long workspace operations (importing a large bundle). Contract methods cannot
// carry callbacks across IPC, so front ends subscribe here while a call runs.
export interface WorkspaceProgress {
  operation: string;
  phase: string;
  done: number;
  total: number;
}

type Listener = (progress: WorkspaceProgress) => void;
const listeners = new Set<Listener>();

export function onWorkspaceProgress(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportProgress(progress: WorkspaceProgress): void {
  for (const listener of listeners) listener(progress);
}
