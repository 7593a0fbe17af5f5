import type { SlotStaffing } from './engine';

/** JSON has no Infinity: an unstable queue's unbounded figures are reported as null. */
const finite = (n: number) => (Number.isFinite(n) ? Math.round(n * 1e4) / 1e4 : null);

export function slotFigures(start: string | null, slotMinutes: number, s: SlotStaffing) {
  return {
    ...(start ? { start } : {}),
    slotMinutes,
    contacts: finite(s.contacts),
    offeredLoad: finite(s.offeredLoad),
    rawAgents: s.rawAgents,
    positions: s.positions,
    stable: s.stable,
    serviceLevel: finite(s.serviceLevel),
    asaSeconds: finite(s.asaSeconds),
    occupancy: finite(s.occupancy),
    abandonment: finite(s.abandonment),
    parallelChats: s.parallelChats,
    chatsPerHour: s.chatsPerHour === null ? null : finite(s.chatsPerHour),
  };
}
