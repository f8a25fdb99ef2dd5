import nodemailer from 'nodemailer';
import { DELIVERY_ERRORS, SMTP_SETTINGS_PREFIX } from './delivery-errors';

/** One e-mail, with the Message-ID that names its outbox row (the same on every attempt). */
export interface EmailMessage {
	to: string;
	subject: string;
	text: string;
	messageId: string;
}

/** One SMS; `key` is the outbox row's idempotency key (the same on every attempt). */
export interface SmsMessage {
	to: string;
	text: string;
	key: string;
}

/** A refusal that no retry will change (a malformed number, a rejected address). */
export class PermanentFailure extends Error {}

export interface Transports {
	/** Null when e-mail is not configured (messages wait, saying so). */
	email: { send(message: EmailMessage): Promise<void>; domain: string } | null;
	sms: { send(message: SmsMessage): Promise<void> } | null;
	/** Why a channel is unavailable, for the delivery log. */
	problems: { email?: string; sms?: string };
}

export interface MailSettings {
	/** `smtp://user:pass@host:587` or `smtps://…`; or host/port/user/pass below. */
	url?: string;
	host?: string;
	port?: number;
	secure?: boolean;
	user?: string;
	pass?: string;
	from: string;
}

/**
 * E-mail through nodemailer's SMTP transport. Building it touches no network; a wrong host or
 * password shows as a failed attempt of each message (retried with backoff), never as an error of
 * the request that wrote the event. Short timeouts: a hung server ends the attempt, not the job.
 */
export function smtpTransport(settings: MailSettings): NonNullable<Transports['email']> {
	const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
	const transporter = settings.url
		? nodemailer.createTransport({ url: settings.url, ...timeouts })
		: nodemailer.createTransport({
				host: settings.host,
				port: settings.port ?? 587,
				secure: settings.secure ?? settings.port === 465,
				auth: settings.user ? { user: settings.user, pass: settings.pass ?? '' } : undefined,
				...timeouts
			});
	const domain = settings.from.split('@')[1]?.replace(/[>\s]/g, '') || 'xinkan.invalid';
	return {
		domain,
		async send(message) {
			try {
				await transporter.sendMail({
					from: settings.from,
					to: message.to,
					subject: message.subject,
					text: message.text,
					messageId: message.messageId
				});
			} catch (e) {
				// 5xx from the server for this recipient: no retry will deliver it.
				const code = (e as { responseCode?: number }).responseCode;
				if (code && code >= 500 && (e as { code?: string }).code === 'EENVELOPE') {
					throw new PermanentFailure((e as Error).message);
				}
				throw e;
			}
		}
	};
}

/**
 * The SMS provider adapter: one HTTP request for every provider (a small gateway translates it
 * to Aliyun, Tencent Cloud or a company SMS platform):
 *
 *     POST $XINKAN_SMS_URL
 *     Authorization: Bearer $XINKAN_SMS_TOKEN
 *     Idempotency-Key: <key>
 *     Content-Type: application/json
 *     { "to": "13812345678", "text": "…", "key": "<key>" }
 *
 * 2xx: accepted. The provider must treat a repeated key as the same message (answer 2xx, send
 * nothing): that is what makes a retry after a crash safe. 400/422: refused for good; anything
 * else (and no answer): tried again later.
 */
export function httpSmsTransport(url: string, token: string): NonNullable<Transports['sms']> {
	return {
		async send(message) {
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					authorization: `Bearer ${token}`,
					'idempotency-key': message.key,
					'content-type': 'application/json'
				},
				body: JSON.stringify({ to: message.to, text: message.text, key: message.key }),
				signal: AbortSignal.timeout(15_000)
			});
			await response.body?.cancel().catch(() => {});
			if (response.ok) return;
			const text = `SMS provider answered ${response.status}`;
			if (response.status === 400 || response.status === 422) throw new PermanentFailure(text);
			throw new Error(text);
		}
	};
}

/** The transports the environment configures (README: Notifications). */
export function transportsFromEnv(env: NodeJS.ProcessEnv = process.env): Transports {
	const problems: Transports['problems'] = {};
	let email: Transports['email'] = null;
	const from = env.XINKAN_MAIL_FROM || env.SMTP_FROM || '';
	if (env.SMTP_URL || env.SMTP_HOST) {
		if (!from) problems.email = DELIVERY_ERRORS.mailFromMissing;
		else {
			try {
				email = smtpTransport({
					url: env.SMTP_URL || undefined,
					host: env.SMTP_HOST,
					port: env.SMTP_PORT ? Number(env.SMTP_PORT) : undefined,
					secure: env.SMTP_SECURE ? env.SMTP_SECURE === 'true' : undefined,
					user: env.SMTP_USER,
					pass: env.SMTP_PASS,
					from
				});
			} catch (e) {
				problems.email = `${SMTP_SETTINGS_PREFIX}${(e as Error).message}`;
			}
		}
	} else problems.email = DELIVERY_ERRORS.emailNotConfigured;
	let sms: Transports['sms'] = null;
	if (env.XINKAN_SMS_URL) sms = httpSmsTransport(env.XINKAN_SMS_URL, env.XINKAN_SMS_TOKEN ?? '');
	else problems.sms = DELIVERY_ERRORS.smsNotConfigured;
	return { email, sms, problems };
}
