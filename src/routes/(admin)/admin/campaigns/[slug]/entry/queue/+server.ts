import { error, json } from '@sveltejs/kit';
import { CLERKS } from '$lib/roles';
import { queuedFormInput } from '$lib/schemas/offline-entry';
import { requireRole } from '$lib/server/auth/guard';
import { sendQueuedForm } from '$lib/server/returns/offline-entry';
import type { RequestHandler } from './$types';

/**
 * One form queued on a clerk's device, sent when the network returns. 200 with the receipt when
 * stored (a repeat gets the first receipt); 409 with the reason when refused, which the device
 * keeps for correction. Only JSON: a cross-site page cannot send it without a CORS preflight.
 */
export const POST: RequestHandler = async (event) => {
	const clerk = requireRole(event, ...CLERKS);
	if (!event.request.headers.get('content-type')?.startsWith('application/json')) {
		error(415, 'application/json expected');
	}
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		error(400, 'malformed JSON');
	}
	const parsed = queuedFormInput.safeParse(body);
	if (!parsed.success) error(400, 'invalid queued form');
	const outcome = await sendQueuedForm(event.locals.db, event.params.slug, clerk.id, parsed.data);
	return json(outcome, { status: outcome.status === 'stored' ? 200 : 409 });
};
