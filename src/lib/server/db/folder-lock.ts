import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * One process per PGlite data folder. PGlite is PostgreSQL in single-user mode and takes no lock
 * of its own (its postmaster.pid holds a made-up pid; electric-sql/pglite#1106 asks for one): two
 * processes opening one folder both start, both write, and the folder ends up unreadable. So the
 * folder holds `xinkan.lock` with the holder's pid. A lock whose process is gone is taken over; a
 * live holder is never displaced, however long it has been quiet.
 */
export const LOCK_FILE = 'xinkan.lock';

interface Holder {
	pid: number;
	host: string;
	token: string;
	since: string;
}

export class FolderInUse extends Error {
	constructor(
		readonly folder: string,
		readonly holder: Holder
	) {
		const who =
			holder.host === hostname()
				? `process ${holder.pid}`
				: `process ${holder.pid} on ${holder.host}`;
		super(
			`The embedded database in ${folder} is in use by ${who} (since ${holder.since}). ` +
				'PGlite allows one process per data folder: stop that one first, or run several ' +
				'instances on PostgreSQL (DATABASE_URL). If no such process runs, delete ' +
				`${path.join(folder, LOCK_FILE)}.`
		);
		this.name = 'FolderInUse';
	}
}

export interface FolderLock {
	release(): void;
}

function readHolder(file: string): Holder | null {
	try {
		const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
		if (typeof value.pid === 'number' && typeof value.token === 'string') {
			return {
				pid: value.pid,
				host: String(value.host),
				token: value.token,
				since: String(value.since)
			};
		}
	} catch {
		// Missing or unreadable: the caller treats it as no holder.
	}
	return null;
}

/** Whether the holder may still be running. On another host that cannot be known, so yes. */
function isAlive(holder: Holder): boolean {
	if (holder.host !== hostname()) return true;
	try {
		process.kill(holder.pid, 0);
		return true;
	} catch (e) {
		// EPERM: the process exists but belongs to another user.
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes the folder or throws `FolderInUse`. The lock file appears complete or not at all: it is
 * written under a private name and hard-linked into place, which fails if a lock is already there.
 */
export function lockFolder(folder: string): FolderLock {
	const file = path.join(folder, LOCK_FILE);
	const me: Holder = {
		pid: process.pid,
		host: hostname(),
		token: crypto.randomUUID(),
		since: new Date().toISOString()
	};
	const draft = `${file}.${me.token}`;
	writeFileSync(draft, JSON.stringify(me));
	try {
		for (let attempt = 0; ; attempt++) {
			try {
				linkSync(draft, file);
				break;
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw e;
			}
			const holder = readHolder(file);
			// A file without a readable holder is a torn write from before the link scheme; a live
			// holder keeps the folder, this very process included (a second open would corrupt it too).
			if (holder && isAlive(holder)) throw new FolderInUse(folder, holder);
			takeOverStale(file, holder, me.token);
		}
	} finally {
		rmSync(draft, { force: true });
	}
	const release = () => {
		if (readHolder(file)?.token === me.token) rmSync(file, { force: true });
	};
	process.once('exit', release);
	return {
		release() {
			process.off('exit', release);
			release();
		}
	};
}

/**
 * Moves a dead holder's lock aside. Two processes may both find the same stale lock: each moves
 * the file it sees to a private name and checks it was the dead holder's; the one that moved a
 * fresh lock (the other's, just taken) puts it back and reports the folder in use.
 */
function takeOverStale(file: string, stale: Holder | null, token: string) {
	const aside = `${file}.stale.${token}`;
	try {
		renameSync(file, aside);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else moved it
		throw e;
	}
	const moved = readHolder(aside);
	if (moved && moved.token !== stale?.token && isAlive(moved)) {
		try {
			linkSync(aside, file);
		} catch {
			// A third process took the folder meanwhile; this one stops either way.
		} finally {
			rmSync(aside, { force: true });
		}
		throw new FolderInUse(path.dirname(file), moved);
	}
	rmSync(aside, { force: true });
}
