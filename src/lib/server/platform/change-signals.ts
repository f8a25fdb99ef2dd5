import postgres from 'postgres';
import { campaignsChanged } from '../campaigns/public-copy';
import { queryPrepared, type DatabaseHandle } from '../db';
import { modelStoredElsewhere, onModelStored } from '../insight/model-changes';
import {
	onSuggestionsChanged,
	suggestionsChangedElsewhere,
	type SuggestionChange
} from '../suggestions/changes';

/**
 * What one app process keeps (public copies of campaigns, the review queue's duplicate indexes, the
 * categoriser's decision count) is dropped when another process on the same PostgreSQL changes
 * what it was made from, by LISTEN/NOTIFY on one channel:
 * - `campaigns`: sent by triggers on `campaigns` and `questionnaire_versions` (migration 0013) when
 *   the writing transaction commits, whoever wrote — an app process, a CLI run, psql;
 * - `review:<sender>`, `intake:<sender>`: sent by the process whose services announced a suggestion
 *   change (suggestions/changes.ts), after their commit; new answers at most every INTAKE_EVERY_MS;
 * - `model:<sender>`: sent by the process that stored a retrained categoriser (insight/model-changes.ts),
 *   after its commit, so the others load it at once rather than at their next periodic look.
 * Each process listens on a connection of its own outside the pool. When that connection is lost
 * it listens again as soon as the server answers, and then drops everything it keeps: what was
 * sent meanwhile is lost. PGlite allows one process, whose own writes drop its copies directly.
 */
export const CHANGES_CHANNEL = 'xinkan_changes';
const INTAKE_EVERY_MS = 250;
const RETRY_MS = 1_000;

export interface ChangeSignals {
	/** How often the listening connection has been (re)established, each time dropping everything. */
	readonly connects: number;
	stop(): Promise<void>;
}

/** Starts listening for other processes' changes (PostgreSQL only; null on PGlite). */
export function startChangeSignals(handle: DatabaseHandle): ChangeSignals | null {
	if (handle.kind !== 'postgres' || !handle.url) return null;
	const { db } = handle;
	// Tells this process's own messages from others', which it has already counted.
	const sender = crypto.randomUUID();
	let stopped = false;
	let connects = 0;

	const heard = (payload: string) => {
		const [what, from] = payload.split(':');
		if (from === sender) return;
		if (what === 'campaigns') campaignsChanged(db);
		else if (what === 'review' || what === 'intake') suggestionsChangedElsewhere(what);
		else if (what === 'model') modelStoredElsewhere();
	};
	const forgetEverything = () => {
		campaignsChanged(db);
		suggestionsChangedElsewhere('review');
		suggestionsChangedElsewhere('intake');
		modelStoredElsewhere();
	};

	// `onnotify` is postgres.js's own hook for notifications (what its `listen` is built on), not in
	// its types: `listen` re-listens after a lost connection only once, and gives up for good if the
	// server is still down then; with `onclose` this connection listens again until it succeeds.
	const options = {
		max: 1,
		idle_timeout: 0,
		max_lifetime: null,
		fetch_types: false,
		connect_timeout: 10,
		onnotice: () => {},
		connection: { application_name: 'xinkan-change-signals' },
		onnotify: (channel: string, payload: string) => {
			if (channel === CHANGES_CHANNEL) heard(payload);
		},
		onclose: () => {
			if (!stopped) void relisten();
		}
	};
	const listener = postgres(handle.url, options);

	// One loop at a time; a close seen while it runs makes it go round again.
	let wanted = false;
	let running: Promise<void> | null = null;
	function relisten() {
		wanted = true;
		running ??= (async () => {
			while (wanted && !stopped) {
				wanted = false;
				try {
					await listener.unsafe(`listen ${CHANGES_CHANNEL}`);
					connects++;
					forgetEverything();
				} catch {
					wanted = true;
					await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
				}
			}
		})().finally(() => (running = null));
		return running;
	}
	// Not awaited: the first connection drops everything kept, so nothing before it is missed.
	void relisten();

	const send = (what: SuggestionChange | 'model') =>
		queryPrepared(db, 'select pg_notify($1, $2)', [CHANGES_CHANNEL, `${what}:${sender}`]).catch(
			(e: unknown) => {
				// The others then learn of it by their kept results' own age limits (30 s at most).
				console.warn(`Xinkan: could not tell other processes of a ${what} change:`, e);
			}
		);
	let intakeTimer: NodeJS.Timeout | null = null;
	const stopAnnouncing = onSuggestionsChanged((kind) => {
		if (kind === 'review') {
			void send('review');
		} else {
			// Answers come in by the thousand a second at peak: one message for each quarter second.
			intakeTimer ??= setTimeout(() => {
				intakeTimer = null;
				void send('intake');
			}, INTAKE_EVERY_MS);
		}
	});

	const stopModelAnnouncing = onModelStored(() => void send('model'));

	return {
		get connects() {
			return connects;
		},
		async stop() {
			stopped = true;
			stopAnnouncing();
			stopModelAnnouncing();
			if (intakeTimer) clearTimeout(intakeTimer);
			await listener.end({ timeout: 5 });
		}
	};
}
