import { error, redirect } from '@sveltejs/kit';
import { normaliseReceiptCode } from '$lib/server/intake/receipt-code';
import { findReceipt } from '$lib/server/intake/receipt-lookup';
import { suggestionsOfResponse } from '$lib/server/suggestions/reports';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const code = normaliseReceiptCode(params.code);
	if (!code) error(404, 'not found');
	if (code !== params.code) redirect(301, `/r/${code}`);
	const receipt = await findReceipt(locals.db, code);
	if (!receipt) error(404, 'not found');
	return {
		receipt: { ...receipt, responseId: undefined },
		suggestions: await suggestionsOfResponse(locals.db, receipt.responseId)
	};
};
