import { error, type RequestEvent } from '@sveltejs/kit';
import { localDate } from '$lib/campaign-availability';
import { DEPARTMENT_FIGURE_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { departmentFigures, figuresFor } from '$lib/server/suggestions/department-figures';
import { chooseCampaign } from '../campaign-choice';

/**
 * The department figures a request asks for and its reader may see: `?campaign=all` for every
 * campaign, else the campaign chosen as on the other reports. A handler sees their department's
 * row only, and a handler with no department has nothing to see here.
 */
export async function departmentScope(event: RequestEvent) {
	const user = requireRole(event, ...DEPARTMENT_FIGURE_READERS);
	if (user.role === 'handler' && user.unitId == null) error(403, 'no department');
	const db = event.locals.readDb;
	const { list, campaign } = await chooseCampaign(db, event.url);
	const all = event.url.searchParams.get('campaign') === 'all' || !campaign;
	const rows = await departmentFigures(db, all ? null : campaign.id);
	return {
		campaigns: list,
		campaign: all ? null : campaign,
		rows: figuresFor(rows, user),
		ownOnly: user.role === 'handler',
		today: localDate(new Date())
	};
}
