// Public-form submissions for the intake specs: through the SvelteKit route's service and through
// the fast path (as scripts/serve.mjs hands a POST over), each from an address of its own so the
// submission limit never decides a test, and what was stored read back.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../db';
import { responses } from '../db/schema';
import { createFastPath } from '../intake/fast-path';
import { newSubmissionToken } from '../intake/public-form';
import { findReceipt } from '../intake/receipt-lookup';

export const TEST_ORIGIN = 'http://xinkan.test';

let sent = 0;
/** A new client address per submission (10.30.0.0/16 and up). */
export function nextAddress(): string {
	const n = ++sent;
	return `10.${30 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

export function formData(fields: [string, string][]): FormData {
	const form = new FormData();
	for (const [k, v] of fields) form.append(k, v);
	return form;
}

/** The fields with a new submission token first, as the form page hands one out. */
export const withToken = (fields: [string, string][]): [string, string][] => [
	['submission_token', newSubmissionToken()],
	...fields
];

/** The stored row of the response a receipt code names. */
export async function storedResponse(db: Database, receiptCode: string) {
	const { responseId } = (await findReceipt(db, receiptCode))!;
	const [row] = await db.select().from(responses).where(eq(responses.id, responseId));
	return row;
}

export const storedAnswers = async (db: Database, receiptCode: string) =>
	(await storedResponse(db, receiptCode)).answers;

export const responseCount = async (db: Database) =>
	(await db.select({ id: responses.id }).from(responses)).length;

/** POST /f/<slug> through the fast path, as scripts/serve.mjs hands it over. */
export function postThroughFastPath(db: Database, slug: string, fields: [string, string][]) {
	const body = Buffer.from(new URLSearchParams(fields).toString());
	const req = Object.assign(Readable.from([body]), {
		method: 'POST',
		url: `/f/${slug}`,
		headers: {
			origin: TEST_ORIGIN,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': String(body.length)
		},
		socket: { remoteAddress: nextAddress() }
	}) as unknown as IncomingMessage;
	return new Promise<{ status: number; location: string } | 'handed to SvelteKit'>((resolve) => {
		const res = {
			headersSent: false,
			writeHead(status: number, headers: string[]) {
				const at = headers.indexOf('location');
				resolve({ status, location: headers[at + 1] });
				return res;
			},
			end() {}
		} as unknown as ServerResponse;
		const fastPath = createFastPath({ db: () => db, env: { ORIGIN: TEST_ORIGIN } });
		expect(fastPath(req, res, () => resolve('handed to SvelteKit'))).toBe(true);
	});
}
