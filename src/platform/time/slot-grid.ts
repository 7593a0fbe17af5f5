import { DateTime, IANAZone } from 'luxon';

/**
 * A shop's slot grid: the slots of a local day in UTC order. A 23-hour day has two slots fewer
 * (half-hour slots), a 25-hour day two more; the repeated hour's slots share the first pass's
 * grid position. Engines may import this (pure: luxon only).
 */
export interface LocalSlot {
  startMs: number;
  slot: number;
  localTime: string;
}

const DAY_MS = 86_400_000;
const QUARTER_MS = 900_000;

/**
 * Offsets of a zone, cached per UTC day: when a day starts and ends on the same offset the whole
 * day has it (zones change at most once a day); otherwise per quarter hour, since every real zone
 * changes offset on a quarter hour.
 */
export class ZoneClock {
  private static readonly clocks = new Map<string, ZoneClock>();
  private readonly zone: IANAZone;
  private readonly days = new Map<number, number | null>();
  private readonly quarters = new Map<number, number>();

  private constructor(zoneName: string) {
    this.zone = IANAZone.create(zoneName);
  }

  static of(zoneName: string): ZoneClock {
    let clock = ZoneClock.clocks.get(zoneName);
    if (!clock) {
      if (!IANAZone.isValidZone(zoneName)) throw new Error(`unknown time zone ${zoneName}`);
      clock = new ZoneClock(zoneName);
      ZoneClock.clocks.set(zoneName, clock);
    }
    return clock;
  }

  offsetMs(utcMs: number): number {
    const day = Math.floor(utcMs / DAY_MS);
    let whole = this.days.get(day);
    if (whole === undefined) {
      const start = this.zone.offset(day * DAY_MS);
      whole = start === this.zone.offset((day + 1) * DAY_MS - 1) ? start * 60_000 : null;
      this.days.set(day, whole);
    }
    if (whole !== null) return whole;
    const quarter = Math.floor(utcMs / QUARTER_MS);
    let offset = this.quarters.get(quarter);
    if (offset === undefined) {
      offset = this.zone.offset(quarter * QUARTER_MS) * 60_000;
      this.quarters.set(quarter, offset);
    }
    return offset;
  }

  /** Local wall-clock milliseconds (as if the local clock were UTC). */
  localMs(utcMs: number): number {
    return utcMs + this.offsetMs(utcMs);
  }
}

export function slotsPerDayFor(slotMinutes: number): number {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0 || 1440 % slotMinutes !== 0) {
    throw new Error(`slot minutes must divide a day, got ${slotMinutes}`);
  }
  return 1440 / slotMinutes;
}

/** Every slot of one local day in UTC order: 46, 48 or 50 half-hour slots depending on DST. */
export function localSlotsOfDay(date: string, zone: string, slotMinutes: number): LocalSlot[] {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  if (!start.isValid) throw new Error(`invalid local date ${date} in ${zone}`);
  const endMs = start.plus({ days: 1 }).startOf('day').toMillis();
  const clock = ZoneClock.of(zone);
  const slots: LocalSlot[] = [];
  for (let ms = start.toMillis(); ms < endMs; ms += slotMinutes * 60_000) {
    const minuteOfDay = Math.floor((((clock.localMs(ms) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
    const slot = Math.floor(minuteOfDay / slotMinutes);
    const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
    const mm = String(minuteOfDay % 60).padStart(2, '0');
    slots.push({ startMs: ms, slot, localTime: `${hh}:${mm}` });
  }
  return slots;
}
