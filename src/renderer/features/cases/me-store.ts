// Which roster member the user is, for "my cases". UI state kept in this window's storage,
// never in the vault.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface MeState {
  me: string | null;
  meChosen(me: string | null): void;
}

export const useMe = create<MeState>()(
  persist((set) => ({ me: null, meChosen: (me) => set({ me }) }), {
    name: 'embargo.me',
    storage: createJSONStorage(() => window.localStorage),
    partialize: (state) => ({ me: state.me }),
  }),
);
