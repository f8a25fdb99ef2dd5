import { z } from 'zod';
import { fail, redirect } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { distributionRow, generateCodesInput } from '$lib/schemas/distribution';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns/queries';
import {
	deleteDistributionRow,
	importDistributionRows,
	listDistribution,
	saveDistributionRow
} from '$lib/server/returns/distribution-plan';
import { parseDistributionFile } from '$lib/server/returns/distribution-import';
import { generateFormCodes } from '$lib/server/returns/form-codes';
import {
	failOnServiceError,
	handleForm,
	readForm,
	routeId
} from '$lib/server/platform/form-actions';
import { listAreas, listGroups, listUnits } from '$lib/server/org/organisation';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { describeImportProblem, describeImportRefusal } from './import-problems';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const { campaign } = await event.parent();
	const db = event.locals.db;
	const [rows, groups, units, areas] = await Promise.all([
		listDistribution(db, campaign.id),
		listGroups(db),
		listUnits(db),
		listAreas(db)
	]);
	const editId = Number(event.url.searchParams.get('edit')) || null;
	return { rows, groups, units, areas, editing: rows.find((r) => r.id === editId) ?? null };
};

const back = (event: RequestEvent, note: string) =>
	redirect(303, `/admin/campaigns/${event.params.slug}/distribution?done=${note}`);

export const actions: Actions = {
	save: async (event) => {
		const actor = requireRole(event, 'organiser');
		const rawId = event.url.searchParams.get('id');
		return handleForm(event, distributionRow, async (input) => {
			const campaign = await getCampaign(event.locals.db, event.params.slug);
			await saveDistributionRow(
				event.locals.db,
				actor.id,
				campaign,
				rawId ? routeId(rawId) : null,
				input
			);
			back(event, 'saved');
		});
	},
	delete: async (event) => {
		const actor = requireRole(event, 'organiser');
		return handleForm(event, z.object({ id: z.string() }), async ({ id }) => {
			const campaign = await getCampaign(event.locals.db, event.params.slug);
			await deleteDistributionRow(event.locals.db, actor.id, campaign, routeId(id));
			back(event, 'deleted');
		});
	},
	codes: async (event) => {
		const actor = requireRole(event, 'organiser');
		const id = routeId(event.url.searchParams.get('row') ?? '');
		return handleForm(event, generateCodesInput, async ({ count }) => {
			const campaign = await getCampaign(event.locals.db, event.params.slug);
			const added = await generateFormCodes(event.locals.db, actor.id, campaign, id, count);
			return { generated: added };
		});
	},
	import: async (event) => {
		const actor = requireRole(event, 'organiser');
		const m = messages(event.locals.locale);
		const file = (await readForm(event)).get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { importProblems: [m.errors.import_empty] });
		}
		// A file too large, unreadable or holding what cannot be stored: 413/400 with why, not a 500.
		return failOnServiceError(
			event,
			async () => {
				const bytes = new Uint8Array(await file.arrayBuffer());
				const { rows, problems } = await parseDistributionFile(event.locals.db, bytes);
				if (problems.length) {
					return fail(400, { importProblems: problems.map((p) => describeImportProblem(m, p)) });
				}
				const campaign = await getCampaign(event.locals.db, event.params.slug);
				return {
					imported: await importDistributionRows(event.locals.db, actor.id, campaign, rows)
				};
			},
			(e) => ({ importProblems: [describeImportRefusal(m, e)] })
		);
	}
};
