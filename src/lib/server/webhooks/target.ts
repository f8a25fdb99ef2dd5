import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** What went wrong, as a key the delivery log puts in words. */
export type AttemptError = 'timeout' | 'redirect' | 'private_target' | 'status' | 'network';

export interface PostOutcome {
	status: number | null;
	error: AttemptError | null;
	detail: string | null;
	durationMs: number;
}

/**
 * Only ordinary public unicast addresses: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * link-local (169.254/16 — cloud metadata —, fe80::/10), carrier-grade NAT, unspecified, multicast
 * and reserved ranges are not "public". IPv4 inside IPv6 (::ffff:127.0.0.1) is judged as IPv4.
 */
export function isPublicAddress(address: string): boolean {
	if (!ipaddr.isValid(address)) return false;
	return ipaddr.process(address).range() === 'unicast';
}

class PrivateTarget extends Error {}

/**
 * The resolver of a request: every address a name resolves to must be public unless private
 * targets are allowed, checked on the addresses actually connected to (so a name that resolves
 * to a public address when the form is saved and to 127.0.0.1 later is still refused).
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
	return (hostname, options, callback) => {
		dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
			if (err) return callback(err, '', 4);
			const refused = addresses.find((a) => !allowPrivate && !isPublicAddress(a.address));
			if (refused) return callback(new PrivateTarget(refused.address), '', 4);
			if (options.all) return callback(null, addresses as unknown as string, 4);
			callback(null, addresses[0].address, addresses[0].family);
		});
	};
}

/**
 * POSTs a body to a webhook target: no redirects followed (a 3xx is a failure), the whole exchange
 * within `timeoutMs`, at most 64 KB of the answer read (and dropped), private addresses refused
 * unless allowed. Never throws: the outcome says what happened.
 */
export function postToTarget(
	url: string,
	body: string,
	headers: Record<string, string>,
	options: { timeoutMs: number; allowPrivate: boolean }
): Promise<PostOutcome> {
	const started = performance.now();
	const done = (
		status: number | null,
		error: AttemptError | null,
		detail: string | null
	): PostOutcome => ({
		status,
		error,
		detail: detail?.slice(0, 300) ?? null,
		durationMs: Math.round(performance.now() - started)
	});
	let target: URL;
	try {
		target = new URL(url);
	} catch {
		return Promise.resolve(done(null, 'network', 'invalid URL'));
	}
	const host = target.hostname.replace(/^\[|\]$/g, '');
	// An address written in the URL is never looked up, so it is judged here.
	if (isIP(host) && !options.allowPrivate && !isPublicAddress(host)) {
		return Promise.resolve(done(null, 'private_target', host));
	}
	const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
	const requestOptions: RequestOptions = {
		method: 'POST',
		headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
		lookup: guardedLookup(options.allowPrivate),
		agent: false
	};
	return new Promise((resolve) => {
		let settled = false;
		const finish = (outcome: PostOutcome) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			req.destroy();
			resolve(outcome);
		};
		const req = send(target, requestOptions, (res) => {
			const status = res.statusCode ?? 0;
			let read = 0;
			res.on('data', (chunk: Buffer) => {
				read += chunk.length;
				if (read > 64 * 1024) finish(outcome());
			});
			res.on('end', () => finish(outcome()));
			res.on('error', () => finish(outcome()));
			function outcome(): PostOutcome {
				if (status >= 200 && status < 300) return done(status, null, null);
				if (status >= 300 && status < 400) {
					return done(status, 'redirect', res.headers.location ?? null);
				}
				return done(status, 'status', null);
			}
		});
		const timer = setTimeout(
			() => finish(done(null, 'timeout', `${options.timeoutMs} ms`)),
			options.timeoutMs
		);
		req.on('error', (e: Error & { code?: string }) => {
			if (e instanceof PrivateTarget) finish(done(null, 'private_target', e.message));
			else finish(done(null, 'network', e.code ?? e.message));
		});
		req.end(body);
	});
}
