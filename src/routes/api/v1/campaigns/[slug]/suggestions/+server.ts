import { json } from '@sveltejs/kit';
import { REPORT_READERS } from '$lib/roles';
import { API_HEADERS, apiError, apiRoute } from '$lib/server/api/answer';
import { parseQuery, suggestionListQuery } from '$lib/server/api/schemas';
import { requireApiReader } from '$lib/server/auth/guard';
import { API_READER } from '$lib/server/suggestions/api-view';
import { categoryIdOf } from '$lib/server/suggestions/categories';
import { listQueue } from '$lib/server/suggestions/queries';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiRoute(async (event) => {
	const campaign = await requireApiReader(event, 'suggestions', ...REPORT_READERS);
	const db = event.locals.readDb;
	const query = parseQuery(suggestionListQuery, event.url.searchParams);
	if (!query.ok) return apiError(400, query.message, query.fields);
	const { category, status, department, page = 1 } = query.value;
	const categoryId = category ? await categoryIdOf(db, category) : null;
	if (category && categoryId === null) {
		return apiError(400, 'category: unknown category', { category: 'unknown category' });
	}
	if (page > 100_000) return apiError(400, 'page: too far', { page: 'at most 100000' });
	const result = await listQueue(db, API_READER, {
		campaignId: campaign.id,
		categoryId: categoryId ?? undefined,
		status,
		departmentId: department,
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
		{ headers: API_HEADERS }
	);
});
