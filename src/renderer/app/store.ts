// UI state only: which screen is shown, what is selected, what is open. The core is the source
// of truth for data, and no passphrase or key material is ever put here.
import { create } from 'zustand';

export type Phase = 'starting' | 'first-run' | 'locked' | 'unlocked' | 'unreachable';

/** Why the unlock screen is shown: the user locked, something else did, or the app just started. */
export type LockReason = 'user' | 'auto' | 'start';

/** What the unlocked app shows: a page of app/pages.tsx, or one case with one of its tabs. */
export type View = { kind: 'page'; page: string } | { kind: 'case'; caseId: string; tab: string };

export const HOME_VIEW: View = { kind: 'page', page: 'cases' };

interface UiState {
  phase: Phase;
  lockReason: LockReason;
  vaultDir: string;
  idleLockMinutes: number;
  /** Why the core could not be reached at start, when it could not. */
  startError: string | null;
  view: View;
  newCaseOpen: boolean;
  /** Bumped after every change the user makes, so lists and pages fetch again. */
  revision: number;
}

interface UiEvents {
  appStateLoaded(state: { vaultDir: string; vaultExists: boolean; unlocked: boolean; idleLockMinutes: number }): void;
  coreUnreachable(message: string): void;
  vaultOpened(): void;
  vaultLocked(reason: LockReason): void;
  pageOpened(page: string): void;
  caseOpened(caseId: string, tab?: string): void;
  caseTabSelected(tab: string): void;
  newCaseDialogToggled(open: boolean): void;
  dataChanged(): void;
}

export const DEFAULT_CASE_TAB = 'overview';

export const useUi = create<UiState & UiEvents>()((set) => ({
  phase: 'starting',
  lockReason: 'start',
  vaultDir: '',
  idleLockMinutes: 10,
  startError: null,
  view: HOME_VIEW,
  newCaseOpen: false,
  revision: 0,

  appStateLoaded: (state) =>
    set((ui) => {
      const phase: Phase = !state.vaultExists ? 'first-run' : state.unlocked ? 'unlocked' : 'locked';
      // Unlocked before, locked now, and not by the user: the idle timer or the system did it.
      const lockReason = ui.phase === 'unlocked' && phase === 'locked' ? 'auto' : ui.lockReason;
      return { phase, lockReason, vaultDir: state.vaultDir, idleLockMinutes: state.idleLockMinutes, startError: null };
    }),
  coreUnreachable: (message) => set({ phase: 'unreachable', startError: message }),
  vaultOpened: () => set((ui) => ({ phase: 'unlocked', view: HOME_VIEW, newCaseOpen: false, revision: ui.revision + 1 })),
  vaultLocked: (reason) =>
    // Only an open vault can be locked: a second notice (suspend after idle) keeps the first reason.
    set((ui) => (ui.phase !== 'unlocked' ? {} : { phase: 'locked', lockReason: reason, newCaseOpen: false, view: HOME_VIEW })),
  pageOpened: (page) => set({ view: { kind: 'page', page } }),
  caseOpened: (caseId, tab = DEFAULT_CASE_TAB) => set({ view: { kind: 'case', caseId, tab }, newCaseOpen: false }),
  caseTabSelected: (tab) => set((ui) => (ui.view.kind === 'case' ? { view: { ...ui.view, tab } } : {})),
  newCaseDialogToggled: (open) => set({ newCaseOpen: open }),
  dataChanged: () => set((ui) => ({ revision: ui.revision + 1 })),
}));
