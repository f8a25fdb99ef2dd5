import { randomFillSync } from 'node:crypto';

// Asking the system generator for 8 or 20 bytes at a time costs more than the rest of making a
// token; bytes are drawn from a pool filled 4 KB at a time instead, and each is handed out once.
const pool = new Uint8Array(4096);
let used = pool.length;

/** `n` cryptographically random bytes (a copy: the pool is refilled in place). */
export function randomBytes(n: number): Uint8Array {
	if (n > pool.length) return randomFillSync(new Uint8Array(n));
	if (used + n > pool.length) {
		randomFillSync(pool);
		used = 0;
	}
	const bytes = pool.slice(used, used + n);
	used += n;
	return bytes;
}
