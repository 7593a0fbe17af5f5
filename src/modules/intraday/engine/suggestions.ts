import type { ScheduledShift, Span } from 'src/modules/adherence/engine/adherence';
import type { RealTimeQueue } from 'src/modules/staffing/engine';
import { AgentDay, DaySlot, projectRest, projectWith, restServiceLevel, scheduledIn } from './live-day';

/**
 * What can be done about the rest of a queue's day, each with its effect on the projected service
 * level: move breaks not yet taken within their windows, start earlier, work an extra shift on a
 * day off (when service falls below target), or release an agent whose shift has not begun (when
 * every slot to come stays at target without them). Pure; whether a change keeps the contract
 * and rest rules is the roster's say, asked by the caller for the candidates ranked here.
 */

export type SuggestionKind = 'move-break' | 'early-start' | 'overtime' | 'release';
export type BreakRule = {
  name: string;
  minutes: number;
  earliestAfterMinutes: number;
  latestAfterMinutes: number;
  minShiftMinutes: number;
};
/** A shift template as offered today: its allowed starts as instants, length and break windows. */
export type TemplateOption = { code: string; starts: number[]; lengthMinutes: number; breaks: BreakRule[] };
/** An agent's shift today on the queue, with the template it was made from. */
export type TodayShift = ScheduledShift & { template: TemplateOption };
export type AgentOptions = {
  agentId: string;
  /** The shift on the queue today; null on a day off. */
  shift: TodayShift | null;
  /** Works another queue today (no extra shift is offered). */
  busyElsewhere: boolean;
};

export type Candidate = {
  kind: SuggestionKind;
  agentId: string;
  /** The agent's shift after the change (null: released), breaks and training included. */
  shift: ScheduledShift | null;
  /** The shift it replaces (null: an extra shift). */
  replaces: ScheduledShift | null;
  template: string | null;
};

export type Effect = {
  restOfDay: { before: number | null; after: number | null };
  slots: { from: number; scheduledBefore: number; scheduledAfter: number; before: number; after: number }[];
};
export type Suggestion = Candidate & { effect: Effect; gain: number };

const STEP = 15 * 60_000;
const overlaps = (a: Span, b: Span) => a.from < b.to && b.from < a.to;

/** A break not yet begun, placed at every other start of its window (on the quarter-hour grid from the shift start, not in training or another break). */
export function breakMoves(shift: TodayShift, now: number): ScheduledShift[] {
  const rules = shift.template.breaks.filter((r) => (shift.to - shift.from) / 60_000 >= r.minShiftMinutes);
  const out: ScheduledShift[] = [];
  shift.breaks.forEach((b, i) => {
    const rule = rules[i];
    if (!rule || b.from <= now) return;
    for (
      let from = shift.from + rule.earliestAfterMinutes * 60_000;
      from <= shift.from + rule.latestAfterMinutes * 60_000;
      from += STEP
    ) {
      const moved = { from, to: from + rule.minutes * 60_000 };
      if (
        from === b.from ||
        from < now ||
        shift.training.some((t) => overlaps(t, moved)) ||
        shift.breaks.some((o, j) => j !== i && overlaps(o, moved))
      )
        continue;
      out.push({ ...shift, breaks: shift.breaks.map((o, j) => (j === i ? moved : o)) });
    }
  });
  return out;
}

/** The same shift started earlier (a start the template allows, not in the past); breaks keep their place in the shift. */
export function earlyStarts(shift: TodayShift, now: number): ScheduledShift[] {
  return shift.template.starts
    .filter((s) => s < shift.from && s >= now)
    .map((s) => {
      const by = shift.from - s;
      const move = (x: Span) => ({ from: x.from - by, to: x.to - by });
      return { ...move(shift), breaks: shift.breaks.map(move), training: shift.training };
    })
    .filter((s) => !s.training.some((t) => s.breaks.some((b) => overlaps(b, t))));
}

/** A shift of the template at each allowed start to come, breaks at the middle of their windows (on the grid). */
export function extraShifts(template: TemplateOption, now: number): ScheduledShift[] {
  return template.starts
    .filter((s) => s >= now)
    .map((from) => ({
      from,
      to: from + template.lengthMinutes * 60_000,
      training: [],
      breaks: template.breaks
        .filter((r) => template.lengthMinutes >= r.minShiftMinutes)
        .map((r) => {
          const middle =
            from +
            (r.earliestAfterMinutes + Math.floor((r.latestAfterMinutes - r.earliestAfterMinutes) / 2 / 15) * 15) *
              60_000;
          return { from: middle, to: middle + r.minutes * 60_000 };
        }),
    }));
}

