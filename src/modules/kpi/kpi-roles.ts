import type { Role } from 'src/platform/auth/roles';

/** Agents read their own rows; supervisors their teams; QC compiles report figures; HR ranks from them. */
export const KPI_READERS: Role[] = ['admin', 'manager', 'supervisor', 'hr', 'qc', 'agent'];
export const DAILY_REPORT_READERS: Role[] = ['admin', 'manager', 'supervisor', 'hr', 'qc'];
