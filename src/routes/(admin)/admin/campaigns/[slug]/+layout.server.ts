import { CAMPAIGN_READERS, hasRole } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns/queries';
import { asksForUnit } from '$lib/server/results/access';
import { Forbidden } from '$lib/server/platform/errors';
import type { LayoutServerLoad } from './$types';

/**
 * A campaign's pages. Handlers come in only for the results of their own unit, so only where the
 * questionnaire asks for the unit; every page below checks its own roles again.
 */
export const load: LayoutServerLoad = async (event) => {
	const user = requireRole(event, ...CAMPAIGN_READERS, 'handler');
	const campaign = await getCampaign(event.locals.db, event.params.slug);
	if (
		!hasRole(user.role, CAMPAIGN_READERS) &&
		(user.unitId == null || !(await asksForUnit(event.locals.db, campaign.id)))
	) {
		throw new Forbidden();
	}
	const { draftQuestions: _draft, ...summary } = campaign;
	return { campaign: summary };
};
