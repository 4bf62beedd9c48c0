/**
 * The agent's availability as they set it. Kept on this desk for now: the presence service (supervision issue)
 * will publish it to the server; the phone feature reads it to decide whether to take calls.
 */
import { create } from 'zustand';

export const AVAILABILITY = ['available', 'break', 'lunch', 'training', 'admin'] as const;
export type Availability = (typeof AVAILABILITY)[number];

interface PresenceState {
  availability: Availability;
  since: number;
  setAvailability(a: Availability): void;
}

export const usePresence = create<PresenceState>((set) => ({
  availability: 'available',
  since: Date.now(),
  setAvailability(availability) {
    set({ availability, since: Date.now() });
  },
}));
