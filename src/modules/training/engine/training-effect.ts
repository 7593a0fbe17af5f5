/**
 * Did the training help? The attendees' QC scores in the session's category over N days before
 * versus N days after, beside the non-attendees over the same days (a difference in differences).
 */

export interface CategoryScore {
  agentId: string;
  at: number;
  score: number;
}

export interface ScoreWindow {
  reviews: number;
  agents: number;
  mean: number | null;
}

export interface GroupEffect {
  before: ScoreWindow;
  after: ScoreWindow;
  /** after − before; null when either side has no reviews. */
  change: number | null;
}

export interface TrainingEffect {
  attendees: GroupEffect;
  others: GroupEffect;
  /** Attendees' change minus the others' change: what the session added beyond the general drift. */
  effect: number | null;
}

const DAY = 86_400_000;

function window(scores: CategoryScore[]): ScoreWindow {
  if (scores.length === 0) return { reviews: 0, agents: 0, mean: null };
  return {
    reviews: scores.length,
    agents: new Set(scores.map((s) => s.agentId)).size,
    mean: scores.reduce((sum, s) => sum + s.score, 0) / scores.length,
  };
}

function group(scores: CategoryScore[], sessionStart: number, sessionEnd: number, days: number): GroupEffect {
  const before = window(scores.filter((s) => s.at < sessionStart && s.at >= sessionStart - days * DAY));
  const after = window(scores.filter((s) => s.at >= sessionEnd && s.at < sessionEnd + days * DAY));
  return { before, after, change: before.mean === null || after.mean === null ? null : after.mean - before.mean };
}

export function trainingEffect(
  scores: CategoryScore[],
  attendees: ReadonlySet<string>,
  session: { start: number; end: number },
  days: number,
): TrainingEffect {
  if (!(Number.isInteger(days) && days > 0)) throw new RangeError(`days must be a whole number > 0, got ${days}`);
  const mine = group(
    scores.filter((s) => attendees.has(s.agentId)),
    session.start,
    session.end,
    days,
  );
  const others = group(
    scores.filter((s) => !attendees.has(s.agentId)),
    session.start,
    session.end,
    days,
  );
  return {
    attendees: mine,
    others,
    effect: mine.change === null || others.change === null ? null : mine.change - others.change,
  };
}
