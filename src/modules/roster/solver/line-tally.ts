import { OFF as OFF_DUTY, type CompiledAgent, type CompiledRoster } from './compiled-roster';
import { BREACH_PER_DAY as PER_DAY, BREACH_PER_WEEKEND as PER_WEEKEND, lineBreach, runBreach } from './rule-breach';

/** Read once: under some loaders (tsx) an imported constant is a getter call on every read, in the hottest loop. */
const OFF = OFF_DUTY;
const BREACH_PER_DAY = PER_DAY;
const BREACH_PER_WEEKEND = PER_WEEKEND;

/**
 * A line with what the rules count of it (minutes, days, shifts per type, weekends), kept as it
 * changes: what one day's change does to the line's breach (`lineBreach`) is then known in a few
 * steps instead of a pass over the line, so a repair (`repairGuess`) weighs every shift of every
 * day in a pass. Exact for changes among the shifts the agent may work (and days off it may take).
 */
export class LineTally {
  readonly nDuties: number;
  private readonly nShifts: number;
  private readonly perType: Int32Array;
  private readonly weekendOf: Int32Array;
  private readonly weekendDays: Int32Array;
  /** The agent's limits and the duties' figures in plain arrays and numbers (window agents are spread copies, slow to read). */
  private readonly caps: Float64Array;
  private readonly limits: { minMinutes: number; maxMinutes: number; maxWorkDays: number; maxWeekends: number };
  readonly dutyMinutes: Int32Array;
  private readonly dutyType: Int32Array;
  private readonly dutyShift: Int32Array;
  private minutes = 0;
  private workDays = 0;
  private weekends = 0;
  /** Shifts over their type's cap, summed over types. */
  private overCaps = 0;
  /** The run rules' part of the breach, recounted on change. */
  runs: number;
  breach: number;

  constructor(
    readonly model: CompiledRoster,
    readonly agent: CompiledAgent,
    readonly line: Int32Array,
  ) {
    this.nDuties = model.duties.length;
    this.nShifts = model.shifts.length;
    this.perType = new Int32Array(model.typeIds.length);
    this.weekendOf = new Int32Array(line.length).fill(-1);
    this.weekendDays = new Int32Array(model.weekends.length);
    this.caps = Float64Array.from(agent.maxShiftsByType);
    const { minMinutes, maxMinutes, maxWorkDays, maxWeekends } = agent;
    this.limits = { minMinutes, maxMinutes, maxWorkDays, maxWeekends };
    this.dutyMinutes = Int32Array.from(model.duties, (duty) => duty.minutes);
    this.dutyType = Int32Array.from(model.duties, (duty) => duty.type);
    this.dutyShift = Int32Array.from(model.duties, (duty) => duty.shift);
    model.weekends.forEach((days, w) => days.forEach((d) => (this.weekendOf[d] = w)));
    for (let d = 0; d < line.length; d++) if (line[d] !== OFF) this.count(d, line[d], 1);
    this.runs = runBreach(agent, line);
    this.breach = lineBreach(model, agent, line);
  }

  private count(d: number, duty: number, by: 1 | -1): void {
    const w = this.weekendOf[d];
    const type = this.dutyType[duty];
    const cap = this.caps[type];
    this.overCaps += over(this.perType[type] + by, cap) - over(this.perType[type], cap);
    this.perType[type] += by;
    this.minutes += by * this.dutyMinutes[duty];
    this.workDays += by;
    if (w < 0) return;
    if (by > 0 && this.weekendDays[w]++ === 0) this.weekends++;
    if (by < 0 && --this.weekendDays[w] === 0) this.weekends--;
  }

  /** Whether `duty` on day d followed by `next` on d + 1 is a banned succession. */
  private banned(d: number, duty: number, next: number): boolean {
    if (duty === OFF || next === OFF) return false;
    const banned = this.model.forbiddenNextAfter[d] ?? this.model.forbiddenNext;
    return banned[this.dutyShift[duty] * this.nShifts + this.dutyShift[next]] === 1;
  }

