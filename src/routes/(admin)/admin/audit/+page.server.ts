import { dateParam, idParam } from '$lib/input-checks';
import { requireRole } from '$lib/server/auth/guard';
import { auditFilterOptions, listAudit } from '$lib/server/platform/audit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const params = event.url.searchParams;
	const actorId = idParam(params.get('actor'));
	const text = (name: string, max: number) => (params.get(name) ?? '').slice(0, max);
	const filters = {
		q: text('q', 200),
		entity: text('entity', 40),
		action: text('action', 60),
		actor: String(actorId ?? ''),
		// A day not in the calendar (2026-02-30) is ignored, as if absent.
		from: dateParam(params.get('from')) ?? '',
		to: dateParam(params.get('to')) ?? ''
	};
	const page = Math.min(10_000, Math.max(1, Number(params.get('page')) || 1));
	const [result, options] = await Promise.all([
		listAudit(event.locals.db, {
			...filters,
			actorId,
			page
		}),
		auditFilterOptions(event.locals.db)
	]);
	return { ...result, filters, options };
};
