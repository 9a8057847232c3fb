// The composer's UI state: which draft each case has open, and the text being edited but not
// saved yet, so that going to another tab to fill a missing field and coming back loses
// nothing. Unsaved text lives in memory only, never on disk, and is dropped when the vault
// locks (the unlock screen must not lead back into embargoed text).
import { create } from 'zustand';
import { useUi } from '../../app/store.ts';

/** Text typed since the version it started from; `base*` is that version's text. */
export interface TextEdit {
  subject: string;
  body: string;
  baseSubject: string;
  baseBody: string;
}

interface MailUiState {
  /** caseId → the open draft, or null for the Mail tab's overview. */
  openDrafts: Record<string, string | null>;
  /** draftId → unsaved text. */
  edits: Record<string, TextEdit>;
}

interface MailUiEvents {
  draftOpened(caseId: string, draftId: string | null): void;
  textEdited(draftId: string, edit: TextEdit): void;
  editDropped(draftId: string): void;
  cleared(): void;
}

export const useMailUi = create<MailUiState & MailUiEvents>()((set) => ({
  openDrafts: {},
  edits: {},
  draftOpened: (caseId, draftId) => set((state) => ({ openDrafts: { ...state.openDrafts, [caseId]: draftId } })),
  textEdited: (draftId, edit) =>
    set((state) => {
      const edits = { ...state.edits };
      // Typed back to what was saved: nothing is unsaved any more.
      if (edit.subject === edit.baseSubject && edit.body === edit.baseBody) delete edits[draftId];
      else edits[draftId] = edit;
      return { edits };
    }),
  editDropped: (draftId) =>
    set((state) => {
      const edits = { ...state.edits };
      delete edits[draftId];
      return { edits };
    }),
  cleared: () => set({ openDrafts: {}, edits: {} }),
}));

useUi.subscribe((ui, previous) => {
  if (previous.phase === 'unlocked' && ui.phase !== 'unlocked') useMailUi.getState().cleared();
});