  /** Banned successions into and out of day d were it `value`, in breach units. */
  private successions(d: number, value: number): number {
    const { line } = this;
    let n = 0;
    if (d > 0 && this.banned(d - 1, line[d - 1], value)) n++;
    if (d + 1 < line.length && this.banned(d, value, line[d + 1])) n++;
    return n * BREACH_PER_DAY;
  }

  /** The totals' part of the breach (minutes, days, shifts per type, weekends) with the given changes. */
  private totals(minutes: number, workDays: number, weekends: number, overCaps: number): number {
    const { limits } = this;
    const hours = (over(limits.minMinutes, minutes) + over(minutes, limits.maxMinutes)) / 60;
    const weekendsOver = over(weekends, limits.maxWeekends) * BREACH_PER_WEEKEND;
    return hours + weekendsOver + (over(workDays, limits.maxWorkDays) + overCaps) * BREACH_PER_DAY;
  }

  /** Sets day d to `value`, the counts with it. */
  set(d: number, value: number): void {
    if (this.line[d] !== OFF) this.count(d, this.line[d], -1);
    this.line[d] = value;
    if (value !== OFF) this.count(d, value, 1);
  }

  /**
   * The breach were day d `value` instead, the line left as it is: `base` is the breach less its
   * totals and the day's successions and runs as they are, `runsThen` the run rules' part then.
   */
  breachIf(d: number, value: number, base: number, runsThen: number): number {
    const old = this.line[d];
    const { dutyMinutes, dutyType } = this;
    let minutes = this.minutes;
    let workDays = this.workDays;
    let weekends = this.weekends;
    let overCaps = this.overCaps;
    const w = this.weekendOf[d];
    if (old !== OFF) {
      minutes -= dutyMinutes[old];
      workDays--;
      if (w >= 0 && value === OFF && this.weekendDays[w] === 1) weekends--;
    }
    if (value !== OFF) {
      minutes += dutyMinutes[value];
      workDays++;
      if (w >= 0 && old === OFF && this.weekendDays[w] === 0) weekends++;
    }
    const oldType = old === OFF ? -1 : dutyType[old];
    const newType = value === OFF ? -1 : dutyType[value];
    if (oldType !== newType) {
      if (oldType >= 0) overCaps -= this.perType[oldType] > this.caps[oldType] ? 1 : 0;
      if (newType >= 0) overCaps += this.perType[newType] >= this.caps[newType] ? 1 : 0;
    }
    return base + this.successions(d, value) + runsThen + this.totals(minutes, workDays, weekends, overCaps);
  }

  /** The breach less what a change of day d can alter (see `breachIf`). */
  baseFor(d: number): number {
    return this.breach - this.totalsNow() - this.successions(d, this.line[d]) - this.runs;
  }

  private totalsNow(): number {
    return this.totals(this.minutes, this.workDays, this.weekends, this.overCaps);
  }

  /** The run rules' part were day d `value` (only a turn between work and rest changes it). */
  runsIf(d: number, value: number): number {
    const old = this.line[d];
    if ((old === OFF) === (value === OFF)) return this.runs;
    this.line[d] = value;
    const runs = runBreach(this.agent, this.line);
    this.line[d] = old;
    return runs;
  }

  /** Sets days from d on to `values`; returns what they were. */
  setBlock(d: number, values: readonly number[]): number[] {
    const kept = Array.from(this.line.subarray(d, d + values.length));
    values.forEach((value, k) => this.set(d + k, value));
    return kept;
  }

  /** Recounts the run rules and the breach after changes made outside `breachIf`'s view. */
  resync(): void {
    this.runs = runBreach(this.agent, this.line);
    this.breach = lineBreach(this.model, this.agent, this.line);
  }
}

function over(value: number, limit: number): number {
  return value > limit ? value - limit : 0;
}
