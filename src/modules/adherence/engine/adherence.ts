/**
 * Adherence and conformance of one agent over one span of time (a local day), from the published
 * shifts and the states the chat workbench reported. Pure: instants are epoch milliseconds.
 *
 * - A shift's time is `work` except its breaks (`break`) and booked training (`training`).
 * - Expected states: work → online or busy; break and training → away or offline (off the queues).
 *   Time with no state reported counts as offline.
 * - adherence = seconds in the expected state / scheduled seconds (the whole shift, breaks included)
 * - conformance = seconds online or busy (whenever in the span) / seconds of work scheduled
 */

export const AGENT_STATES = ['online', 'busy', 'away', 'offline'] as const;
export type AgentState = (typeof AGENT_STATES)[number];
export type Activity = 'work' | 'break' | 'training';

export type Span = { from: number; to: number };
export type ScheduledShift = Span & { breaks: Span[]; training: Span[] };
/** A reported state; `to` null while the agent is still in it. */
export type StateReport = { state: AgentState; from: number; to: number | null };

export type AdherenceFigures = {
  /** Whole shifts inside the span, breaks and training included. */
  scheduledSeconds: number;
  adherentSeconds: number;
  /** Shift time less breaks and training: what the agent is scheduled to work on the queues. */
  plannedWorkSeconds: number;
  /** Online or busy, on shift or not. */
  loggedWorkSeconds: number;
};

export const onQueue = (state: AgentState) => state === 'online' || state === 'busy';
export const expectedOnQueue = (activity: Activity) => activity === 'work';
export const inAdherence = (activity: Activity, state: AgentState) => onQueue(state) === expectedOnQueue(activity);

/** Sorted, non-overlapping union of spans (empty ones dropped). */
export function union(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

export function intersect(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  for (const x of union(a))
    for (const y of union(b)) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (to > from) out.push({ from, to });
    }
  return union(out);
}

export function subtract(a: Span[], b: Span[]): Span[] {
  let rest = union(a);
  for (const cut of union(b)) {
    rest = rest.flatMap((s) =>
      cut.to <= s.from || cut.from >= s.to
        ? [s]
        : [
            { from: s.from, to: cut.from },
            { from: cut.to, to: s.to },
          ].filter((p) => p.to > p.from),
    );
  }
  return rest;
}

const seconds = (spans: Span[]) => spans.reduce((n, s) => n + (s.to - s.from), 0) / 1000;

/**
 * Reports as the agent's timeline: a later report ends the one before it (the workbench reports
 * changes), an open report lasts until `now`. Overlapping or re-sent reports therefore never count twice.
 */
export function timeline(reports: StateReport[], now: number): (Span & { state: AgentState })[] {
  const sorted = [...reports].sort((a, b) => a.from - b.from);
  return sorted
    .map((r, i) => {
      const next = sorted[i + 1]?.from ?? Infinity;
      return { state: r.state, from: r.from, to: Math.min(r.to ?? Math.max(now, r.from), next) };
    })
    .filter((s) => s.to > s.from);
}

/** Off-queue parts of the shifts (breaks and training), clipped to the shifts. */
const offQueue = (shifts: ScheduledShift[]) =>
  intersect(
    shifts.flatMap((s) => [...s.breaks, ...s.training]),
    shifts,
  );

export function adherenceOf(
  span: Span,
  shifts: ScheduledShift[],
  reports: StateReport[],
  now: number,
): AdherenceFigures {
  const scheduled = intersect(shifts, [span]);
  const off = intersect(offQueue(shifts), scheduled);
  const work = subtract(scheduled, off);
  const online = intersect(
    timeline(reports, now).filter((s) => onQueue(s.state)),
    [span],
  );
  return {
    scheduledSeconds: seconds(scheduled),
    adherentSeconds: seconds(intersect(work, online)) + seconds(subtract(off, online)),
    plannedWorkSeconds: seconds(work),
    loggedWorkSeconds: seconds(online),
  };
}

/** What the schedule says the agent does at an instant (null: not on shift). Training wins over a break. */
export function activityAt(shifts: ScheduledShift[], at: number): Activity | null {
  const within = (s: Span) => s.from <= at && at < s.to;
  const shift = shifts.find(within);
  if (!shift) return null;
  if (shift.training.some(within)) return 'training';
  if (shift.breaks.some(within)) return 'break';
  return 'work';
}

/** The state in force at an instant (offline when nothing was reported). */
export function stateAt(reports: StateReport[], at: number): { state: AgentState; since: number | null } {
  const current = timeline(reports, at + 1).find((s) => s.from <= at && at < s.to);
  return current ? { state: current.state, since: current.from } : { state: 'offline', since: null };
}
