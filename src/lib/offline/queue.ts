import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/*
 * Paper forms typed on a clerk's device, kept in IndexedDB until the server has them (offline
 * entry, issue 20). Each carries the submission token it was given when typed: the server stores
 * a token once, so sending a form again — after a lost answer, from a second tab — can only ever
 * get the first receipt back. Once sent, only the receipt code is kept: the answers (contact
 * details among them) leave the device.
 */

export type QueueState = 'waiting' | 'sent' | 'refused';

export interface QueuedEntry {
	token: string;
	userId: number;
	slug: string;
	versionId: number;
	/** The entry form's fields as typed; emptied once the server stored the form. */
	fields: [string, string][];
	/** The form code as typed, to tell refused forms apart in the list. */
	code: string;
	state: QueueState;
	/** The device's clock, for the clerk's eyes only: the server's time decides everything. */
	enteredAt: string;
	receiptCode?: string;
	reason?: string;
	/** Field → message key, as the server refused it. */
	errors?: Record<string, string>;
	enteredResponseId?: number;
}

interface QueueSchema extends DBSchema {
	forms: { key: string; value: QueuedEntry; indexes: { owner: [number, string] } };
}

let opened: Promise<IDBPDatabase<QueueSchema>> | null = null;

function database() {
	opened ??= openDB<QueueSchema>('xinkan-entry-queue', 1, {
		upgrade(db) {
			const store = db.createObjectStore('forms', { keyPath: 'token' });
			store.createIndex('owner', ['userId', 'slug']);
		}
	});
	return opened;
}

/** This clerk's forms of one campaign, oldest first. */
export async function listEntries(userId: number, slug: string): Promise<QueuedEntry[]> {
	const all = await (await database()).getAllFromIndex('forms', 'owner', [userId, slug]);
	return all.sort((a, b) => a.enteredAt.localeCompare(b.enteredAt));
}

/** Keeps a form typed now (or puts a corrected one back in the queue under its token). */
export async function putEntry(entry: Omit<QueuedEntry, 'enteredAt'>): Promise<void> {
	await (await database()).put('forms', { ...entry, enteredAt: new Date().toISOString() });
}

export async function markSent(token: string, receiptCode: string): Promise<void> {
	const db = await database();
	const entry = await db.get('forms', token);
	if (!entry) return;
	await db.put('forms', {
		...entry,
		fields: [],
		state: 'sent',
		receiptCode,
		reason: undefined,
		errors: undefined
	});
}

export async function markRefused(
	token: string,
	refusal: { reason: string; errors: Record<string, string>; enteredResponseId?: number }
): Promise<void> {
	const db = await database();
	const entry = await db.get('forms', token);
	if (!entry) return;
	await db.put('forms', { ...entry, state: 'refused', ...refusal });
}

export async function removeEntry(token: string): Promise<void> {
	await (await database()).delete('forms', token);
}

/** Forms of this clerk not yet stored on the server, across campaigns (signing out asks). */
export async function unsentCount(userId: number): Promise<number> {
	const all = await (await database()).getAll('forms');
	return all.filter((e) => e.userId === userId && e.state !== 'sent').length;
}

/** On signing out: the receipts of sent forms go; forms not yet stored stay for the next time. */
export async function forgetSent(userId: number): Promise<void> {
	const db = await database();
	for (const entry of await db.getAll('forms')) {
		if (entry.userId === userId && entry.state === 'sent') await db.delete('forms', entry.token);
	}
}
