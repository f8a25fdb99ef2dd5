import { listAudit } from '$lib/server/platform/audit';
import { requireRole } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').slice(0, 200);
	const entity = (params.get('entity') ?? '').slice(0, 40);
	const page = Math.min(10_000, Math.max(1, Number(params.get('page')) || 1));
	const result = await listAudit(event.locals.db, { q, entity, page });
	return { ...result, q, entity };
};
