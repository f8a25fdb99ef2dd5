import { requireUser } from '$lib/server/auth/guard';
import { campaignsWithUnitResults } from '$lib/server/results/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	// A handler has no campaign list: the results of their own unit are reached from here.
	const unitResults =
		user.role === 'handler' && user.unitId != null
			? await campaignsWithUnitResults(event.locals.db)
			: [];
	return { unitResults };
};
