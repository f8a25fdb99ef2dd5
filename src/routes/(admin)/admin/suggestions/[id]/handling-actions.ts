import { redirect } from '@sveltejs/kit';
import {
	coHandlerInput,
	decisionInput,
	extensionRequestInput,
	progressNoteInput,
	sendBackInput,
	superviseInput,
	transferRequestInput
} from '$lib/schemas/suggestion';
import { EXTENSION_DECIDERS, REVIEWERS, SUPERVISORS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm, routeId } from '$lib/server/platform/form-actions';
import {
	addCoHandler,
	addProgressNote,
	decideRequest,
	removeCoHandler,
	requestExtension,
	requestTransfer,
	sendBack,
	setSupervised
} from '$lib/server/suggestions/handling';
import type { RequestEvent } from './$types';

/*
 * The item page's handling actions (退回, 转办, 延期, 协办, 督办): each checks the role, validates
 * and calls its service, which checks the department and decides the rest.
 */

const idOf = (event: RequestEvent) => routeId(event.params.id);
const back = (event: RequestEvent) =>
	redirect(303, `/admin/suggestions/${event.params.id}?saved=1`);
/** The handler's own department only: the service answers 403/404 for anyone else. */
const HANDLERS = ['handler'] as const;

export const handlingActions = {
	sendBack: async (event: RequestEvent) => {
		const user = requireRole(event, ...HANDLERS);
		return handleForm(event, sendBackInput, async ({ reason }) => {
			await sendBack(event.locals.db, user, idOf(event), reason);
			// Sent back, the item is no longer the department's to see: back to the inbox.
			redirect(303, '/admin/inbox?sentBack=1');
		});
	},
	requestTransfer: async (event: RequestEvent) => {
		const user = requireRole(event, ...HANDLERS);
		return handleForm(event, transferRequestInput, async (input) => {
			await requestTransfer(event.locals.db, user, idOf(event), input);
			back(event);
		});
	},
	requestExtension: async (event: RequestEvent) => {
		const user = requireRole(event, ...HANDLERS);
		return handleForm(event, extensionRequestInput, async (input) => {
			await requestExtension(event.locals.db, user, idOf(event), input);
			back(event);
		});
	},
	decide: async (event: RequestEvent) => {
		const user = requireRole(event, ...EXTENSION_DECIDERS);
		return handleForm(event, decisionInput, async (input) => {
			await decideRequest(event.locals.db, user, idOf(event), input);
			back(event);
		});
	},
	addCoHandler: async (event: RequestEvent) => {
		const user = requireRole(event, ...REVIEWERS);
		return handleForm(event, coHandlerInput, async ({ unitId }) => {
			await addCoHandler(event.locals.db, user, idOf(event), unitId);
			back(event);
		});
	},
	removeCoHandler: async (event: RequestEvent) => {
		const user = requireRole(event, ...REVIEWERS);
		return handleForm(event, coHandlerInput, async ({ unitId }) => {
			await removeCoHandler(event.locals.db, user, idOf(event), unitId);
			back(event);
		});
	},
	progress: async (event: RequestEvent) => {
		const user = requireRole(event, ...HANDLERS);
		return handleForm(event, progressNoteInput, async ({ text }) => {
			await addProgressNote(event.locals.db, user, idOf(event), text);
			back(event);
		});
	},
	supervise: async (event: RequestEvent) => {
		const user = requireRole(event, ...SUPERVISORS);
		return handleForm(event, superviseInput, async ({ supervised, note }) => {
			await setSupervised(event.locals.db, user, idOf(event), {
				supervised: supervised === 'true',
				note
			});
			back(event);
		});
	}
};
