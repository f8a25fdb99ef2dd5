import { error } from '@sveltejs/kit';
import { normaliseReceiptCode } from '$lib/server/intake/receipt-code';
import { findReceipt } from '$lib/server/intake/receipt-lookup';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const code = normaliseReceiptCode(url.searchParams.get('r') ?? '');
	const receipt = code ? await findReceipt(locals.db, code) : null;
	if (!receipt || receipt.campaignSlug !== params.slug) error(404, 'not found');
	return {
		receiptCode: receipt.receiptCode,
		campaignTitle: receipt.campaignTitle,
		repeated: url.searchParams.get('repeated') === '1'
	};
};
