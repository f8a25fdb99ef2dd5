/** Sent with every answer, by the securityHeaders hook and by the fast path alike. */
export const SECURITY_HEADERS: readonly [string, string][] = [
	['x-content-type-options', 'nosniff'],
	['referrer-policy', 'same-origin'],
	['x-frame-options', 'DENY']
];
