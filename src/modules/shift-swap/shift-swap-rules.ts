import type { ShiftChange } from 'src/modules/roster/roster.dto';
import { changeStart } from 'src/modules/roster/roster-week';
import { dayOfWeek } from 'src/modules/self-service/published-weeks.service';

/** A published shift as a swap moves it: whose, when, which roster, what is worked. */
export type SwapShift = {
  agentId: string;
  date: string;
  rosterId: string;
  code: string;
  startMinutes: number;
  skill: string | null;
};
export type SwapPlan = {
  changes: Map<string, ShiftChange[]>;
  /** The (roster, day, skill) cells whose cover the swap may move. */
  touched: { rosterId: string; day: number; skill: string | null }[];
};

const worked = (agentId: string, date: string, s: SwapShift): ShiftChange => ({
  agentId,
  date,
  shiftTemplate: s.code,
  ...changeStart(s.startMinutes),
  ...(s.skill ? { skill: s.skill } : {}),
});

/**
 * The roster changes of a swap: the offered shift moves from its owner to the taker; the shift
 * given back (if any) moves the other way. `rosterOf` names the roster that publishes an agent's
 * week of a date (team mates share it, weeks may differ). Each agent-day is changed once.
 */
export function swapPlan(
  offered: SwapShift,
  takerId: string,
  back: SwapShift | null,
  rosterOf: (agentId: string, date: string) => string,
): SwapPlan {
  const plan: SwapPlan = { changes: new Map(), touched: [] };
  // Every change is on a day one of the two shifts is worked: cover of that shift's skill there may move.
  const add = (rosterId: string, change: ShiftChange, moved: SwapShift) => {
    plan.changes.set(rosterId, [...(plan.changes.get(rosterId) ?? []), change]);
    plan.touched.push({ rosterId, day: dayOfWeek(change.date), skill: moved.skill });
  };
  if (back?.date === offered.date) add(offered.rosterId, worked(offered.agentId, offered.date, back), back);
  else add(offered.rosterId, { agentId: offered.agentId, date: offered.date, shiftTemplate: null }, offered);
  add(rosterOf(takerId, offered.date), worked(takerId, offered.date, offered), offered);
  if (back && back.date !== offered.date) {
    add(back.rosterId, { agentId: takerId, date: back.date, shiftTemplate: null }, back);
    add(rosterOf(offered.agentId, back.date), worked(offered.agentId, back.date, back), back);
  }
  return plan;
}
