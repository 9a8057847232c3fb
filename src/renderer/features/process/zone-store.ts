// The zones the user added to read deadlines in (America/Los_Angeles for "9 AM PT", …). UI
// state, not case data: kept in this window's storage, never in the vault.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** The contract reads at most 10 zones per schedule; local time takes one of them. */
export const MAX_EXTRA_ZONES = 8;

interface ZoneState {
  extraZones: string[];
}

interface ZoneEvents {
  zoneAdded(zone: string): void;
  zoneRemoved(zone: string): void;
}

export const useZones = create<ZoneState & ZoneEvents>()(
  persist(
    (set) => ({
      extraZones: [],
      zoneAdded: (zone) =>
        set((state) =>
          state.extraZones.includes(zone) || state.extraZones.length >= MAX_EXTRA_ZONES ? {} : { extraZones: [...state.extraZones, zone] },
        ),
      zoneRemoved: (zone) => set((state) => ({ extraZones: state.extraZones.filter((z) => z !== zone) })),
    }),
    {
      name: 'embargo.schedule-zones',
      storage: createJSONStorage(() => window.localStorage),
      partialize: (state) => ({ extraZones: state.extraZones }),
    },
  ),
);
