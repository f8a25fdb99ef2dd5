import { describe, expect, it } from 'vitest';
import { fieldErrors } from './form-data';
import { deleteInput, webhookInput } from './webhooks';

describe('the webhook form', () => {
	it('reports a wrong address and no event together', () => {
		const parsed = webhookInput.safeParse({ url: 'ftp://example.org/x' });
		expect(parsed.success).toBe(false);
		expect(fieldErrors(parsed.error!)).toEqual({ url: 'webhook_url', events: 'webhook_events' });
	});

	it('refuses addresses without a host, with credentials, or too long', () => {
		for (const url of [
			'',
			'example.org/hook',
			'https://user:pw@example.org/',
			'javascript:alert(1)'
		]) {
			const parsed = webhookInput.safeParse({ url, ev_campaign_opened: 'on' });
			expect(parsed.error && fieldErrors(parsed.error), url).toEqual({ url: 'webhook_url' });
		}
		const long = webhookInput.safeParse({
			url: `https://example.org/${'a'.repeat(2000)}`,
			ev_campaign_opened: 'on'
		});
		expect(fieldErrors(long.error!)).toEqual({ url: 'too_long' });
	});

	it('reads the ticked events and the two allowances, both off unless ticked', () => {
		expect(
			webhookInput.parse({
				url: ' https://hooks.example.org/x ',
				ev_suggestion_assigned: 'on',
				ev_campaign_closed: 'on',
				ev_unknown: 'on'
			})
		).toEqual({
			url: 'https://hooks.example.org/x',
			events: ['suggestion.assigned', 'campaign.closed'],
			personalData: false,
			allowPrivate: false
		});
		expect(
			webhookInput.parse({
				url: 'http://10.0.0.5/x',
				ev_campaign_closed: 'on',
				personalData: 'on',
				allowPrivate: 'on'
			})
		).toMatchObject({ personalData: true, allowPrivate: true });
	});

	it('deletes only when confirmed', () => {
		const refused = deleteInput.safeParse({});
		expect(fieldErrors(refused.error!)).toEqual({ confirm: 'webhook_confirm_delete' });
		expect(deleteInput.safeParse({ confirm: 'on' }).success).toBe(true);
	});
});
