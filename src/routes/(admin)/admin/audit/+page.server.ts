import { requireRole } from '$lib/server/auth/guard';
import { auditFilterOptions, listAudit } from '$lib/server/platform/audit';
import type { PageServerLoad } from './$types';

/** A real calendar day (2026-02-30 is not), or ''. */
function calendarDay(value: string | null): string {
	if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : '';
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const params = event.url.searchParams;
	const text = (name: string, max: number) => (params.get(name) ?? '').slice(0, max);
	const filters = {
		q: text('q', 200),
		entity: text('entity', 40),
		action: text('action', 60),
		actor: /^\d{1,9}$/.test(params.get('actor') ?? '') ? params.get('actor')! : '',
		from: calendarDay(params.get('from')),
		to: calendarDay(params.get('to'))
	};
	const page = Math.min(10_000, Math.max(1, Number(params.get('page')) || 1));
	const [result, options] = await Promise.all([
		listAudit(event.locals.db, {
			...filters,
			actorId: filters.actor ? Number(filters.actor) : undefined,
			page
		}),
		auditFilterOptions(event.locals.db)
	]);
	return { ...result, filters, options };
};
