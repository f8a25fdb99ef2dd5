import { randomBytes } from '../platform/random';

// Crockford base32: no I, L, O or U, so a code read aloud or typed from paper is hard to get wrong.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_CODE_LENGTH = 8;

/** 8 random characters = 40 bits: unguessable from other codes, short enough to write down. */
export function generateReceiptCode(): string {
	const bytes = randomBytes(RECEIPT_CODE_LENGTH);
	return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}

/** Reads a code as people type it: any case, spaces and dashes, I/L for 1 and O for 0. */
export function normaliseReceiptCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
	if (code.length !== RECEIPT_CODE_LENGTH) return null;
	for (const c of code) if (!ALPHABET.includes(c)) return null;
	return code;
}
