/** Public surface of the shift design stage of the roster solver. */
export { designShifts } from './design-shifts';
export { lowerBoundPerSlotCover } from './per-slot-cover-bound';
export type { CoverBreakWindow, CoverShiftOption, PerSlotCoverBound, PerSlotCoverInput } from './per-slot-cover-bound';
export { placeBreaks } from './break-placement';
export type { BreakPlacement, BreakPlacementInput, BreakRule, PlacedBreak, ShiftToBreak } from './break-placement';
export { evaluateDesign, coverageOf, resolveWeights } from './design-evaluation';
export { enumerateCandidateShifts, coveredSlots, ShiftDesignInputError, type CandidateShift } from './candidate-shifts';
export { parseDzn, readShiftDesignInstance, shiftDesignInputOf, type ShiftDesignInstance } from './dzn-instance-reader';
export type * from './shift-design.types';
