// Single-use codes printed on paper forms: 7 random characters and a check character. The
// alphabet is Crockford's base32 without Z (31 symbols, a prime), and a code is valid when
// Σ position × value ≡ 0 (mod 31): every mistyped character and every swap of two neighbours
// changes that sum, so the mistake is caught at the keyboard instead of counting a wrong form.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY';
const P = ALPHABET.length; // 31
export const FORM_CODE_LENGTH = 8;

function weightedSum(values: number[]): number {
	return values.reduce((sum, v, i) => (sum + (i + 1) * v) % P, 0);
}

/** The check value c with (Σ + 8c) ≡ 0 mod 31; 4 is the inverse of 8 modulo 31. */
function checkValue(payload: number[]): number {
	return (((P - weightedSum(payload)) % P) * 4) % P;
}

function randomValues(n: number): number[] {
	const out: number[] = [];
	while (out.length < n) {
		// Rejection sampling keeps every symbol equally likely (248 = 8 × 31).
		for (const b of crypto.getRandomValues(new Uint8Array(n))) {
			if (b < 248 && out.length < n) out.push(b % P);
		}
	}
	return out;
}

export function generateFormCode(): string {
	const payload = randomValues(FORM_CODE_LENGTH - 1);
	return [...payload, checkValue(payload)].map((v) => ALPHABET[v]).join('');
}

/** Reads a code as typed or scanned (any case, dashes, spaces, I/L/O); null when malformed or the check fails. */
export function normaliseFormCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
	if (code.length !== FORM_CODE_LENGTH) return null;
	const values = [...code].map((c) => ALPHABET.indexOf(c));
	if (values.some((v) => v < 0)) return null;
	return weightedSum(values) === 0 ? code : null;
}

/** `K7M29QXA` → `K7M2-9QXA`, easier to read aloud and to copy from paper. */
export function formatFormCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}
