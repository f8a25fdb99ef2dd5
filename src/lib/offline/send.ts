import { entryPaths } from './paths';
import { markRefused, markSent, type QueuedEntry } from './queue';

/** What one attempt to send a queued form came to. */
export type SendAnswer =
	| { kind: 'stored'; receiptCode: string }
	| { kind: 'refused'; reason: string; errors: Record<string, string>; enteredResponseId?: number }
	/** No session (a redirect to the login page, 401, 403): sign in again, the form waits. */
	| { kind: 'signed_out' }
	/** No network, a server out of reach or busy: the form waits for the next try. */
	| { kind: 'later' };

/**
 * Reads the queue endpoint's answer. Only a 4xx the server explains is a refusal: anything it
 * did not say (a proxy's page, a 5xx, a lost answer) leaves the form waiting, which costs nothing
 * since a repeat can only get the first receipt.
 */
export function readSendAnswer(status: number, redirected: boolean, body: unknown): SendAnswer {
	if (redirected || status === 401 || status === 403) return { kind: 'signed_out' };
	const b = (body ?? {}) as Record<string, unknown>;
	if (status === 200 && b.status === 'stored' && typeof b.receiptCode === 'string') {
		return { kind: 'stored', receiptCode: b.receiptCode };
	}
	if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
		const errors =
			b.status === 'refused' && b.errors && typeof b.errors === 'object'
				? (b.errors as Record<string, string>)
				: { form: 'invalid' };
		const reason = b.status === 'refused' && typeof b.reason === 'string' ? b.reason : 'invalid';
		const responseId = typeof b.enteredResponseId === 'number' ? b.enteredResponseId : undefined;
		return responseId === undefined
			? { kind: 'refused', reason, errors }
			: { kind: 'refused', reason, errors, enteredResponseId: responseId };
	}
	return { kind: 'later' };
}

async function sendOne(entry: QueuedEntry): Promise<SendAnswer> {
	let response: Response;
	try {
		response = await fetch(entryPaths(entry.slug).queue, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({
				token: entry.token,
				versionId: entry.versionId,
				fields: entry.fields
			}),
			// A lapsed session answers with a redirect to the login page: seen, not followed.
			redirect: 'manual',
			credentials: 'same-origin'
		});
	} catch {
		return { kind: 'later' };
	}
	const body: unknown = await response.json().catch(() => null);
	return readSendAnswer(response.status, response.type === 'opaqueredirect', body);
}

/**
 * Sends the waiting forms one by one, oldest first; stops at the first that cannot go now (no
 * network, no session) and says why. Each answer is written to the queue before the next goes.
 */
export async function sendWaiting(
	entries: QueuedEntry[],
	onEach: () => void
): Promise<'done' | 'signed_out' | 'later'> {
	for (const entry of entries.filter((e) => e.state === 'waiting')) {
		const answer = await sendOne(entry);
		if (answer.kind === 'signed_out' || answer.kind === 'later') return answer.kind;
		if (answer.kind === 'stored') await markSent(entry.token, answer.receiptCode);
		else {
			const { reason, errors, enteredResponseId } = answer;
			await markRefused(entry.token, { reason, errors, enteredResponseId });
		}
		onEach();
	}
	return 'done';
}
