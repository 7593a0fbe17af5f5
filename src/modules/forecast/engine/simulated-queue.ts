import { DateTime } from 'luxon';
import { VolumeObservation } from './forecast-types';
import { SeededRandom } from './seeded-random';

/** A chat queue as shops describe it: open 08:00–24:00, late-morning and evening peaks, busier early in the week. */
export interface SimulatedQueueOptions {
  zone: string;
  slotMinutes: number;
  /** First local date. */
  from: string;
  days: number;
  /** Mean arrivals per slot at the profile's average. */
  level: number;
  seed: number;
  /** Sd of the day-to-day level noise (multiplicative), default 0.05. */
  dayNoise?: number;
}

const WEEKDAY_EFFECT = [0, 1.15, 1.05, 1, 0.98, 0.95, 0.9, 0.97];

/** Relative demand at a local hour (fractional): two bumps on a daytime floor, zero when closed. */
export function chatShape(hour: number): number {
  if (hour < 8) return 0;
  const bump = (centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2));
  return 0.4 + bump(10.5, 1.5) + 1.3 * bump(21, 1.5);
}

export function simulateQueue(o: SimulatedQueueOptions): VolumeObservation[] {
  const random = new SeededRandom(o.seed);
  const out: VolumeObservation[] = [];
  for (let d = 0; d < o.days; d++) {
    const day = DateTime.fromISO(o.from, { zone: o.zone }).plus({ days: d }).startOf('day');
    const end = day.plus({ days: 1 }).startOf('day');
    const dayLevel = o.level * WEEKDAY_EFFECT[day.weekday] * Math.exp((o.dayNoise ?? 0.05) * random.normal());
    for (let t = day; t < end; t = t.plus({ minutes: o.slotMinutes })) {
      const shape = chatShape(t.hour + t.minute / 60);
      if (shape === 0) continue;
      out.push({ start: t.toUTC().toISO() as string, volume: random.poisson(dayLevel * shape) });
    }
  }
  return out;
}
