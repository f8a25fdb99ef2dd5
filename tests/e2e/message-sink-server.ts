// The end-to-end server's mail and SMS: a real SMTP server (smtp-server, as in the Vitest tests of
// notifications) and the fake SMS provider, on the ports of message-sink.ts; `GET /received`
// answers what both have received. Started by playwright.config.ts, stopped with the run.
import { createServer } from 'node:http';
import { startSmtpSink } from '../../src/lib/server/test/message-sinks';
import { SINK_HTTP_PORT, SINK_SMS_TOKEN, SINK_SMTP_PORT, type SinkSms } from './message-sink';

const smtp = await startSmtpSink(SINK_SMTP_PORT);
const sms: SinkSms[] = [];
const keys = new Set<string>();

const http = createServer((req, res) => {
	const chunks: Buffer[] = [];
	req.on('data', (c: Buffer) => chunks.push(c));
	req.on('end', () => {
		if (req.method === 'GET' && req.url === '/received') {
			const mails = smtp.received.map(({ to, subject, text, messageId }) => ({
				to,
				subject,
				text,
				messageId
			}));
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ mails, sms }));
			return;
		}
		if (req.method !== 'POST' || req.url !== '/sms') {
			res.writeHead(404).end();
			return;
		}
		if (req.headers.authorization !== `Bearer ${SINK_SMS_TOKEN}`) {
			res.writeHead(401).end();
			return;
		}
		let body: { to?: unknown; text?: unknown; key?: unknown };
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		} catch {
			res.writeHead(400).end();
			return;
		}
		if (
			typeof body.to !== 'string' ||
			!/^1\d{10}$/.test(body.to) ||
			typeof body.text !== 'string'
		) {
			res.writeHead(422).end();
			return;
		}
		// The adapter's contract: a repeated idempotency key is the same message.
		const key = String(req.headers['idempotency-key'] ?? body.key ?? '');
		if (!keys.has(key)) {
			keys.add(key);
			sms.push({ to: body.to, text: body.text, key });
		}
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
	});
});
http.listen(SINK_HTTP_PORT, '127.0.0.1');

async function stop() {
	http.close();
	await smtp.stop();
	process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
