import { error } from '@sveltejs/kit';
import { normaliseReceiptCode } from '$lib/server/intake/receipt-code';
import { findReceipt } from '$lib/server/intake/receipt-lookup';
import { lookupThrottle } from '$lib/server/intake/submission-limit';
import type { PageServerLoad } from './$types';

// The page a submission lands on, with its receipt code in the address. It answers 404 for a code
// it does not know, so it is a receipt lookup like /r/<code> and counts against the same limit:
// a miss counts, and a client that has missed too often is refused (429) until its window ends.
export const load: PageServerLoad = async ({
	locals,
	params,
	url,
	getClientAddress,
	setHeaders
}) => {
	const throttle = await lookupThrottle(locals.db, getClientAddress());
	const state = await throttle.check();
	if (!state.allowed) {
		setHeaders({ 'retry-after': String(state.retryAfter) });
		error(429, { message: 'too many lookups', retryAfter: state.retryAfter });
	}
	const code = normaliseReceiptCode(url.searchParams.get('r') ?? '');
	const receipt = code ? await findReceipt(locals.db, code) : null;
	if (!receipt || receipt.campaignSlug !== params.slug) {
		await throttle.missed();
		error(404, 'not found');
	}
	return {
		receiptCode: receipt.receiptCode,
		campaignTitle: receipt.campaignTitle,
		repeated: url.searchParams.get('repeated') === '1'
	};
};
