import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { DELIVERY_ERRORS, problemOf, type DeliveryProblem } from './delivery-errors';
import { transportsFromEnv } from './transports';

describe('the delivery log’s causes', () => {
	it('names each fixed error, and keeps a provider’s own words as the detail', () => {
		for (const [problem, text] of Object.entries(DELIVERY_ERRORS)) {
			expect(problemOf(text, 'pending')).toEqual({ problem, detail: '' });
		}
		expect(problemOf(null, 'sent')).toBeNull();
		expect(problemOf('connect ECONNREFUSED 127.0.0.1:1', 'pending')).toEqual({
			problem: 'providerError',
			detail: 'connect ECONNREFUSED 127.0.0.1:1'
		});
		expect(problemOf('550 5.1.1 mailbox unavailable', 'failed')).toEqual({
			problem: 'refused',
			detail: '550 5.1.1 mailbox unavailable'
		});
		expect(problemOf('unknown event party', 'failed')).toEqual({
			problem: 'unknownEvent',
			detail: 'party'
		});
		// What the configuration reader writes is one of the named causes.
		const none = transportsFromEnv({});
		expect(problemOf(none.problems.email!, 'pending')?.problem).toBe('emailNotConfigured');
		expect(problemOf(none.problems.sms!, 'pending')?.problem).toBe('smsNotConfigured');
		const bad = transportsFromEnv({ SMTP_URL: 'smtp://[bad', XINKAN_MAIL_FROM: 'a@example.org' });
		expect(problemOf(bad.problems.email!, 'pending')).toEqual({
			problem: 'smtpSettings',
			detail: 'Invalid URL'
		});
	});

	it('has words for every cause in both languages', () => {
		const causes: DeliveryProblem[] = [
			...(Object.keys(DELIVERY_ERRORS) as DeliveryProblem[]),
			'smtpSettings',
			'unknownEvent',
			'refused',
			'providerError'
		];
		for (const messages of [zhCN, en]) {
			for (const cause of causes) expect(messages.notifications.problems[cause]).toBeTruthy();
		}
		expect(zhCN.notifications.problems.emailNotConfigured).toMatch(/邮件服务器/);
	});
});
