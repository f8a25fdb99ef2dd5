import { error, redirect } from '@sveltejs/kit';
import { normaliseReceiptCode } from '$lib/server/intake/receipt-code';
import { findReceipt } from '$lib/server/intake/receipt-lookup';
import { suggestionsOfResponse } from '$lib/server/suggestions/reports';
import type { PageServerLoad } from './$types';

// An unknown or malformed code is a 404 whose page (+error.svelte) says how to check the code and
// offers the lookup again.
export const load: PageServerLoad = async ({ locals, params }) => {
	const code = normaliseReceiptCode(params.code);
	if (!code) error(404, 'unknown receipt code');
	if (code !== params.code) redirect(301, `/r/${code}`);
	const receipt = await findReceipt(locals.db, code);
	if (!receipt) error(404, 'unknown receipt code');
	return {
		receipt: { ...receipt, responseId: undefined },
		suggestions: await suggestionsOfResponse(locals.db, receipt.responseId)
	};
};
