import { json } from '@sveltejs/kit';
import { pingDatabase, replicaHealth } from '$lib/server/db';
import { categoriserModelInUse } from '$lib/server/insight/categoriser-service';
import type { RequestHandler } from './$types';

/** The primary decides the status; the read replica is reported beside it (down is not unhealthy). */
export const GET: RequestHandler = async ({ locals }) => {
	const replica = replicaHealth();
	try {
		await pingDatabase(locals.db);
		return json(
			{
				ok: true,
				db: locals.dbKind,
				replica: await replica,
				categoriserModel: categoriserModelInUse(locals.db)
			},
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch (e) {
		const reason = e instanceof Error ? e.message : 'unknown';
		return json(
			{
				ok: false,
				db: locals.dbKind,
				error: `database unreachable: ${reason}`,
				replica: await replica
			},
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
};
