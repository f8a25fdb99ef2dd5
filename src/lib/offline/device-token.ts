const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * A submission token made on the clerk's device, in the server's shape (32 base32 characters,
 * 160 random bits): a form typed offline has its token before it ever reaches the server, and
 * the server stores each token once. 32 symbols divide 256, so every symbol is equally likely.
 */
export function newDeviceToken(): string {
	return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => ALPHABET[b % 32]).join('');
}
