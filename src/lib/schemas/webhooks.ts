import { z } from 'zod';
import { WEBHOOK_EVENTS, type WebhookEventType } from '../domain';

/** The form field of an event's checkbox: `ev_suggestion_created` for suggestion.created. */
export const eventField = (type: WebhookEventType) => `ev_${type.replace('.', '_')}`;

/** An absolute http(s) address with a host and no user name or password in it. */
function isTargetUrl(value: string): boolean {
	if (!URL.canParse(value)) return false;
	const url = new URL(value);
	return (
		(url.protocol === 'https:' || url.protocol === 'http:') &&
		url.hostname !== '' &&
		url.username === '' &&
		url.password === ''
	);
}

/**
 * The admin's endpoint form: the address, one checkbox per event (at least one), and the two
 * allowances, both off unless ticked. Every check runs in one pass, so a wrong address and no
 * event are both reported at once.
 */
export const webhookInput = z
	.object({
		url: z.string().trim().default(''),
		personalData: z.string().optional(),
		allowPrivate: z.string().optional()
	})
	.catchall(z.string())
	.superRefine((form, ctx) => {
		if (form.url.length > 2000) {
			ctx.addIssue({ code: 'custom', message: 'too_long', path: ['url'] });
		} else if (!isTargetUrl(form.url)) {
			ctx.addIssue({ code: 'custom', message: 'webhook_url', path: ['url'] });
		}
		if (!WEBHOOK_EVENTS.some((t) => form[eventField(t)] !== undefined)) {
			ctx.addIssue({ code: 'custom', message: 'webhook_events', path: ['events'] });
		}
	})
	.transform(({ url, personalData, allowPrivate, ...ticked }) => ({
		url,
		events: WEBHOOK_EVENTS.filter((t) => ticked[eventField(t)] !== undefined),
		personalData: personalData !== undefined,
		allowPrivate: allowPrivate !== undefined
	}));

/** Deleting takes a ticked confirmation: a stray or empty request deletes nothing. */
export const deleteInput = z.object({
	confirm: z.string({ error: 'webhook_confirm_delete' })
});
