/**
 * Inputs and outputs of training-session placement. Times are epoch milliseconds (UTC); the
 * caller converts the shop's local window at the edge.
 */
import type { RealTimeQueue } from 'src/modules/staffing/engine';

export interface TimeRange {
  start: number;
  end: number;
}

/** One published shift of one agent, on one queue, with its breaks. */
export interface RosteredShift extends TimeRange {
  agentId: string;
  queueId: string;
  breaks: TimeRange[];
}

/** A real-time queue and its forecast contacts per slot (keyed by slot start). */
export interface ForecastQueue {
  queueId: string;
  queue: RealTimeQueue;
  contactsBySlot: ReadonlyMap<number, number>;
}

export interface SessionRequest {
  lengthMinutes: number;
  capacity: number;
  invitees: string[];
  /** Candidate starts lie in [window.start, window.end − length], on the slot grid. */
  window: TimeRange;
  /** Times the trainer is already taken (other sessions, own shifts on the queue). */
  trainerBusy: TimeRange[];
  /** No proposal may leave a slot below this service level… */
  minServiceLevel: number;
  /** …unless the planner asks for the options anyway. */
  allowBelowMinimum?: boolean;
  /** How many options to return. Default 5. */
  options?: number;
  /** Only starts whose local clock minute-of-day lies in this range (e.g. 09:00–21:00); needs `localMinuteOfDay`. */
  localHours?: { fromMinutes: number; toMinutes: number };
}

export interface PlacementContext {
  slotMinutes: number;
  shifts: RosteredShift[];
  queues: ForecastQueue[];
  /** Local minute of the day of a UTC instant, in the shop's zone (for `localHours`). */
  localMinuteOfDay?: (epochMs: number) => number;
}

/** What taking the attendees off one queue in one slot does to its service. */
export interface SlotImpact {
  slotStart: number;
  queueId: string;
  contacts: number;
  agentsBefore: number;
  agentsAfter: number;
  serviceLevelBefore: number;
  serviceLevelAfter: number;
}

export interface SessionOption extends TimeRange {
  attendees: string[];
  /** Contacts expected to miss the service-level threshold because of the session. */
  lostContactsWithinTarget: number;
  /** Lowest projected service level of any affected slot with the attendees away. */
  worstServiceLevel: number | null;
  belowMinimum: boolean;
  slots: SlotImpact[];
}

export interface SessionPlan {
  sessions: SessionOption[];
  /** Invitees no session could take (off, on leave, or every fitting time costs too much service). */
  makeUp: string[];
}
