import { error, json } from '@sveltejs/kit';
import { SUGGESTION_STATUSES, type SuggestionStatus } from '$lib/domain';
import { idParam } from '$lib/input-checks';
import { REPORT_READERS } from '$lib/roles';
import { requireApiReader } from '$lib/server/auth/guard';
import { categoryIdOf } from '$lib/server/suggestions/categories';
import { listQueue } from '$lib/server/suggestions/queries';
import type { RequestHandler } from './$types';

/** Readers through the API see what a leader sees: every live suggestion, no contact details. */
const API_READER = { id: 0, role: 'leader' as const, unitId: null };

export const GET: RequestHandler = async (event) => {
	const campaign = await requireApiReader(event, 'suggestions', ...REPORT_READERS);
	const db = event.locals.readDb;
	const p = event.url.searchParams;
	const categoryKey = p.get('category');
	const categoryId = categoryKey ? await categoryIdOf(db, categoryKey) : null;
	if (categoryKey && categoryId === null) error(400, 'unknown category');
	const status = p.get('status');
	if (status && !(SUGGESTION_STATUSES as readonly string[]).includes(status)) {
		error(400, 'unknown status');
	}
	const department = p.get('department');
	const departmentId = idParam(department);
	if (department && departmentId === undefined) error(400, 'department must be a unit id');
	const page = Number(p.get('page') ?? '1');
	if (!Number.isInteger(page) || page < 1 || page > 100_000) {
		error(400, 'page must be a positive integer');
	}
	const result = await listQueue(db, API_READER, {
		campaignId: campaign.id,
		categoryId: categoryId ?? undefined,
		status: (status as SuggestionStatus) ?? undefined,
		departmentId,
		page,
		pageSize: 50,
		sort: 'old'
	});
	return json(
		{
			total: result.total,
			page: result.page,
			pageSize: result.pageSize,
			items: result.rows.map((r) => ({
				id: r.id,
				title: r.title,
				category: r.categoryKey,
				nature: r.nature,
				status: r.status,
				department: r.department,
				deadline: r.deadline,
				overdue: r.overdue,
				targetDate: r.targetDate,
				planExpired: r.planExpired,
				raised: r.raised,
				published: r.published
			}))
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
