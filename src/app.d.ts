import type { SessionUser, ValidSession } from '$lib/server/auth/session';
import type { Database, DatabaseKind } from '$lib/server/db';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			db: Database;
			dbKind: DatabaseKind;
			user: SessionUser | null;
			session: ValidSession | null;
			locale: Locale;
			/** Set by the public form's page cache so the rendered token is one it knows. */
			submissionToken?: string;
			/** Set by handleError when a request failed because the database is out of reach. */
			databaseUnavailable?: boolean;
		}
		interface Error {
			message: string;
		}
		interface PageData {
			locale: Locale;
			user: SessionUser | null;
			largeType: boolean;
		}
	}
}

export {};
