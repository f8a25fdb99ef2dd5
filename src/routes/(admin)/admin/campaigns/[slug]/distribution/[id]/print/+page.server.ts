import QRCode from 'qrcode';
import { formatFormCode } from '$lib/form-code';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign, latestVersion } from '$lib/server/campaigns/queries';
import { listFormCodes } from '$lib/server/returns/form-codes';
import { routeId } from '$lib/server/platform/form-actions';
import type { PageServerLoad } from './$types';

/** At most this many sheets per print run, so the page stays printable in one go. */
const MAX_SHEETS = 500;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const db = event.locals.db;
	const campaign = await getCampaign(db, event.params.slug);
	const [{ distribution, codes }, version] = await Promise.all([
		listFormCodes(db, campaign, routeId(event.params.id)),
		latestVersion(db, campaign.id)
	]);
	const from = Math.max(0, Number(event.url.searchParams.get('from')) || 0);
	const unused = codes.filter((c) => !c.used).slice(from, from + MAX_SHEETS);
	const sheets = await Promise.all(
		unused.map(async ({ code }) => ({
			code: formatFormCode(code),
			qr: await QRCode.toString(`${event.url.origin}/f/${campaign.slug}?c=${code}`, {
				type: 'svg',
				margin: 0,
				errorCorrectionLevel: 'M'
			})
		}))
	);
	return {
		sheets,
		totalUnused: codes.filter((c) => !c.used).length,
		channel: distribution.channel,
		questions: version?.questions ?? [],
		introduction: campaign.introduction
	};
};
