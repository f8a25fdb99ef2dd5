import { json } from '@sveltejs/kit';
import { CLERKS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { offlineKit } from '$lib/server/returns/offline-entry';
import type { RequestHandler } from './$types';

/**
 * What the clerk's device keeps to type forms in without a network (the service worker keeps
 * this answer): the questionnaire, its version and the codes of the clerk's plan rows. Never a
 * respondent's answer or contact.
 */
export const GET: RequestHandler = async (event) => {
	const clerk = requireRole(event, ...CLERKS);
	return json(await offlineKit(event.locals.db, event.params.slug, clerk));
};
