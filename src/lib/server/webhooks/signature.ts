import { createHmac, timingSafeEqual } from 'node:crypto';

/** A receiver should refuse a delivery whose timestamp is further than this from its clock. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

/** `sha256=<hex>` of HMAC-SHA256 over `<timestamp>.<body>` with the endpoint's secret. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does (docs/notes/webhooks.md shows it): the signature matches, in constant time,
 * and the timestamp is within the replay window of `now` (seconds).
 */
export function verifySignature(
	secret: string,
	headers: { timestamp: string | undefined; signature: string | undefined },
	body: string,
	now = Math.floor(Date.now() / 1000)
): boolean {
	const timestamp = Number(headers.timestamp);
	if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > REPLAY_WINDOW_SECONDS) {
		return false;
	}
	const expected = Buffer.from(signatureOf(secret, timestamp, body));
	const given = Buffer.from(headers.signature ?? '');
	return given.length === expected.length && timingSafeEqual(given, expected);
}
