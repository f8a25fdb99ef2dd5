import { NATURES, SUGGESTION_STATUSES, type Nature, type SuggestionStatus } from '../../domain';
import { dateParam, idParam } from '../../input-checks';
import type { SessionUser } from '../auth/session';
import type { Database } from '../db';
import { campaignsForReview } from '../campaigns/queries';
import { categoriserFor } from '../insight/categoriser-service';
import { duplicateCandidates, raisedBefore } from '../insight/duplicate-hints';
import { listAreas, listGroups, listUnits } from '../org/organisation';
import { canReview } from './actor';
import { categoryChoices } from './categories';
import { listQueue, sourcesOf, type QueueFilter } from './queries';
import { countLive } from './workflow';

const oneOf = <T extends string>(list: readonly T[], v: string | null) =>
	(list as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

/**
 * The review queue: filters from the address (a value that is no id or no day of the calendar is
 * ignored, as if absent), rows, and for each new row the software's hints. */
export async function loadQueue(db: Database, user: SessionUser, url: URL) {
	const p = url.searchParams;
	const { list: campaignList, preferred } = await campaignsForReview(db);
	const filter: QueueFilter = {
		campaignId: idParam(p.get('campaign')) ?? preferred?.id,
		categoryId: idParam(p.get('category')),
		nature: oneOf<Nature>(NATURES, p.get('nature')),
		status: oneOf<SuggestionStatus>(SUGGESTION_STATUSES, p.get('status')),
		departmentId: idParam(p.get('department')),
		groupKey: p.get('group') || undefined,
		areaId: idParam(p.get('area')),
		from: dateParam(p.get('from')),
		to: dateParam(p.get('to')),
		q: (p.get('q') ?? '').trim().slice(0, 100) || undefined,
		overdue: p.get('overdue') === '1',
		planExpired: p.get('expired') === '1',
		sort: oneOf(['new', 'old', 'raised', 'deadline'] as const, p.get('sort')) ?? 'new',
		page: idParam(p.get('page')) ?? 1
	};
	const [queue, cats, units, groups, areas, counts] = await Promise.all([
		listQueue(db, user, filter),
		categoryChoices(db),
		listUnits(db),
		listGroups(db),
		listAreas(db),
		filter.campaignId ? countLive(db, filter.campaignId) : Promise.resolve({ live: 0, all: 0 })
	]);
	const ids = queue.rows.map((r) => r.id);
	const sources = await sourcesOf(db, user, ids);
	const firstText = new Map<number, string>();
	for (const s of sources) {
		if (!firstText.has(s.suggestionId)) firstText.set(s.suggestionId, s.text);
	}
	const fresh = queue.rows.filter((r) => r.status === 'new').map((r) => r.id);
	const [model, duplicates, before] = await Promise.all([
		categoriserFor(db),
		filter.campaignId
			? duplicateCandidates(db, filter.campaignId, fresh)
			: Promise.resolve(new Map()),
		filter.campaignId ? raisedBefore(db, filter.campaignId, fresh) : Promise.resolve(new Map())
	]);
	const catByKey = new Map(cats.map((c) => [c.key, c]));
	const rows = queue.rows.map((r) => ({
		...r,
		text: firstText.get(r.id) ?? '',
		sourcesCount: sources.filter((s) => s.suggestionId === r.id).length,
		suggested:
			r.status === 'new'
				? model
						.suggest(`${r.title}。${firstText.get(r.id) ?? ''}`, 3)
						.map((s) => ({
							...s,
							id: catByKey.get(s.category)?.id,
							label: catByKey.get(s.category)?.nameZh ?? s.category,
							labelEn: catByKey.get(s.category)?.nameEn ?? s.category
						}))
						.filter((s) => s.id)
				: [],
		// null where none were looked for (not new, or no campaign): the page says "none" only when
		// the hints were asked for and found nothing likely.
		duplicates: duplicates.get(r.id) ?? null,
		raisedBefore: before.get(r.id) ?? []
	}));
	const filterValues = Object.fromEntries([...p.entries()].filter(([k]) => k !== 'page'));
	return {
		rows,
		total: queue.total,
		rawAnswers: queue.rawAnswers,
		page: queue.page,
		pageSize: queue.pageSize,
		live: counts.live,
		filter: { ...filterValues, campaign: String(filter.campaignId ?? '') },
		campaigns: campaignList,
		categories: cats,
		units: units.filter((u) => u.kind !== 'company'),
		groups,
		areas,
		canReview: canReview(user)
	};
}
