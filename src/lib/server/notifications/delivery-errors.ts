/**
 * What delivery writes as a message's last error: one fixed text per cause, kept in English in the
 * database (the words an operator greps for in the server's and the mail server's logs). The
 * delivery log says each in the reader's language (`m.notifications.problems`), with a provider's
 * own words (an SMTP reply, an exception) shown as the detail beside it.
 */
export const DELIVERY_ERRORS = {
	emailNotConfigured: 'e-mail is not configured (SMTP_URL or SMTP_HOST)',
	smsNotConfigured: 'SMS is not configured (XINKAN_SMS_URL)',
	mailFromMissing: 'XINKAN_MAIL_FROM is not set',
	workerStopped: 'worker stopped before sending',
	unconfirmed: 'worker stopped after handing the e-mail to the SMTP server: not sent again',
	resent: 'worker stopped after handing the SMS over: sent again under the same key',
	channelOff: 'the recipient no longer receives this channel',
	noPhone: 'no phone number',
	noEmail: 'no e-mail address',
	stopped: 'the proposer stopped messages'
} as const;

/** Prefixes of the texts that carry their own detail after them. */
export const SMTP_SETTINGS_PREFIX = 'SMTP settings: ';
export const UNKNOWN_EVENT_PREFIX = 'unknown event ';

export type DeliveryProblem =
	| keyof typeof DELIVERY_ERRORS
	| 'smtpSettings'
	| 'unknownEvent'
	/** The provider refused the message for good (SMTP 5xx for the envelope, SMS 400/422). */
	| 'refused'
	/** Anything else the provider or the network said: retried with backoff. */
	| 'providerError';

/** The cause of a last error, and the provider's own words where they are not ours. */
export function problemOf(
	lastError: string | null,
	state: string
): { problem: DeliveryProblem; detail: string } | null {
	if (!lastError) return null;
	for (const [problem, text] of Object.entries(DELIVERY_ERRORS)) {
		if (lastError === text) return { problem: problem as DeliveryProblem, detail: '' };
	}
	if (lastError.startsWith(SMTP_SETTINGS_PREFIX)) {
		return { problem: 'smtpSettings', detail: lastError.slice(SMTP_SETTINGS_PREFIX.length) };
	}
	if (lastError.startsWith(UNKNOWN_EVENT_PREFIX)) {
		return { problem: 'unknownEvent', detail: lastError.slice(UNKNOWN_EVENT_PREFIX.length) };
	}
	return { problem: state === 'failed' ? 'refused' : 'providerError', detail: lastError };
}
