import type { Role } from 'src/platform/auth/roles';

/** Needs hold agents' names and customer quotes: the office, not agents. */
export const NEED_READERS: Role[] = ['admin', 'manager', 'trainer', 'supervisor', 'qc'];
/** Agents and supervisors ask for topics; trainers and managers may add their own. */
export const TOPIC_REQUESTERS: Role[] = ['admin', 'manager', 'trainer', 'supervisor', 'agent'];
/** Who plans and books sessions and records attendance. */
export const SESSION_PLANNERS: Role[] = ['admin', 'manager', 'trainer'];
/** Everyone reads sessions: agents their own, supervisors their teams', the rest the shop. */
export const SESSION_READERS: Role[] = ['admin', 'manager', 'trainer', 'supervisor', 'hr', 'qc', 'agent'];
export const EFFECT_READERS: Role[] = ['admin', 'manager', 'trainer', 'qc'];
export const MAKEUP_READERS: Role[] = ['admin', 'manager', 'trainer', 'supervisor', 'agent'];
