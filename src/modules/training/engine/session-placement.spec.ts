import { projectSlot, type RealTimeQueue } from 'src/modules/staffing/engine';
import type { ForecastQueue, PlacementContext, RosteredShift, SessionRequest } from './placement-types';
import { SessionPlacement } from './session-placement';

const HALF_HOUR = 30 * 60_000;
const T0 = Date.UTC(2026, 10, 30, 1, 0); // 09:00 in Asia/Shanghai
const slot = (k: number) => T0 + k * HALF_HOUR;

const phone: RealTimeQueue = {
  slotSeconds: 1800,
  ahtSeconds: 300,
  target: { answerWithinSeconds: 20, serviceLevel: 0.8 },
  shrinkage: 0,
};
/** Eight half-hour slots: busy, then a quiet stretch whose quietest hour is slots 2–3, then busy. */
const contacts = [25, 6, 5, 5, 6, 6, 7, 25];
const forecast = (volumes = contacts): ForecastQueue => ({
  queueId: 'presale',
  queue: phone,
  contactsBySlot: new Map(volumes.map((c, k) => [slot(k), c])),
});

function shift(agentId: string, breaks: [number, number][] = [], from = 0, to = 8): RosteredShift {
  return {
    agentId,
    queueId: 'presale',
    start: slot(from),
    end: slot(to),
    breaks: breaks.map(([a, b]) => ({ start: slot(a), end: slot(b) })),
  };
}

const team = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
const context = (shifts: RosteredShift[] = team.map((a) => shift(a)), queues = [forecast()]): PlacementContext => ({
  slotMinutes: 30,
  shifts,
  queues,
});
const request = (over: Partial<SessionRequest> = {}): SessionRequest => ({
  lengthMinutes: 60,
  capacity: 10,
  invitees: ['a1', 'a2'],
  window: { start: slot(0), end: slot(8) },
  trainerBusy: [],
  minServiceLevel: 0.8,
  ...over,
});

