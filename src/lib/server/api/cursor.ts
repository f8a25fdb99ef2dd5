// The responses API's page cursor. Callers treat it as opaque — it is base64url so that it may
// change meaning (another sort, a snapshot) without their code changing — and it says only which
// response the page before ended at.

const PREFIX = 'r1:';

export function encodeCursor(afterId: number): string {
	return Buffer.from(`${PREFIX}${afterId}`, 'utf8').toString('base64url');
}

/** The response id a cursor continues after, or null when it is not one this server gave out. */
export function decodeCursor(cursor: string): number | null {
	if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return null;
	const text = Buffer.from(cursor, 'base64url').toString('utf8');
	const match = /^r1:(\d{1,15})$/.exec(text);
	if (!match || !text.startsWith(PREFIX)) return null;
	const id = Number(match[1]);
	return Number.isSafeInteger(id) && id > 0 ? id : null;
}
