/** What each choice of an agent's line costs: a duty on a day, or the day off. */
export interface LineCosts {
  /** cell[day × duties + duty]; Infinity where the duty may not be chosen. */
  cell: Float64Array;
  /** Cost of a day off; Infinity where the agent must work. */
  off: Float64Array;
}
