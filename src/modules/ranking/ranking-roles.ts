import type { Role } from 'src/platform/auth/roles';

/** Managers set appraisal rules; HR runs, approves and books; supervisors read their teams; agents their own entries. */
export const SCORECARD_WRITERS: Role[] = ['admin', 'manager', 'hr'];
export const RANKING_READERS: Role[] = ['admin', 'manager', 'hr', 'supervisor'];
export const RANKING_RUNNERS: Role[] = ['admin', 'manager', 'hr'];
export const APPROVERS: Role[] = ['admin', 'hr'];
export const LEDGER_READERS: Role[] = ['admin', 'manager', 'hr', 'supervisor', 'agent'];
export const LEDGER_WRITERS: Role[] = ['admin', 'manager', 'hr'];
