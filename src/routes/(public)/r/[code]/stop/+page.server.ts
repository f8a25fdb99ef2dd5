import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { stopInput } from '$lib/schemas/notifications';
import { normaliseReceiptCode } from '$lib/server/intake/receipt-code';
import { findReceipt } from '$lib/server/intake/receipt-lookup';
import { lookupThrottle } from '$lib/server/intake/submission-limit';
import { isStopped, stopMessages } from '$lib/server/notifications/stops';
import { handleForm } from '$lib/server/platform/form-actions';
import type { Actions, PageServerLoad } from './$types';

// The stop link every message to a proposer carries: no account, the receipt code is the key (as
// on /r/<code>, and through the same limiter of missed codes). Opening the link changes nothing —
// mail scanners open links — the button does.
async function receiptOf(event: RequestEvent) {
	const throttle = await lookupThrottle(event.locals.db, event.getClientAddress());
	const state = await throttle.check();
	if (!state.allowed) {
		event.setHeaders({ 'retry-after': String(state.retryAfter) });
		error(429, { message: 'too many lookups', retryAfter: state.retryAfter });
	}
	const code = normaliseReceiptCode(event.params.code ?? '');
	const receipt = code ? await findReceipt(event.locals.db, code) : null;
	if (!receipt) {
		await throttle.missed();
		error(404, 'unknown receipt code');
	}
	return receipt;
}

export const load: PageServerLoad = async (event) => {
	const receipt = await receiptOf(event);
	if (receipt.receiptCode !== event.params.code) redirect(301, `/r/${receipt.receiptCode}/stop`);
	return {
		code: receipt.receiptCode,
		stopped: await isStopped(event.locals.db, receipt.responseId)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const receipt = await receiptOf(event);
		return handleForm(event, stopInput, async () => {
			await stopMessages(event.locals.db, receipt.responseId);
			redirect(303, `/r/${receipt.receiptCode}/stop`);
		});
	}
};
