import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { receiptFollowUpInput } from '$lib/schemas/follow-up';
import { normaliseReceiptCode } from '$lib/server/intake/receipt-code';
import { findReceipt } from '$lib/server/intake/receipt-lookup';
import { lookupThrottle } from '$lib/server/intake/submission-limit';
import { handleForm } from '$lib/server/platform/form-actions';
import { answerFollowUp } from '$lib/server/suggestions/follow-ups';
import { suggestionsOfResponse } from '$lib/server/suggestions/reports';
import type { Actions, PageServerLoad } from './$types';

// An unknown or malformed code is a 404 whose page (+error.svelte) says how to check the code and
// offers the lookup again. A client that has missed too often is refused (429) until its window
// ends, found or not: receipt codes are bearer secrets and must not be guessed one after another.
// The 回访 answer (POST) passes the same limiter: a guessed code is a miss there too.
async function receiptOf(event: RequestEvent, canonical: 'redirect' | 'refuse') {
	const { locals, params, getClientAddress, setHeaders } = event;
	const throttle = await lookupThrottle(locals.db, getClientAddress());
	const state = await throttle.check();
	if (!state.allowed) {
		setHeaders({ 'retry-after': String(state.retryAfter) });
		error(429, { message: 'too many lookups', retryAfter: state.retryAfter });
	}
	const code = normaliseReceiptCode(params.code ?? '');
	if (!code || (code !== params.code && canonical === 'refuse')) {
		await throttle.missed();
		error(404, 'unknown receipt code');
	}
	if (code !== params.code) redirect(301, `/r/${code}`);
	const receipt = await findReceipt(locals.db, code);
	if (!receipt) {
		await throttle.missed();
		error(404, 'unknown receipt code');
	}
	return receipt;
}

export const load: PageServerLoad = async (event) => {
	const receipt = await receiptOf(event, 'redirect');
	return {
		receipt: { ...receipt, responseId: undefined },
		suggestions: await suggestionsOfResponse(event.locals.db, receipt.responseId)
	};
};

export const actions: Actions = {
	// 回访: no account, the receipt code is the proof; one answer per receipt and round, changeable.
	followUp: async (event) => {
		const receipt = await receiptOf(event, 'refuse');
		return handleForm(event, receiptFollowUpInput, async (input) => {
			const { reopened } = await answerFollowUp(
				event.locals.db,
				receipt.responseId,
				input.suggestionId,
				input
			);
			const done = reopened ? 'reopened' : 'answered';
			redirect(
				303,
				`/r/${receipt.receiptCode}?${done}=${input.suggestionId}#s${input.suggestionId}`
			);
		});
	}
};
