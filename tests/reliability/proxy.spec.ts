// Client address trust behind a real nginx (Debian's package) on loopback, in front of the
// production server with ADDRESS_HEADER=x-forwarded-for and XFF_DEPTH=1 (README, "Behind a
// reverse proxy"). nginx appends the address it sees to X-Forwarded-For; the app takes the
// rightmost one, so a client that writes its own X-Forwarded-For still counts as itself for the
// submission limit and the login throttle, while two real clients (127.0.0.1 and 127.0.0.2) are
// told apart. A request straight to the app's port, without the header, is a 400 that says why —
// never the 500 adapter-node's getClientAddress would make of it. nginx is required, not skipped:
// `.ci/run` installs it (apt-get install -y nginx).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ensureBuild,
	freePort,
	startServer,
	type RunningServer
} from '../../scripts/server-process';
import {
	demoAnswers,
	encodeForm,
	formHeaders,
	randomToken,
	receiptOf,
	request,
	sleep,
	type Fields,
	type HttpRequest
} from './http';

const NGINX = '/usr/sbin/nginx';
const SLUG = 'liuyang-2014';
const PASSWORD = 'proxy-suite-password';
const SUBMIT_LIMIT = 5;

let dir: string;
let app: RunningServer;
let nginx: ChildProcess | undefined;
/** The public address: nginx on loopback, the only way in that sets the client address. */
let site: string;
/** Two real clients, told apart by the address they connect from. */
const clientA = new http.Agent({ keepAlive: true, localAddress: '127.0.0.1' });
const clientB = new http.Agent({ keepAlive: true, localAddress: '127.0.0.2' });

function nginxConfig(listen: number, upstream: number): string {
	return `
# Running as root, nginx would hand requests to workers running as nobody, who cannot enter
# this private temporary folder (its proxy buffers live there).
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 128; }
http {
	access_log ${dir}/access.log;
	client_body_temp_path ${dir}/client_body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	server {
		listen 127.0.0.1:${listen};
		location / {
			proxy_pass http://127.0.0.1:${upstream};
			proxy_set_header Host $host;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			proxy_set_header X-Forwarded-Proto $scheme;
		}
	}
}
`;
}

async function startNginx(listen: number, upstream: number): Promise<void> {
	writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(listen, upstream));
	const conf = path.join(dir, 'nginx.conf');
	const log = path.join(dir, 'error.log');
	nginx = spawn(NGINX, ['-p', `${dir}/`, '-c', conf, '-e', log, '-g', 'daemon off;'], {
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (nginx.exitCode !== null) {
			const errors = existsSync(log) ? readFileSync(log, 'utf8') : '';
			throw new Error(`nginx exited with ${nginx.exitCode}: ${errors}`);
		}
		try {
			if ((await request(`${site}/healthz`, { timeoutMs: 2_000 })).status === 200) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`nginx did not answer on ${site} within 15 s`);
		await sleep(100);
	}
}

beforeAll(async () => {
	if (!existsSync(NGINX)) {
		throw new Error(
			`${NGINX} is missing: the proxy-trust suite needs Debian's nginx (apt-get install -y nginx; .ci/run installs it)`
		);
	}
	ensureBuild();
	dir = mkdtempSync(path.join(tmpdir(), 'xinkan-proxy-'));
	const listen = await freePort();
	site = `http://127.0.0.1:${listen}`;
	app = await startServer({
		XINKAN_DATA_DIR: path.join(dir, 'data'),
		XINKAN_ADMIN_PASSWORD: PASSWORD,
		XINKAN_SUBMIT_LIMIT: String(SUBMIT_LIMIT),
		HOST: '127.0.0.1',
		ORIGIN: site,
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1'
	});
	await startNginx(listen, Number(new URL(app.origin).port));
}, 120_000);

