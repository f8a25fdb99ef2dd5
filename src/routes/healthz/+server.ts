import { json } from '@sveltejs/kit';
import { pingDatabase } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	try {
		await pingDatabase(locals.db);
		return json({ ok: true, db: locals.dbKind }, { headers: { 'cache-control': 'no-store' } });
	} catch (e) {
		const reason = e instanceof Error ? e.message : 'unknown';
		return json(
			{ ok: false, db: locals.dbKind, error: `database unreachable: ${reason}` },
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
};
