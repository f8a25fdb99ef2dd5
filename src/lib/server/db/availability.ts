const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'CONNECT_TIMEOUT',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'57P01', // admin_shutdown
	'57P02', // crash_shutdown
	'57P03' // cannot_connect_now
]);

/** The connection-level code (ECONNREFUSED, 57P01, …) of an error or of one it wraps, or null. */
export function unavailableCode(error: unknown): string | null {
	let e: unknown = error;
	for (let depth = 0; e && depth < 4; depth++) {
		const code = (e as { code?: string }).code;
		if (code && CONNECTION_CODES.has(code)) return code;
		e = (e as { cause?: unknown }).cause;
	}
	return null;
}

/** True when an error means the database server is out of reach rather than the query being wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
	return unavailableCode(error) !== null;
}
