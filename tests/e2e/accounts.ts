/** Accounts the end-to-end server is seeded with (see tests/e2e/setup-db.ts). */
export const E2E_PASSWORD = 'e2e-password-1';
export const E2E_PORT = Number(process.env.E2E_PORT || 4173);
export const E2E_ORIGIN = `http://localhost:${E2E_PORT}`;

export const E2E_USERS = [
	{ username: 'organiser1', role: 'organiser', unit: null },
	{ username: 'clerk1', role: 'clerk', unit: null },
	{ username: 'reviewer1', role: 'reviewer', unit: null },
	{ username: 'handler-a', role: 'handler', unit: '营销部' },
	{ username: 'handler-b', role: 'handler', unit: '运维检修部' },
	{ username: 'leader1', role: 'leader', unit: null }
] as const;
