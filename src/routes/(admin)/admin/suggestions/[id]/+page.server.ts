import { redirect } from '@sveltejs/kit';
import {
	assignInput,
	categoriseInput,
	commentInput,
	publishInput,
	splitInput,
	statusInput,
	titleInput
} from '$lib/schemas/suggestion';
import { staffFollowUpInput } from '$lib/schemas/follow-up';
import { idParam } from '$lib/input-checks';
import {
	EXTENSION_DECIDERS,
	hasRole,
	REVIEWERS,
	SUGGESTION_READERS,
	SUGGESTION_WORKERS,
	SUPERVISORS
} from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm, routeId } from '$lib/server/platform/form-actions';
import { listUnits } from '$lib/server/org/organisation';
import { categoryChoices } from '$lib/server/suggestions/categories';
import { canReview, canWork, settableStatuses } from '$lib/server/suggestions/actor';
import { followUpRoundOf, followUpsOf, recordFollowUp } from '$lib/server/suggestions/follow-ups';
import { coHandlersOf, requestsOf } from '$lib/server/suggestions/handling';
import { publicPreview } from '$lib/server/suggestions/publishing';
import { proposeRouting } from '$lib/server/suggestions/service-levels';
import { getSuggestion, survivorOf } from '$lib/server/suggestions/queries';
import {
	addComment,
	assign,
	categorise,
	retitle,
	setPublished,
	setStatus,
	split,
	unmerge
} from '$lib/server/suggestions/workflow';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { handlingActions } from './handling-actions';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...SUGGESTION_READERS);
	const id = routeId(event.params.id);
	// A merged-away item's link (in a report, a comment, someone's notes) leads to its survivor.
	const survivor = await survivorOf(event.locals.db, user, id);
	if (survivor !== null) redirect(303, `/admin/suggestions/${survivor}?merged=${id}`);
	// Another department's item answers 404 for a handler: its existence is not theirs to know.
	const detail = await getSuggestion(event.locals.db, user, id);
	const merged = idParam(event.url.searchParams.get('merged')) ?? null;
	const s = detail.suggestion;
	const [cats, units, mergedFrom, followUps, followUpRound, requests, coHandlers, proposal] =
		await Promise.all([
			categoryChoices(event.locals.db),
			listUnits(event.locals.db),
			// Said only when true: the address alone does not make the line appear.
			merged ? survivorOf(event.locals.db, user, merged) : null,
			followUpsOf(event.locals.db, id),
			followUpRoundOf(event.locals.db, detail.suggestion),
			requestsOf(event.locals.db, id),
			coHandlersOf(event.locals.db, id),
			// Categorised and not routed yet: what the category proposes (the assign form starts there).
			s.departmentId == null ? proposeRouting(event.locals.db, s.categoryId) : null
		]);
	// The lead department's handler answers; a co-handling department's only adds progress notes.
	const lead = user.role !== 'handler' || (user.unitId != null && user.unitId === s.departmentId);
	return {
		detail,
		mergedFrom: mergedFrom === id ? merged : null,
		categories: cats,
		followUps,
		followUpRound,
		units: units.filter((u) => u.kind !== 'company'),
		canReview: canReview(user),
		canWork: canWork(user) && lead,
		handling: {
			requests,
			coHandlers,
			proposal,
			isLeadHandler: user.role === 'handler' && lead,
			isCoHandler: user.role === 'handler' && !lead,
			canDecideTransfer: canReview(user),
			canDecideExtension: hasRole(user.role, EXTENSION_DECIDERS),
			canSupervise: hasRole(user.role, SUPERVISORS)
		},
		// The status menu offers what setStatus accepts from this user, no more.
		statuses: settableStatuses(user),
		// Beside the publish control: what the board and /r will show, masked as they mask it.
		publicPreview: canReview(user) ? publicPreview(detail.suggestion) : null
	};
};

const back = (event: RequestEvent) =>
	redirect(303, `/admin/suggestions/${event.params.id}?saved=1`);
const idOf = (event: RequestEvent) => routeId(event.params.id);

export const actions: Actions = {
	// 退回, 转办, 延期, 协办, 督办 (handling-actions.ts), named here so the route tree lists them.
	sendBack: handlingActions.sendBack,
	requestTransfer: handlingActions.requestTransfer,
	requestExtension: handlingActions.requestExtension,
	decide: handlingActions.decide,
	addCoHandler: handlingActions.addCoHandler,
	removeCoHandler: handlingActions.removeCoHandler,
	progress: handlingActions.progress,
	supervise: handlingActions.supervise,
	retitle: async (event) => {
		const user = requireRole(event, ...REVIEWERS);
		return handleForm(event, titleInput, async ({ title }) => {
			await retitle(event.locals.db, user, idOf(event), title);
			back(event);
		});
	},
	categorise: async (event) => {
		const user = requireRole(event, ...REVIEWERS);
		return handleForm(event, categoriseInput, async (input) => {
			await categorise(event.locals.db, user, [idOf(event)], input);
			back(event);
		});
	},
	assign: async (event) => {
		const user = requireRole(event, ...REVIEWERS);
		return handleForm(event, assignInput, async (input) => {
			await assign(event.locals.db, user, [idOf(event)], input);
			back(event);
		});
	},
	status: async (event) => {
		const user = requireRole(event, ...SUGGESTION_WORKERS);
		return handleForm(event, statusInput, async (input) => {
			await setStatus(event.locals.db, user, idOf(event), input);
			back(event);
		});
	},
	publish: async (event) => {
		const user = requireRole(event, ...REVIEWERS);
		return handleForm(event, publishInput, async ({ published }) => {
			await setPublished(event.locals.db, user, idOf(event), published === 'true');
			back(event);
		});
	},
	// 回访 made by phone or visit: who (the acting user), when, how, what was heard, a note.
	followUp: async (event) => {
		const user = requireRole(event, ...SUGGESTION_WORKERS);
		return handleForm(event, staffFollowUpInput, async ({ note, ...input }) => {
			await recordFollowUp(event.locals.db, user, idOf(event), { ...input, note });
			back(event);
		});
	},
	comment: async (event) => {
		const user = requireRole(event, ...SUGGESTION_WORKERS);
		return handleForm(event, commentInput, async ({ text }) => {
			await addComment(event.locals.db, user, idOf(event), text);
			back(event);
		});
	},
	unmerge: async (event) => {
		const user = requireRole(event, ...REVIEWERS);
		return handleForm(event, z.object({}), async () => {
			await unmerge(event.locals.db, user, idOf(event));
			back(event);
		});
	},
	split: async (event) => {
		const user = requireRole(event, ...REVIEWERS);
		return handleForm(event, splitInput, async ({ itemId, parts }) => {
			await split(event.locals.db, user, itemId, parts.split(/\r?\n/));
			back(event);
		});
	}
};
