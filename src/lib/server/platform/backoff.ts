/**
 * Milliseconds to wait before attempt `attempts + 1` after `attempts` failed ones: `firstMs`,
 * doubling, at most `maxMs`. The one schedule of the notification and webhook outboxes.
 */
export function doublingBackoff(attempts: number, firstMs: number, maxMs: number): number {
	return Math.min(firstMs * 2 ** Math.max(0, attempts - 1), maxMs);
}
