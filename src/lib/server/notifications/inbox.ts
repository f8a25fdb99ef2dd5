import { and, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import type { Database } from '../db';
import { notifications, notificationSettings } from '../db/schema';
import { render, templateFor, type NotificationEvent, type Template } from './templates';

export const INBOX_PAGE = 50;

/** The unread count the admin menu shows. */
export async function unreadCount(db: Database, userId: number): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(notifications)
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
	return row?.n ?? 0;
}

/** One's own notifications, newest first, in one's language (the template in force now). */
export async function listInbox(
	db: Database,
	userId: number,
	locale: Locale,
	options: { before?: number; unreadOnly?: boolean } = {}
) {
	const rows = await db
		.select()
		.from(notifications)
		.where(
			and(
				eq(notifications.userId, userId),
				options.before ? lt(notifications.id, options.before) : undefined,
				options.unreadOnly ? isNull(notifications.readAt) : undefined
			)
		)
		.orderBy(desc(notifications.id))
		.limit(INBOX_PAGE + 1);
	const templates = new Map<string, Template>();
	const items = [];
	for (const row of rows.slice(0, INBOX_PAGE)) {
		const event = row.event as NotificationEvent;
		if (!templates.has(event)) templates.set(event, await templateFor(db, event, locale));
		const t = templates.get(event)!;
		items.push({
			id: row.id,
			event,
			subject: render(t.subject, row.params, locale),
			body: render(t.body, row.params, locale),
			link: row.params.link ?? null,
			read: row.readAt !== null,
			createdAt: row.createdAt
		});
	}
	return { items, more: rows.length > INBOX_PAGE ? items.at(-1)!.id : null };
}

/** Marks some of one's own notifications read (others' ids change nothing), or all of them. */
export async function markRead(
	db: Database,
	userId: number,
	ids: number[] | 'all'
): Promise<number> {
	const rows = await db
		.update(notifications)
		.set({ readAt: new Date() })
		.where(
			and(
				eq(notifications.userId, userId),
				isNull(notifications.readAt),
				ids === 'all' ? undefined : inArray(notifications.id, ids.length ? ids : [0])
			)
		)
		.returning({ id: notifications.id });
	return rows.length;
}

export interface ChannelChoice {
	email: string;
	phone: string;
	emailOn: boolean;
	smsOn: boolean;
	locale: Locale;
}

export async function channelsOf(db: Database, userId: number): Promise<ChannelChoice> {
	const [row] = await db
		.select()
		.from(notificationSettings)
		.where(eq(notificationSettings.userId, userId));
	return {
		email: row?.email ?? '',
		phone: row?.phone ?? '',
		emailOn: row?.emailOn ?? false,
		smsOn: row?.smsOn ?? false,
		locale: row?.locale === 'en' ? 'en' : 'zh-CN'
	};
}

/** One's own choice of channels (validated by the schema: an address for each channel chosen). */
export async function saveChannels(
	db: Database,
	userId: number,
	choice: ChannelChoice
): Promise<void> {
	const values = { ...choice, updatedAt: new Date() };
	await db
		.insert(notificationSettings)
		.values({ userId, ...values })
		.onConflictDoUpdate({ target: notificationSettings.userId, set: values });
}
