/**
 * The roster problem as the product states it: plain data in (so it crosses a worker-thread
 * boundary unchanged). Days are indices 0..days-1 from `startDate` in the shop's time zone.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface RosterHorizon {
  /** Local date of day 0, `YYYY-MM-DD`. */
  startDate: string;
  days: number;
  /** IANA zone of the shop, e.g. `Asia/Shanghai`. */
  timeZone: string;
  /** Slot length of per-slot demand and of start/length windows. Default 30. */
  slotMinutes?: number;
  /** Days forming a weekend. Default Saturday and Sunday. */
  weekendDays?: IsoWeekday[];
}

/** A break inside long shifts, e.g. a 60-minute meal starting 3–5 h after the shift starts. */
export interface BreakRule {
  name: string;
  minutes: number;
  /** Applies to shifts at least this long. */
  minShiftMinutes: number;
  /** The break starts between these offsets from the shift start (inclusive). */
  earliestStartAfterMinutes: number;
  latestStartAfterMinutes: number;
  /** Paid breaks count towards contract minutes. Default false. */
  paid?: boolean;
}

/**
 * A shift template. Either exact (`startMinutes`, `lengthMinutes`), which is how candidate shifts
 * from shift design arrive, or windows that the solver expands on the slot grid.
 */
export interface ShiftType {
  id: string;
  /** Local wall-clock start, minutes after midnight. */
  startMinutes?: number;
  startWindow?: { earliest: number; latest: number };
  lengthMinutes?: number;
  lengthWindow?: { min: number; max: number };
  breaks?: BreakRule[];
  /** Counts for late-shift fairness. */
  late?: boolean;
  /** Shift types that may not be worked the day after this one (besides the minimum rest rule). */
  notFollowedBy?: string[];
}

/** "5 early on Monday": cover per day and shift type, optionally of one skill. */
export interface DayCover {
  day: number;
  shiftTypeId: string;
  skill?: string;
  required: number;
  underWeight: number;
  overWeight: number;
}

/**
 * Required agents per slot (from staffing). `requiredAgents[day][k]` is the slot starting
 * k × slotMinutes of elapsed time after the day's local midnight, so DST days have 46 or 50 slots.
 */
export interface SlotDemand {
  skill?: string;
  requiredAgents: number[][];
  /** Per agent-slot short or over. */
  underWeight: number;
  overWeight: number;
}

export interface AgentContract {
  minMinutes: number;
  maxMinutes: number;
  /** Most shifts of a type over the horizon; 0 forbids the type. */
  maxShiftsByType?: Record<string, number>;
  minConsecutiveWorkDays?: number;
  maxConsecutiveWorkDays?: number;
  minConsecutiveDaysOff?: number;
  maxWeekends?: number;
  /** Most days worked over the horizon ("5 days a week"), whatever the shifts' lengths. */
  maxWorkDays?: number;
}

/** Leave over part of `day`, in local wall-clock minutes after its midnight (`toMinutes` at most 1440). */
export interface LeavePart {
  day: number;
  fromMinutes: number;
  toMinutes: number;
}

/** Not available on `day`: the whole day, or only the local clock range [fromMinutes, toMinutes). */
export interface Unavailability {
  day: number;
  fromMinutes?: number;
  toMinutes?: number;
}

/**
 * The run of equal working state next to the horizon, from the published rosters of the weeks
 * around it: `days` worked (or off) in a row, ending the day before day 0 or starting the day after
 * the last day. Runs of work and of days off continue across the horizon's edges with it.
 */
export interface NeighbourRun {
  working: boolean;
  days: number;
}

/** Time an agent is booked away from the queues during a shift (training): no break may fall in it. */
export interface AgentActivity {
  day: number;
  /** Local wall-clock minutes after the day's midnight; `toMinutes` may run past it. */
  fromMinutes: number;
  toMinutes: number;
  title?: string;
}

/** A wish: `on` = would like to work (that shift type, or any), `off` = would rather not. */
export interface ShiftRequest {
  day: number;
  kind: 'on' | 'off';
  shiftTypeId?: string;
  weight: number;
}

export interface RosterAgent {
  id: string;
  skills: string[];
  supervisor?: boolean;
  contract: AgentContract;
  fixedDaysOff?: number[];
  /**
   * Approved leave (hard, like fixed days off, but explained separately). Leave, fixed days off
   * and unavailability may name the day after the horizon: a night shift may not run into it.
   */
  leaveDays?: number[];
  /**
   * Approved leave over part of a day (local clock `[fromMinutes, toMinutes)`, 1440 = the next
   * midnight): no shift may overlap its instants, whichever day the shift starts on.
   */
  leaveParts?: LeavePart[];
  unavailable?: Unavailability[];
  requests?: ShiftRequest[];
  /** The run that ends the day before day 0; unknown (no rule across the edge) when absent. */
  runBefore?: NeighbourRun;
  /** The run that starts the day after the horizon's last day. */
  runAfter?: NeighbourRun;
  activities?: AgentActivity[];
}

/**
 * A published shift of a neighbouring week that bears on the horizon: `day` -1 (the evening before
 * day 0, a night shift still on duty in its first hours) or `days` (the morning after the last
 * day). It owes rest to the shifts next to it and covers demand; it is never changed here.
 */
export interface NeighbourShift {
  agentId: string;
  day: number;
  /** Shift type id, or a label for templates the horizon does not know. */
  shiftTypeId: string;
  startMinutes: number;
  lengthMinutes: number;
  skill?: string;
  /** Local minutes after the midnight of `day`. */
  breaks?: { startMinutes: number; minutes: number; offsetMinutes?: number }[];
}

/** Carried from the previous week or set by hand; `shiftTypeId: null` locks a day off. */
export interface LockedAssignment {
  agentId: string;
  day: number;
  shiftTypeId: string | null;
  skill?: string;
}

export interface RosterRules {
  /** Minimum minutes between the end of one shift and the start of the next. */
  minRestMinutes?: number;
  /** Every worked shift (day, shift type) has a supervisor on it. */
  supervisorOnEveryShift?: boolean;
  /** Shifts of one day that follow each other must overlap at least this long (checked on the templates). */
  handoverMinutes?: number;
}

/** Weights of the soft terms not carried by the demand itself. */
export interface RosterWeights {
  /** Per late shift an agent is above or below the even share. */
  lateFairness?: number;
  /** Per weekend day an agent works above or below the even share. */
  weekendFairness?: number;
}

export interface RosterProblem {
  horizon: RosterHorizon;
  shiftTypes: ShiftType[];
  agents: RosterAgent[];
  dayCover?: DayCover[];
  slotDemand?: SlotDemand[];
  locked?: LockedAssignment[];
  neighbourShifts?: NeighbourShift[];
  rules?: RosterRules;
  weights?: RosterWeights;
}
