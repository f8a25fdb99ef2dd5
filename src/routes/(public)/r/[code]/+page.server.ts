import { error, redirect } from '@sveltejs/kit';
import { normaliseReceiptCode } from '$lib/server/intake/receipt-code';
import { findReceipt } from '$lib/server/intake/receipt-lookup';
import { lookupThrottle } from '$lib/server/intake/submission-limit';
import { suggestionsOfResponse } from '$lib/server/suggestions/reports';
import type { PageServerLoad } from './$types';

// An unknown or malformed code is a 404 whose page (+error.svelte) says how to check the code and
// offers the lookup again. A client that has missed too often is refused (429) until its window
// ends, found or not: receipt codes are bearer secrets and must not be guessed one after another.
export const load: PageServerLoad = async ({ locals, params, getClientAddress, setHeaders }) => {
	const throttle = await lookupThrottle(locals.db, getClientAddress());
	const state = await throttle.check();
	if (!state.allowed) {
		setHeaders({ 'retry-after': String(state.retryAfter) });
		error(429, { message: 'too many lookups', retryAfter: state.retryAfter });
	}
	const code = normaliseReceiptCode(params.code);
	if (!code) {
		await throttle.missed();
		error(404, 'unknown receipt code');
	}
	if (code !== params.code) redirect(301, `/r/${code}`);
	const receipt = await findReceipt(locals.db, code);
	if (!receipt) {
		await throttle.missed();
		error(404, 'unknown receipt code');
	}
	return {
		receipt: { ...receipt, responseId: undefined },
		suggestions: await suggestionsOfResponse(locals.db, receipt.responseId)
	};
};
