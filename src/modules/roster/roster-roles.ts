import type { Role } from 'src/platform/auth/roles';

/** Supervisors read the rosters of their own teams; managers generate, edit and publish. */
export const ROSTER_READERS: Role[] = ['admin', 'manager', 'supervisor'];
export const ROSTER_WRITERS: Role[] = ['admin', 'manager'];
/** Whoever has an agent record sees their own published shifts. */
export const OWN_SHIFT_READERS: Role[] = ['agent', 'supervisor'];