afterAll(async () => {
	clientA.destroy();
	clientB.destroy();
	if (nginx && nginx.exitCode === null) {
		const exited = new Promise((resolve) => nginx!.once('exit', resolve));
		nginx.kill('SIGTERM');
		await exited;
	}
	await app?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const viaNginx = (url: string, agent: http.Agent, options: HttpRequest = {}) =>
	request(site + url, { ...options, agent });

function submit(agent: http.Agent, fakeAddress: string) {
	return viaNginx(`/f/${SLUG}`, agent, {
		method: 'POST',
		headers: formHeaders(site, { 'x-forwarded-for': fakeAddress }),
		body: encodeForm(demoAnswers(randomToken()))
	});
}

function login(agent: http.Agent, password: string, fakeAddress: string) {
	return viaNginx('/login', agent, {
		method: 'POST',
		headers: formHeaders(site, { 'x-forwarded-for': fakeAddress }),
		body: encodeForm({ username: 'admin', password })
	});
}

describe('behind nginx, the client address is the one nginx saw', () => {
	it('counts submissions by the real client, whatever X-Forwarded-For it sends', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < SUBMIT_LIMIT + 3; i++) {
			statuses.push((await submit(clientA, `10.9.0.${i + 1}`)).status);
		}
		expect(statuses).toEqual([...Array(SUBMIT_LIMIT).fill(303), ...Array<number>(3).fill(429)]);
		// Another real client sending the very header client A just used is not held back.
		const other = await submit(clientB, `10.9.0.${SUBMIT_LIMIT + 3}`);
		expect(other.status).toBe(303);
		expect(receiptOf(other)).toMatch(/^[0-9A-Z]{8}$/);
		// And client A stays refused with a header naming client B's real address.
		expect((await submit(clientA, '127.0.0.2')).status).toBe(429);
	});

	it('throttles bad logins by the real client, whatever X-Forwarded-For it sends', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 11; i++) {
			statuses.push((await login(clientA, `wrong-${i}`, `10.8.0.${i + 1}`)).status);
		}
		expect(statuses).toEqual([...Array<number>(10).fill(400), 429]);
		// Refused even with the right password now: it is the same client.
		expect((await login(clientA, PASSWORD, '10.8.0.99')).status).toBe(429);
		// The owner, on another real client, logs in (slowed, never locked: login-throttle.ts).
		const owner = await login(clientB, PASSWORD, '10.8.0.11');
		expect(owner.status).toBe(303);
		expect(String(owner.headers['set-cookie'])).toMatch(/xinkan_session=/);
	});

	it('serves the pages through nginx', async () => {
		for (const url of ['/login', `/f/${SLUG}`, '/healthz']) {
			expect((await viaNginx(url, clientB, { headers: { accept: 'text/html' } })).status).toBe(200);
		}
	});
});

describe('straight to the app port, without the header', () => {
	const direct = (url: string, options: HttpRequest = {}) => request(app.origin + url, options);
	const postForm = (url: string, fields: Fields, extra = {}) =>
		direct(url, { method: 'POST', headers: formHeaders(site, extra), body: encodeForm(fields) });

	it('answers 400 with a message, never 500: login, submission, pages', async () => {
		const answers = {
			'POST /login': await postForm('/login', { username: 'admin', password: PASSWORD }),
			'POST /f': await postForm(`/f/${SLUG}`, demoAnswers(randomToken())),
			'GET /login': await direct('/login', { headers: { accept: 'text/html' } }),
			'GET /f': await direct(`/f/${SLUG}`, { headers: { accept: 'text/html' } }),
			'GET /r/code': await direct('/r/ABCD2345'),
			'GET /admin': await direct('/admin'),
			'POST /f with an empty header': await postForm(`/f/${SLUG}`, demoAnswers(randomToken()), {
				'x-forwarded-for': ''
			})
		};
		for (const [what, answer] of Object.entries(answers)) {
			expect({ what, status: answer.status }).toEqual({ what, status: 400 });
			expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
			expect(answer.text).toContain('x-forwarded-for');
			expect(answer.text).toContain('反向代理');
		}
		const english = await direct('/login', { headers: { cookie: 'xinkan_lang=en' } });
		expect(english.status).toBe(400);
		expect(english.text).toMatch(/reads each visitor's address from the x-forwarded-for header/);
		expect(english.text).toContain('Behind a reverse proxy');
	});

	it('still answers the health check, which needs no address', async () => {
		const health = await direct('/healthz');
		expect(health.status).toBe(200);
		expect(JSON.parse(health.text)).toMatchObject({ ok: true });
	});
});
