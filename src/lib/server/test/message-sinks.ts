import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	to: string[];
	messageId: string;
	subject: string;
	text: string;
	raw: string;
}

/** Decodes the one text part nodemailer writes (quoted-printable or base64, UTF-8). */
function decodeMail(raw: string, to: string[]): ReceivedMail {
	const split = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	const body = raw.slice(split + 4);
	const header = (name: string) =>
		new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1].trim() ?? '';
	const words = (value: string) =>
		value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
			kind.toUpperCase() === 'B'
				? Buffer.from(text, 'base64').toString('utf8')
				: qp(text.replace(/_/g, ' '))
		);
	const encoding = header('Content-Transfer-Encoding').toLowerCase();
	const text =
		encoding === 'base64'
			? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
			: encoding === 'quoted-printable'
				? qp(body.replace(/=\r\n/g, ''))
				: body;
	return { to, messageId: header('Message-ID'), subject: words(header('Subject')), text, raw };
}

function qp(text: string): string {
	const bytes: number[] = [];
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
			bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(text[i], 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

/**
 * A local SMTP server that keeps what it receives (no TLS, no authentication), started inside
 * the test on a port of its own; `stop` and `start` again on the same port play an outage.
 */
export async function startSmtpSink(port = 0) {
	const received: ReceivedMail[] = [];
	let server: SMTPServer | null = null;
	let boundPort = port;
	async function start() {
		server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS', 'AUTH'],
			logger: false,
			onData(stream, session, callback) {
				const chunks: Buffer[] = [];
				stream.on('data', (c: Buffer) => chunks.push(c));
				stream.on('end', () => {
					const to = session.envelope.rcptTo.map((r) => r.address);
					received.push(decodeMail(Buffer.concat(chunks).toString('utf8'), to));
					callback();
				});
			}
		});
		await new Promise<void>((resolve) => server!.listen(boundPort, '127.0.0.1', resolve));
		boundPort = (server.server.address() as AddressInfo).port;
	}
	async function stop() {
		if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
		server = null;
	}
	await start();
	return {
		received,
		get port() {
			return boundPort;
		},
		get url() {
			return `smtp://127.0.0.1:${boundPort}`;
		},
		start,
		stop
	};
}

export interface SmsRequest {
	authorization: string;
	key: string;
	body: { to: string; text: string; key: string };
}

/**
 * A fake SMS provider speaking the adapter's one request shape: it keeps every request, and
 * counts a message once per idempotency key, as the contract asks. `down` answers 503.
 */
export async function startFakeSms(token = 'sms-token') {
	const requests: SmsRequest[] = [];
	const messages = new Map<string, SmsRequest>();
	const state = { down: false };
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			if (state.down) {
				res.writeHead(503).end();
				return;
			}
			if (req.headers.authorization !== `Bearer ${token}`) {
				res.writeHead(401).end();
				return;
			}
			const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			const request = {
				authorization: req.headers.authorization,
				key: String(req.headers['idempotency-key'] ?? ''),
				body
			};
			requests.push(request);
			if (!/^1\d{10}$/.test(body.to)) {
				res.writeHead(422).end();
				return;
			}
			if (!messages.has(request.key)) messages.set(request.key, request);
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		requests,
		messages,
		state,
		url: `http://127.0.0.1:${port}/sms`,
		token,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
