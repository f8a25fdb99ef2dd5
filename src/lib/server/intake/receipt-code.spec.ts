import { describe, expect, it } from 'vitest';
import { generateReceiptCode, normaliseReceiptCode } from './receipt-code';

describe('receipt codes', () => {
	it('are 8 Crockford base32 characters and do not repeat', () => {
		const codes = new Set(Array.from({ length: 2000 }, generateReceiptCode));
		expect(codes.size).toBe(2000);
		for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
	});

	it('read the way people type them', () => {
		expect(normaliseReceiptCode('abcd-efgh')).toBe('ABCDEFGH');
		expect(normaliseReceiptCode(' 0o1i l234 ')).toBe('00111234');
		expect(normaliseReceiptCode('ABCDEFG')).toBeNull();
		expect(normaliseReceiptCode('ABCDEFGU')).toBeNull();
		expect(normaliseReceiptCode('ABCDEFGH1')).toBeNull();
	});
});
