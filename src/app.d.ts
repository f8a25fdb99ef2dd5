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
