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

/** True when an error means the database server is out of reach rather than the query being wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
	let e: unknown = error;
	for (let depth = 0; e && depth < 4; depth++) {
		const code = (e as { code?: string }).code;
		if (code && CONNECTION_CODES.has(code)) return true;
		e = (e as { cause?: unknown }).cause;
	}
	return false;
}
