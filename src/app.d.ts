import type { SessionUser, ValidSession } from '$lib/server/auth/session';
import type { Database, DatabaseKind } from '$lib/server/db';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			db: Database;
			/**
			 * For loads that only read (dashboards, results, reports, the read-only API): the read
			 * replica when one is configured and current for this reader, else the primary `db`.
			 * Never for writes (platform/replica-reads.ts).
			 */
			readDb: Database;
			dbKind: DatabaseKind;
			user: SessionUser | null;
			session: ValidSession | null;
			locale: Locale;
			/** Set by the public form's page cache so the rendered token is one it knows. */
			submissionToken?: string;
			/** Set by handleError: the status a failed request is sent with instead of 500. */
			errorStatus?: number;
		}
		interface Error {
			message: string;
			/** A service's typed error or an outage (see handleError); SvelteKit's own otherwise. */
			status?: number;
			/** Seconds until a refused (429) client may try again. */
			retryAfter?: number;
		}
		interface PageData {
			locale: Locale;
			user: SessionUser | null;
			largeType: boolean;
		}
	}
}

export {};