/** Every change worth asking the roster about, before its effect is known. */
export function candidates(
  agents: AgentOptions[],
  templates: TemplateOption[],
  now: number,
  belowTarget: boolean,
): Candidate[] {
  const out: Candidate[] = [];
  for (const a of agents) {
    if (!belowTarget) {
      if (a.shift && a.shift.from > now)
        out.push({ kind: 'release', agentId: a.agentId, shift: null, replaces: a.shift, template: null });
      continue;
    }
    if (a.shift) {
      for (const s of breakMoves(a.shift, now))
        out.push({
          kind: 'move-break',
          agentId: a.agentId,
          shift: s,
          replaces: a.shift,
          template: a.shift.template.code,
        });
      for (const s of earlyStarts(a.shift, now))
        out.push({
          kind: 'early-start',
          agentId: a.agentId,
          shift: s,
          replaces: a.shift,
          template: a.shift.template.code,
        });
    } else if (!a.busyElsewhere) {
      for (const t of templates)
        for (const s of extraShifts(t, now))
          out.push({ kind: 'overtime', agentId: a.agentId, shift: s, replaces: null, template: t.code });
    }
  }
  return out;
}

/** Agents scheduled per slot for a day's agents, worked out once for every candidate scored against that day. */
const scheduledOfDay = new WeakMap<DaySlot[], WeakMap<AgentDay[], number[]>>();
function scheduledPerSlot(slots: DaySlot[], days: AgentDay[]): number[] {
  const byDays = scheduledOfDay.get(slots) ?? new WeakMap<AgentDay[], number[]>();
  scheduledOfDay.set(slots, byDays);
  const known = byDays.get(days);
  if (known) return known;
  const counts = slots.map((s) => scheduledIn(s, days));
  byDays.set(days, counts);
  return counts;
}

/** What one change does to the rest of the day: the service level before and after, and each slot it moves. */
export function effectOf(
  queue: RealTimeQueue,
  slots: DaySlot[],
  days: AgentDay[],
  c: Pick<Candidate, 'agentId' | 'shift' | 'replaces'>,
  now: number,
  baseline = projectRest(queue, slots, days, now),
): Effect {
  const kept = (s: Span) => !c.replaces || s.from !== c.replaces.from || s.to !== c.replaces.to;
  const mine = days.find((d) => d.agentId === c.agentId) ?? { agentId: c.agentId, shifts: [], reports: [] };
  const mineAfter = { ...mine, shifts: [...mine.shifts.filter(kept), ...(c.shift ? [c.shift] : [])] };
  // Only the slots the change touches move: the others keep the baseline, and a touched slot's
  // agents are the day's (worked out once per day) less this agent before plus this agent after.
  const touched = (s: Span) => [c.shift, c.replaces].some((x) => x && x.from < s.to && s.from < x.to);
  const base = scheduledPerSlot(slots, days);
  const scheduledAfter = slots.map((s, i) =>
    touched(s) ? base[i] - scheduledIn(s, [mine]) + scheduledIn(s, [mineAfter]) : base[i],
  );
  const projected = slots.map((s, i) =>
    s.to <= now || !touched(s) ? baseline[i] : projectWith(queue, s.contacts, scheduledAfter[i]),
  );
  const changed = slots
    .map((s, i) => ({ s, i }))
    .filter(
      ({ i }) => baseline[i] && projected[i] && Math.abs(baseline[i]!.serviceLevel - projected[i]!.serviceLevel) > 1e-9,
    )
    .map(({ s, i }) => ({
      from: s.from,
      scheduledBefore: base[i],
      scheduledAfter: scheduledAfter[i],
      before: baseline[i]!.serviceLevel,
      after: projected[i]!.serviceLevel,
    }));
  return {
    restOfDay: { before: restServiceLevel(slots, baseline), after: restServiceLevel(slots, projected) },
    slots: changed,
  };
}

/**
 * Scores the candidates and ranks them: improvements by the gain in the rest of the day's service
 * level (the best change per agent and kind), releases by the smallest loss among those that keep
 * every slot to come at the target. Nothing is suggested when no slot to come is below target and
 * no release keeps it there.
 */
export function rankSuggestions(
  queue: RealTimeQueue,
  slots: DaySlot[],
  days: AgentDay[],
  options: AgentOptions[],
  templates: TemplateOption[],
  now: number,
): Suggestion[] {
  const target = queue.target.serviceLevel ?? 0;
  const baseline = projectRest(queue, slots, days, now);
  const below = slots.some((s, i) => baseline[i] !== null && s.contacts > 0 && baseline[i]!.serviceLevel < target);
  const best = new Map<string, Suggestion>();
  for (const c of candidates(options, templates, now, below)) {
    const effect = effectOf(queue, slots, days, c, now, baseline);
    const gain = (effect.restOfDay.after ?? 0) - (effect.restOfDay.before ?? 0);
    if (below && gain <= 1e-9) continue;
    if (!below && effect.slots.some((s) => s.after < target)) continue;
    const key = `${c.agentId}/${c.kind}`;
    const held = best.get(key);
    if (!held || gain > held.gain) best.set(key, { ...c, effect, gain });
  }
  return [...best.values()].sort((a, b) => b.gain - a.gain || a.agentId.localeCompare(b.agentId));
}
