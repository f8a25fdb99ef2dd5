// Vocabulary shared by server and browser code (the database schema module is server-only).
export const ROLES = ['admin', 'organiser', 'clerk', 'reviewer', 'handler', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ['company', 'department', 'station'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const AREA_KINDS = ['township', 'street'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
