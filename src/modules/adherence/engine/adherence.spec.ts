import { activityAt, adherenceOf, ScheduledShift, StateReport, stateAt, subtract, timeline, union } from './adherence';

/** Instants as hours and minutes of a day starting at 0 (epoch ms), so the sums below read as clock times. */
const at = (h: number, m = 0) => (h * 60 + m) * 60_000;
const day = { from: at(0), to: at(24) };
const report = (state: StateReport['state'], from: number, to: number | null): StateReport => ({ state, from, to });

describe('adherence engine (hand-computed days)', () => {
  // 09:00–18:00, lunch 12:00–13:00, training 15:00–16:00.
  const shift: ScheduledShift = {
    from: at(9),
    to: at(18),
    breaks: [{ from: at(12), to: at(13) }],
    training: [{ from: at(15), to: at(16) }],
  };
  const reports = [
    report('online', at(8, 45), at(12, 10)), // 10 minutes into lunch: out of adherence
    report('away', at(12, 10), at(13)),
    report('busy', at(13), at(15, 30)), // 30 minutes into training: out of adherence
    // 15:30–16:05 nothing reported: offline (fine in training, out of adherence 16:00–16:05)
    report('online', at(16, 5), at(18, 30)), // 30 minutes after the shift: worked, not scheduled
  ];

  it('counts minutes in the expected state over the whole shift, and worked against planned work', () => {
    const f = adherenceOf(day, [shift], reports, at(24));
    expect(f.scheduledSeconds).toBe(9 * 3600);
    // Work 09–12, 13–15, 16–18 = 7 h.
    expect(f.plannedWorkSeconds).toBe(7 * 3600);
    // In work and on the queues: 3 h + 2 h + 1 h 55 = 415 min; off the queues in lunch 50 min and in training 30 min.
    expect(f.adherentSeconds).toBe((415 + 50 + 30) * 60);
    expect(f.adherentSeconds / f.scheduledSeconds).toBeCloseTo(495 / 540, 12);
    // Online or busy: 08:45–12:10, 13:00–15:30, 16:05–18:30 = 205 + 150 + 145 min.
    expect(f.loggedWorkSeconds).toBe(500 * 60);
  });

  it('an agent who never logs in keeps to breaks and training only', () => {
    const f = adherenceOf(day, [shift], [], at(24));
    expect(f).toEqual({
      scheduledSeconds: 9 * 3600,
      adherentSeconds: 2 * 3600,
      plannedWorkSeconds: 7 * 3600,
      loggedWorkSeconds: 0,
    });
  });

  it('a night shift counts on each day for the minutes inside it', () => {
    const night: ScheduledShift = {
      from: at(22),
      to: at(30),
      breaks: [{ from: at(26), to: at(26, 30) }],
      training: [],
    };
    const states = [report('online', at(22), at(30))];
    expect(adherenceOf(day, [night], states, at(48))).toEqual({
      scheduledSeconds: 7200,
      adherentSeconds: 7200,
      plannedWorkSeconds: 7200,
      loggedWorkSeconds: 7200,
    });
    const next = adherenceOf({ from: at(24), to: at(48) }, [night], states, at(48));
    // 00:00–06:00 of the next day: 6 h scheduled, 30 min of it a break spent online.
    expect(next).toEqual({
      scheduledSeconds: 6 * 3600,
      adherentSeconds: 5.5 * 3600,
      plannedWorkSeconds: 5.5 * 3600,
      loggedWorkSeconds: 6 * 3600,
    });
  });

  it('a later report ends the one before it; an open report lasts until now', () => {
    const overlapping = [report('online', at(9), at(11)), report('away', at(10), null)];
    expect(timeline(overlapping, at(10, 30))).toEqual([
      { state: 'online', from: at(9), to: at(10) },
      { state: 'away', from: at(10), to: at(10, 30) },
    ]);
    // At 10:30 the shift has run 90 minutes: an hour online in work, 30 minutes away in work.
    const f = adherenceOf(day, [{ from: at(9), to: at(18), breaks: [], training: [] }], overlapping, at(10, 30));
    expect(f.adherentSeconds).toBe(3600);
    expect(f.loggedWorkSeconds).toBe(3600);
  });

  it('says what the agent should be doing and is doing at an instant', () => {
    expect(activityAt([shift], at(8, 59))).toBeNull();
    expect(activityAt([shift], at(9))).toBe('work');
    expect(activityAt([shift], at(12, 30))).toBe('break');
    expect(activityAt([shift], at(15))).toBe('training');
    expect(activityAt([shift], at(18))).toBeNull();
    expect(stateAt(reports, at(12, 5))).toEqual({ state: 'online', since: at(8, 45) });
    expect(stateAt(reports, at(15, 45))).toEqual({ state: 'offline', since: null });
    expect(stateAt([report('busy', at(9), null)], at(11))).toEqual({ state: 'busy', since: at(9) });
  });

  it('span arithmetic: unions merge touching spans, subtraction splits', () => {
    expect(
      union([
        { from: 5, to: 7 },
        { from: 1, to: 3 },
        { from: 3, to: 4 },
      ]),
    ).toEqual([
      { from: 1, to: 4 },
      { from: 5, to: 7 },
    ]);
    expect(
      subtract(
        [{ from: 0, to: 10 }],
        [
          { from: 2, to: 3 },
          { from: 8, to: 12 },
        ],
      ),
    ).toEqual([
      { from: 0, to: 2 },
      { from: 3, to: 8 },
    ]);
  });
});
