import { describe, expect, it } from 'vitest';
import { formatFormCode, generateFormCode, normaliseFormCode } from './form-code';

describe('form codes', () => {
	it('generates valid, distinct codes that read back the way people type them', () => {
		const codes = Array.from({ length: 1000 }, generateFormCode);
		expect(new Set(codes).size).toBe(1000);
		for (const code of codes) {
			expect(normaliseFormCode(code)).toBe(code);
			expect(normaliseFormCode(formatFormCode(code).toLowerCase())).toBe(code);
		}
	});

	it('catches every single-character typo and every swap of neighbours', () => {
		const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Z included: a typo may produce it
		let caught = 0;
		let tried = 0;
		for (let n = 0; n < 50; n++) {
			const code = generateFormCode();
			for (let i = 0; i < code.length; i++) {
				for (const c of alphabet) {
					if (c === code[i]) continue;
					tried++;
					if (normaliseFormCode(code.slice(0, i) + c + code.slice(i + 1)) === null) caught++;
				}
				if (i < code.length - 1 && code[i] !== code[i + 1]) {
					const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
					tried++;
					if (normaliseFormCode(swapped) === null) caught++;
				}
			}
		}
		expect(caught).toBe(tried);
	});

	it('refuses malformed input', () => {
		expect(normaliseFormCode('')).toBeNull();
		expect(normaliseFormCode('ABC')).toBeNull();
		expect(normaliseFormCode('ABCDEFGU')).toBeNull();
	});
});
