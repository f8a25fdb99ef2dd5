import path from 'node:path';
import { openDatabase, type DatabaseHandle } from './client';
import { maxLagFrom, type ReplicaHealth } from './replica';

export * from './client';
export type { Replica, ReplicaHealth } from './replica';

/**
 * The application's one database handle. A connection pool per process is the point of this
 * module-level value; it holds no request state, so any number of processes can run side by side.
 */
let current: DatabaseHandle | undefined;

export function appDatabase(): DatabaseHandle {
	current ??= openDatabase({
		url: process.env.DATABASE_URL || undefined,
		dataDir: path.resolve(process.env.XINKAN_DATA_DIR || 'data'),
		poolSize: Number(process.env.DATABASE_POOL_SIZE) || 10,
		replicaUrl: process.env.DATABASE_REPLICA_URL || undefined,
		replicaMaxLagMs: maxLagFrom(process.env)
	});
	return current;
}

/** What /healthz says about the read replica. */
export async function replicaHealth(): Promise<ReplicaHealth> {
	return (await appDatabase().replica?.health()) ?? { configured: false };
}

export async function closeAppDatabase(): Promise<void> {
	const handle = current;
	current = undefined;
	await handle?.close();
}
