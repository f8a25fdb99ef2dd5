import { spawnSync } from 'node:child_process';

/**
 * The message sink the end-to-end server sends to (tests/e2e/message-sink-server.ts, started by
 * playwright.config.ts before the app): a real SMTP server, and the fake SMS provider of the
 * adapter's one request shape, both keeping what they receive; `GET /received` on the HTTP port
 * answers all of it as JSON for the tests to read. Ports are picked once, by the first process to
 * load this file, and inherited through the environment like E2E_PORT (accounts.ts).
 */
export const SINK_SMTP_PORT = freePort('E2E_SINK_SMTP_PORT');
export const SINK_HTTP_PORT = freePort('E2E_SINK_HTTP_PORT');
export const SINK_URL = `http://127.0.0.1:${SINK_HTTP_PORT}`;
export const SINK_SMS_TOKEN = 'e2e-sms-token';

/** What the app is told about the sink (docs/notes/notifications.md, configuration). */
export const SINK_APP_ENV = {
	SMTP_URL: `smtp://127.0.0.1:${SINK_SMTP_PORT}`,
	XINKAN_MAIL_FROM: 'xinkan@example.org',
	XINKAN_SMS_URL: `${SINK_URL}/sms`,
	XINKAN_SMS_TOKEN: SINK_SMS_TOKEN
};

export interface SinkMail {
	to: string[];
	subject: string;
	text: string;
	messageId: string;
}
export interface SinkSms {
	to: string;
	text: string;
	key: string;
}

/** Everything the sink has received so far. */
export async function received(): Promise<{ mails: SinkMail[]; sms: SinkSms[] }> {
	const answer = await fetch(`${SINK_URL}/received`);
	if (!answer.ok) throw new Error(`the message sink answered ${answer.status}`);
	return answer.json();
}

function freePort(name: string): number {
	if (!process.env[name]) {
		const probe = spawnSync(
			process.execPath,
			[
				'-e',
				"const s = require('net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });"
			],
			{ encoding: 'utf8' }
		);
		if (probe.status !== 0 || !/^\d+$/.test(probe.stdout)) {
			throw new Error(`${name} is unset and no free port was found: ${probe.stderr}`);
		}
		process.env[name] = probe.stdout;
	}
	return Number(process.env[name]);
}