describe('SessionPlacement', () => {
  it('puts the session into the quiet slots, where taking people off costs least', () => {
    const [best, ...rest] = new SessionPlacement(context()).propose(request());
    expect(best).toMatchObject({ start: slot(2), end: slot(4), attendees: ['a1', 'a2'], belowMinimum: false });
    for (const other of rest)
      expect(other.lostContactsWithinTarget).toBeGreaterThanOrEqual(best.lostContactsWithinTarget);
  });

  it('prices each affected slot with the staffing engine, with and without the attendees', () => {
    const [best] = new SessionPlacement(context()).propose(request());
    expect(best.slots).toHaveLength(2);
    for (const impact of best.slots) {
      expect(impact).toMatchObject({ queueId: 'presale', agentsBefore: 6, agentsAfter: 4, contacts: 5 });
      expect(impact.serviceLevelAfter).toBeLessThan(impact.serviceLevelBefore);
      expect(impact.serviceLevelBefore).toBeCloseTo(projectSlot(phone, 5, 6).serviceLevel, 12);
      expect(impact.serviceLevelAfter).toBeCloseTo(projectSlot(phone, 5, 4).serviceLevel, 12);
    }
    const lost = best.slots.reduce((sum, s) => sum + s.contacts * (s.serviceLevelBefore - s.serviceLevelAfter), 0);
    expect(best.lostContactsWithinTarget).toBeCloseTo(lost, 9);
  });

  it('never proposes a time that drops a slot below the minimum service level, unless asked to', () => {
    const placement = new SessionPlacement(context());
    const busySlots = request({ window: { start: slot(6), end: slot(8) } });
    const safe = placement.propose(busySlots);
    expect(safe.every((option) => option.attendees.length < 2)).toBe(true);
    for (const option of safe) {
      expect(option.belowMinimum).toBe(false);
      for (const s of option.slots)
        expect(s.serviceLevelAfter >= 0.8 || s.serviceLevelAfter >= s.serviceLevelBefore).toBe(true);
    }
    const forced = placement.propose({ ...busySlots, allowBelowMinimum: true });
    expect(forced.length).toBeGreaterThan(0);
    expect(forced[0].attendees).toEqual(['a1', 'a2']);
    expect(forced[0].belowMinimum).toBe(true);
  });

  it('takes only invitees on shift and not on a break for the whole session', () => {
    const shifts = [shift('a1', [[2, 3]]), shift('a2', [], 0, 3), ...team.slice(2).map((a) => shift(a))];
    const options = new SessionPlacement(context(shifts)).propose(request({ options: 20 }));
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) {
      if (option.start < slot(3) && option.end > slot(2)) expect(option.attendees).not.toContain('a1');
      if (option.end > slot(3)) expect(option.attendees).not.toContain('a2');
    }
    expect(options.some((o) => o.attendees.includes('a1')) && options.some((o) => o.attendees.includes('a2'))).toBe(
      true,
    );
  });

  it('keeps clear of the trainer’s other commitments', () => {
    const options = new SessionPlacement(context()).propose(
      request({ trainerBusy: [{ start: slot(2), end: slot(3) }], options: 20 }),
    );
    expect(options[0].start).toBe(slot(3));
    for (const option of options) expect(option.end <= slot(2) || option.start >= slot(3)).toBe(true);
  });

  it('splits into repeated sessions when capacity requires, never overlapping for the trainer', () => {
    const plan = new SessionPlacement(context()).plan(request({ capacity: 1 }));
    expect(plan.makeUp).toEqual([]);
    expect(plan.sessions).toHaveLength(2);
    expect(plan.sessions.flatMap((s) => s.attendees).sort()).toEqual(['a1', 'a2']);
    const [first, second] = plan.sessions;
    expect(first.end <= second.start).toBe(true);
  });

  it('splits when taking everyone at once would break the minimum, and sends the unplaceable to make-up coaching', () => {
    // Only three agents on a busy queue: two away at once would drop the service level too far.
    const shifts = ['a1', 'a2', 'a3'].map((a) => shift(a));
    const volumes = [3, 3, 3, 3, 3, 3, 3, 3];
    const placement = new SessionPlacement(context(shifts, [forecast(volumes)]));
    const together = projectSlot(phone, 3, 1).serviceLevel;
    const minimum = (together + projectSlot(phone, 3, 2).serviceLevel) / 2;
    const plan = placement.plan(request({ invitees: ['a1', 'a2', 'x-off'], minServiceLevel: minimum }));
    expect(plan.sessions.map((s) => s.attendees.length)).toEqual([1, 1]);
    expect(plan.makeUp).toEqual(['x-off']);
    for (const s of plan.sessions.flatMap((o) => o.slots)) expect(s.serviceLevelAfter).toBeGreaterThanOrEqual(minimum);
  });

  it('keeps to the local hours asked for', () => {
    const placement = new SessionPlacement({ ...context(), localMinuteOfDay: (ms) => (ms / 60_000 + 8 * 60) % 1440 });
    const options = placement.propose(
      request({ localHours: { fromMinutes: 9 * 60, toMinutes: 11 * 60 }, options: 20 }),
    );
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(option.end).toBeLessThanOrEqual(slot(4));
  });

  it('refuses impossible requests', () => {
    const placement = new SessionPlacement(context());
    expect(() => placement.propose(request({ lengthMinutes: 0 }))).toThrow(/lengthMinutes/);
    expect(() => placement.propose(request({ capacity: 0 }))).toThrow(/capacity/);
    expect(() => placement.propose(request({ minServiceLevel: 1.5 }))).toThrow(/minServiceLevel/);
    expect(() => placement.propose(request({ window: { start: slot(2), end: slot(1) } }))).toThrow(/window/);
    expect(() => placement.propose(request({ localHours: { fromMinutes: 0, toMinutes: 60 } }))).toThrow(
      /localMinuteOfDay/,
    );
  });
});
