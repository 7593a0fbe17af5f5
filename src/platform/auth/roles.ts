import { SetMetadata } from '@nestjs/common';

export const ROLES = ['admin', 'manager', 'supervisor', 'hr', 'trainer', 'qc', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/** Everyone who works in the shop's office; agents are kept to their own data. */
export const STAFF_ROLES: Role[] = ['admin', 'manager', 'supervisor', 'hr', 'trainer', 'qc'];
export const ALL_ROLES: Role[] = [...ROLES];

export const ROLES_KEY = 'wfm:roles';
export const PUBLIC_KEY = 'wfm:public';

/** Which roles may call a route. Routes without it (and not @Public) are refused: deny by default. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);
