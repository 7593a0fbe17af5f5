import type { Role } from 'src/platform/auth/roles';

/** Trainers read forecasts too: they place sessions in the quiet slots. */
export const FORECAST_READERS: Role[] = ['admin', 'manager', 'supervisor', 'trainer'];
export const FORECAST_WRITERS: Role[] = ['admin', 'manager'];
