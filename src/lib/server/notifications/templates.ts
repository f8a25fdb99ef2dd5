import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import type { Database } from '../db';
import { notificationTemplates } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { Invalid } from '../platform/errors';

/**
 * Every event a notification is sent for. Adding one is a name here, its placeholders and its
 * default wording below, and a `notify(tx, { event, … })` call where it happens.
 */
export const NOTIFICATION_EVENTS = [
	'assigned',
	'reopened',
	'deadline_near',
	'overdue',
	'answered',
	'sent_back',
	'transfer_requested',
	'transfer_decided',
	'extension_requested',
	'extension_decided',
	'supervised',
	'webhook_disabled'
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export function isNotificationEvent(value: unknown): value is NotificationEvent {
	return typeof value === 'string' && (NOTIFICATION_EVENTS as readonly string[]).includes(value);
}

/** What every staff message may name: the item's number, its title and its page. */
const ITEM = ['number', 'title', 'link'] as const;

/** The placeholders each event's template may use; any other `{name}` is refused. */
export const PLACEHOLDERS: Record<NotificationEvent, readonly string[]> = {
	assigned: [...ITEM, 'department', 'deadline'],
	reopened: [...ITEM, 'department', 'comment'],
	deadline_near: [...ITEM, 'department', 'deadline', 'days'],
	overdue: [...ITEM, 'department', 'deadline'],
	// To a proposer: the receipt code and its public page, never a staff link; the stop link is required.
	answered: ['title', 'code', 'link', 'stopLink'],
	sent_back: [...ITEM, 'department', 'reason'],
	transfer_requested: [...ITEM, 'department', 'reason'],
	transfer_decided: [...ITEM, 'department', 'decision'],
	extension_requested: [...ITEM, 'department', 'deadline', 'reason'],
	extension_decided: [...ITEM, 'department', 'deadline', 'decision'],
	supervised: [...ITEM, 'department', 'note'],
	webhook_disabled: ['url', 'failures', 'link']
};

/** Placeholders a template of the event must keep (a proposer's message carries its stop link). */
export const REQUIRED_PLACEHOLDERS: Partial<Record<NotificationEvent, readonly string[]>> = {
	answered: ['stopLink']
};

export interface Template {
	subject: string;
	body: string;
}

export const DEFAULT_TEMPLATES: Record<NotificationEvent, Record<Locale, Template>> = {
	assigned: {
		'zh-CN': {
			subject: '新交办：#{number} {title}',
			body: '意见 #{number}「{title}」已交办{department}，办理期限 {deadline}。请登录处理：{link}'
		},
		en: {
			subject: 'Assigned: #{number} {title}',
			body: 'Suggestion #{number} "{title}" was assigned to {department}, due {deadline}. Open it: {link}'
		}
	},
	reopened: {
		'zh-CN': {
			subject: '群众不满意，已重新办理：#{number} {title}',
			body: '意见 #{number}「{title}」的答复群众表示不满意，已退回{department}重新办理。意见：{comment}。{link}'
		},
		en: {
			subject: 'Reopened as not satisfied: #{number} {title}',
			body: 'The proposer was not satisfied with the reply to #{number} "{title}"; it is back with {department}. Comment: {comment}. {link}'
		}
	},
	deadline_near: {
		'zh-CN': {
			subject: '即将到期：#{number} {title}',
			body: '意见 #{number}「{title}」将于 {deadline} 到期（还有 {days} 个工作日），请及时办理：{link}'
		},
		en: {
			subject: 'Due soon: #{number} {title}',
			body: 'Suggestion #{number} "{title}" is due on {deadline} ({days} working days left): {link}'
		}
	},
	overdue: {
		'zh-CN': {
			subject: '已超期：#{number} {title}',
			body: '意见 #{number}「{title}」的办理期限 {deadline} 已过，请尽快办理：{link}'
		},
		en: {
			subject: 'Overdue: #{number} {title}',
			body: 'Suggestion #{number} "{title}" was due on {deadline} and is still open: {link}'
		}
	},
	answered: {
		'zh-CN': {
			subject: '您的意见已有答复',
			body: '您提出的意见「{title}」已有答复，请查看并告诉我们是否满意：{link}（回执码 {code}）。不再接收通知：{stopLink}'
		},
		en: {
			subject: 'Your suggestion has been answered',
			body: 'Your suggestion "{title}" has been answered. Read the reply and tell us whether it satisfied you: {link} (receipt {code}). Stop these messages: {stopLink}'
		}
	},
	sent_back: {
		'zh-CN': {
			subject: '已退回：#{number} {title}',
			body: '{department}将意见 #{number}「{title}」退回梳理组，理由：{reason}。请重新交办：{link}'
		},
		en: {
			subject: 'Sent back: #{number} {title}',
			body: '{department} sent #{number} "{title}" back to the reviewers: {reason}. Route it again: {link}'
		}
	},
	transfer_requested: {
		'zh-CN': {
			subject: '申请转办：#{number} {title}',
			body: '意见 #{number}「{title}」申请转办{department}，理由：{reason}。请审核：{link}'
		},
		en: {
			subject: 'Transfer requested: #{number} {title}',
			body: 'A transfer of #{number} "{title}" to {department} was requested: {reason}. Decide: {link}'
		}
	},
	transfer_decided: {
		'zh-CN': {
			subject: '转办申请{decision}：#{number} {title}',
			body: '意见 #{number}「{title}」转办{department}的申请{decision}。{link}'
		},
		en: {
			subject: 'Transfer {decision}: #{number} {title}',
			body: 'The transfer of #{number} "{title}" to {department} was {decision}. {link}'
		}
	},
	extension_requested: {
		'zh-CN': {
			subject: '申请延期：#{number} {title}',
			body: '{department}申请将意见 #{number}「{title}」的期限延至 {deadline}，理由：{reason}。请审核：{link}'
		},
		en: {
			subject: 'Extension requested: #{number} {title}',
			body: '{department} asks to move the deadline of #{number} "{title}" to {deadline}: {reason}. Decide: {link}'
		}
	},
	extension_decided: {
		'zh-CN': {
			subject: '延期申请{decision}：#{number} {title}',
			body: '意见 #{number}「{title}」延期至 {deadline} 的申请{decision}。{link}'
		},
		en: {
			subject: 'Extension {decision}: #{number} {title}',
			body: 'The extension of #{number} "{title}" to {deadline} was {decision}. {link}'
		}
	},
	supervised: {
		'zh-CN': {
			subject: '督办：#{number} {title}',
			body: '意见 #{number}「{title}」已列为督办事项（{department}）：{note}。{link}'
		},
		en: {
			subject: 'Supervised: #{number} {title}',
			body: 'Suggestion #{number} "{title}" ({department}) is now supervised: {note}. {link}'
		}
	},
	webhook_disabled: {
		'zh-CN': {
			subject: 'Webhook 已自动停用：{url}',
			body: '连续 {failures} 个事件未能送达 {url}，该 Webhook 已停用。请检查接收方后重新启用。{link}'
		},
		en: {
			subject: 'Webhook disabled: {url}',
			body: '{failures} events in a row could not be delivered to {url}, so the webhook was disabled. Check the receiver, then enable it again. {link}'
		}
	}
};

export const SUBJECT_MAX = 200;
export const BODY_MAX = 1000;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders a text uses, in order. */
export function placeholdersIn(text: string): string[] {
	return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * Checks an admin's wording: field → error key for an empty or too long text, a placeholder the
 * event does not have (`template_unknown_placeholder`) or a required one left out.
 */
export function checkTemplate(event: NotificationEvent, t: Template): Record<string, string> {
	const errors: Record<string, string> = {};
	const allowed = PLACEHOLDERS[event];
	for (const [field, max] of [
		['subject', SUBJECT_MAX],
		['body', BODY_MAX]
	] as const) {
		const text = t[field];
		if (!text.trim()) errors[field] = 'required';
		else if (text.length > max) errors[field] = 'too_long';
		else if (placeholdersIn(text).some((p) => !allowed.includes(p))) {
			errors[field] = 'template_unknown_placeholder';
		}
	}
	const missing = (REQUIRED_PLACEHOLDERS[event] ?? []).filter(
		(p) => !placeholdersIn(t.body).includes(p)
	);
	if (!errors.body && missing.length) errors.body = 'template_missing_stop_link';
	return errors;
}

/**
 * Values stored as a code and said in the reader's language: a request's `{decision}` is stored
 * as `approve` or `refuse` ("转办申请已同意", "Transfer approved").
 */
const WORDS: Record<Locale, Record<string, Record<string, string>>> = {
	'zh-CN': { decision: { approve: '已同意', refuse: '未同意' } },
	en: { decision: { approve: 'approved', refuse: 'refused' } }
};

/** A template filled in; a placeholder without a value reads as empty. */
export function render(text: string, params: Record<string, string>, locale?: Locale): string {
	return text.replace(PLACEHOLDER, (whole, name: string) => {
		if (!Object.hasOwn(params, name)) return whole;
		const word = locale ? WORDS[locale][name]?.[params[name]] : undefined;
		return word ?? params[name];
	});
}

/** The wording in force: the admin's for the event and language, or the default. */
export async function templateFor(
	db: Database,
	event: NotificationEvent,
	locale: Locale
): Promise<Template> {
	const [row] = await db
		.select()
		.from(notificationTemplates)
		.where(and(eq(notificationTemplates.event, event), eq(notificationTemplates.locale, locale)));
	return row ? { subject: row.subject, body: row.body } : DEFAULT_TEMPLATES[event][locale];
}

/** Every event × language with the wording in force and whether the admin changed it. */
export async function listTemplates(db: Database) {
	const rows = await db.select().from(notificationTemplates);
	const stored = new Map(rows.map((r) => [`${r.event}/${r.locale}`, r]));
	return NOTIFICATION_EVENTS.flatMap((event) =>
		(['zh-CN', 'en'] as const).map((locale) => {
			const row = stored.get(`${event}/${locale}`);
			return {
				event,
				locale,
				subject: row?.subject ?? DEFAULT_TEMPLATES[event][locale].subject,
				body: row?.body ?? DEFAULT_TEMPLATES[event][locale].body,
				changed: row !== undefined,
				placeholders: PLACEHOLDERS[event]
			};
		})
	);
}

/**
 * Saves the admin's wording for one event and language (refused with a field message when it
 * uses a placeholder the event lacks, and then nothing changes), or with `reset` goes back to the
 * default. Audited.
 */
export async function saveTemplate(
	db: Database,
	actorId: number,
	event: NotificationEvent,
	locale: Locale,
	input: Template & { reset?: boolean }
): Promise<void> {
	const t = { subject: input.subject.trim(), body: input.body.trim() };
	if (!input.reset) {
		const errors = checkTemplate(event, t);
		if (Object.keys(errors).length) throw new Invalid(Object.values(errors)[0], errors);
	}
	await db.transaction(async (tx) => {
		const where = and(
			eq(notificationTemplates.event, event),
			eq(notificationTemplates.locale, locale)
		);
		const [before] = await tx.select().from(notificationTemplates).where(where);
		if (input.reset) {
			await tx.delete(notificationTemplates).where(where);
		} else {
			await tx
				.insert(notificationTemplates)
				.values({ event, locale, ...t, updatedBy: actorId })
				.onConflictDoUpdate({
					target: [notificationTemplates.event, notificationTemplates.locale],
					set: { ...t, updatedBy: actorId, updatedAt: new Date() }
				});
		}
		await recordAudit(tx, {
			actorId,
			action: input.reset ? 'notification_template.reset' : 'notification_template.save',
			entity: 'notification_template',
			entityId: `${event}/${locale}`,
			before: before ? { subject: before.subject, body: before.body } : null,
			after: input.reset ? null : t
		});
	});
}
