import { eq, sql } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { username as usernameSchema } from '../../schemas/admin';
import { isUniqueViolation, type Database } from '../db';
import { users, type Role } from '../db/schema';
import { recordAudit } from '../platform/audit';
import {
	createSession,
	generateSessionToken,
	invalidateUserSessions,
	type ValidSession
} from './session';
import { mappedRole, type SsoSettings } from './sso-settings';

/**
 * Single sign-on with OpenID Connect (openid-client 6): the authorization code flow with PKCE,
 * state and nonce. `beginSso` gives the provider's address and what the browser must bring back
 * (kept in a short-lived cookie by the route); `finishSso` checks the answer, resolves the account
 * (matched by username, or created, by the settings) and creates the same session a password login
 * does. Every refusal is an `SsoFailure` with a reason the error page explains, leaves no session,
 * and is written to the audit log.
 */

export const SSO_CALLBACK_PATH = '/login/sso/callback';
/** How long a started sign-in may take at the provider before its state is refused. */
export const SSO_STATE_TTL_MS = 10 * 60 * 1000;

export type SsoReason =
	| 'misconfigured'
	| 'provider_unavailable'
	| 'provider_invalid'
	| 'state_missing'
	| 'state_expired'
	| 'state_mismatch'
	| 'wrong_issuer'
	| 'denied'
	| 'code_rejected'
	| 'missing_claim'
	| 'bad_username'
	| 'no_account'
	| 'no_role'
	| 'disabled';

const STATUS: Record<SsoReason, number> = {
	misconfigured: 502,
	provider_unavailable: 502,
	provider_invalid: 502,
	state_missing: 400,
	state_expired: 400,
	state_mismatch: 400,
	wrong_issuer: 400,
	denied: 400,
	code_rejected: 400,
	missing_claim: 502,
	bad_username: 403,
	no_account: 403,
	no_role: 403,
	disabled: 403
};

export class SsoFailure extends Error {
	readonly status: number;
	constructor(
		readonly reason: SsoReason,
		readonly detail = ''
	) {
		super(`sso ${reason}${detail ? `: ${detail}` : ''}`);
		this.status = STATUS[reason];
	}
}

/** What the browser carries between the start and the callback (an httpOnly cookie). */
export interface PendingSso {
	state: string;
	nonce: string;
	verifier: string;
	next: string;
	/** When it was started (ms): older than SSO_STATE_TTL_MS is refused. */
	at: number;
}

export function encodePending(pending: PendingSso): string {
	return Buffer.from(JSON.stringify(pending)).toString('base64url');
}

export function decodePending(value: string | undefined): PendingSso | null {
	if (!value) return null;
	try {
		const p = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
		if (
			typeof p?.state === 'string' &&
			typeof p.nonce === 'string' &&
			typeof p.verifier === 'string' &&
			typeof p.next === 'string' &&
			typeof p.at === 'number'
		) {
			return p as PendingSso;
		}
	} catch {
		// A damaged cookie is no pending sign-in.
	}
	return null;
}

const discovered = new Map<string, Promise<oidc.Configuration>>();

function isLoopback(url: URL): boolean {
	return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * The provider's metadata, fetched once per issuer and client (a failure is not remembered, so the
 * next attempt asks again). Plain http is accepted only for a provider on this machine (tests, a
 * provider on the same host); anything else must be https.
 */
async function configurationFor(settings: SsoSettings): Promise<oidc.Configuration> {
	const key = `${settings.issuer.href}|${settings.clientId}|${settings.clientSecret}`;
	let found = discovered.get(key);
	if (!found) {
		if (settings.issuer.protocol !== 'https:' && !isLoopback(settings.issuer)) {
			throw new SsoFailure('misconfigured', 'the issuer must be https');
		}
		found = oidc.discovery(
			settings.issuer,
			settings.clientId,
			undefined,
			oidc.ClientSecretBasic(settings.clientSecret),
			{
				timeout: 10,
				execute: settings.issuer.protocol === 'https:' ? [] : [oidc.allowInsecureRequests]
			}
		);
		discovered.set(key, found);
		found.catch(() => discovered.delete(key));
	}
	try {
		return await found;
	} catch (e) {
		throw classify(e, 'discovery');
	}
}

/** Forget the discovered metadata (tests that restart a provider on another port). */
export function forgetDiscovery(): void {
	discovered.clear();
}

function networkFailure(e: unknown): boolean {
	const err = e as { name?: string; cause?: { code?: string }; code?: string };
	return (
		e instanceof TypeError ||
		err?.name === 'AbortError' ||
		err?.name === 'TimeoutError' ||
		err?.code === 'OAUTH_TIMEOUT' ||
		typeof err?.cause?.code === 'string'
	);
}

/** openid-client's errors, told apart by what the visitor can do about them. */
function classify(e: unknown, stage: 'discovery' | 'callback' | 'userinfo'): SsoFailure {
	if (e instanceof SsoFailure) return e;
	const message = e instanceof Error ? e.message : String(e);
	if (e instanceof oidc.ResponseBodyError && e.error === 'invalid_grant') {
		// A code already used, expired, or not issued for this verifier.
		return new SsoFailure('code_rejected', e.error_description ?? e.error);
	}
	if (e instanceof oidc.AuthorizationResponseError) {
		return new SsoFailure('denied', e.error);
	}
	if (/\biss\b|issuer/i.test(message) && stage === 'callback') {
		return new SsoFailure('wrong_issuer', message);
	}
	if (networkFailure(e) || (e instanceof oidc.ResponseBodyError && e.status >= 500)) {
		return new SsoFailure('provider_unavailable', message);
	}
	if (stage === 'discovery') {
		return new SsoFailure(
			/status code|404|unexpected HTTP/i.test(message) || /issuer/i.test(message)
				? 'misconfigured'
				: 'provider_unavailable',
			message
		);
	}
	return new SsoFailure('provider_invalid', message);
}

/** Starts a sign-in: where to send the browser, and what it must bring back. */
export async function beginSso(
	settings: SsoSettings,
	next: string
): Promise<{ url: URL; pending: PendingSso }> {
	const config = await configurationFor(settings);
	const pending: PendingSso = {
		state: oidc.randomState(),
		nonce: oidc.randomNonce(),
		verifier: oidc.randomPKCECodeVerifier(),
		next,
		at: Date.now()
	};
	const url = oidc.buildAuthorizationUrl(config, {
		redirect_uri: settings.redirectBase + SSO_CALLBACK_PATH,
		scope: settings.scope,
		response_type: 'code',
		code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
		code_challenge_method: 'S256',
		state: pending.state,
		nonce: pending.nonce
	});
	return { url, pending };
}

export interface SsoSignIn {
	token: string;
	session: ValidSession;
	user: { id: number; username: string; role: Role };
	next: string;
	created: boolean;
}

/**
 * The provider sent the browser back (`query` is the callback's query string). Checks state,
 * issuer, code (with PKCE) and nonce, reads the claims (ID token, then the userinfo endpoint),
 * resolves the account and starts a session. On any refusal: an audit entry, no session, and an
 * `SsoFailure` thrown.
 */
export async function finishSso(
	db: Database,
	settings: SsoSettings,
	input: { query: URLSearchParams; pending: PendingSso | null; ip: string; now?: number }
): Promise<SsoSignIn> {
	let claimed: string | null = null;
	try {
		const { query, pending } = input;
		const now = input.now ?? Date.now();
		if (!pending) throw new SsoFailure('state_missing');
		if (now - pending.at > SSO_STATE_TTL_MS || now < pending.at - 60_000) {
			throw new SsoFailure('state_expired');
		}
		if (query.get('state') !== pending.state) throw new SsoFailure('state_mismatch');
		if (query.has('error')) throw new SsoFailure('denied', query.get('error') ?? '');
		const config = await configurationFor(settings);
		const iss = query.get('iss');
		if (iss !== null && iss !== config.serverMetadata().issuer) {
			throw new SsoFailure('wrong_issuer', iss);
		}
		const callbackUrl = new URL(settings.redirectBase + SSO_CALLBACK_PATH);
		callbackUrl.search = query.toString();
		let claims: Record<string, unknown>;
		try {
			const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
				pkceCodeVerifier: pending.verifier,
				expectedState: pending.state,
				expectedNonce: pending.nonce,
				idTokenExpected: true
			});
			const idClaims = tokens.claims();
			if (!idClaims) throw new SsoFailure('provider_invalid', 'no ID token');
			claims = { ...idClaims };
			if (
				claims[settings.usernameClaim] === undefined ||
				claims[settings.groupsClaim] === undefined
			) {
				try {
					const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
					claims = { ...info, ...idClaims };
				} catch (e) {
					throw classify(e, 'userinfo');
				}
			}
		} catch (e) {
			throw classify(e, 'callback');
		}
		const rawName = claims[settings.usernameClaim];
		if (typeof rawName !== 'string' || !rawName.trim()) {
			throw new SsoFailure('missing_claim', settings.usernameClaim);
		}
		claimed = rawName.trim();
		const parsed = usernameSchema.safeParse(claimed);
		if (!parsed.success) throw new SsoFailure('bad_username', claimed);
		const role = mappedRole(settings, claims[settings.groupsClaim]);
		const displayName =
			typeof claims.name === 'string' ? claims.name.trim().slice(0, 60) : parsed.data;
		const who = {
			username: parsed.data,
			role,
			displayName,
			subject: String(claims.sub),
			ip: input.ip,
			next: pending.next
		};
		try {
			return await signIn(db, settings, who);
		} catch (e) {
			// Two first sign-ins of one new username at once: the second finds the account now.
			if (!isUniqueViolation(e)) throw e;
			return await signIn(db, settings, who);
		}
	} catch (e) {
		// Only the provider's answers are classified (above); a database fault stays a fault.
		if (!(e instanceof SsoFailure)) throw e;
		const failure = e;
		await recordAudit(db, {
			actorId: null,
			action: 'auth.sso_failed',
			entity: 'sso',
			entityId: claimed,
			after: { reason: failure.reason, detail: failure.detail.slice(0, 300), ip: input.ip }
		});
		throw failure;
	}
}

async function signIn(
	db: Database,
	settings: SsoSettings,
	who: {
		username: string;
		role: Role | null;
		displayName: string;
		subject: string;
		ip: string;
		next: string;
	}
): Promise<SsoSignIn> {
	return db.transaction(async (tx) => {
		const [existing] = await tx
			.select({ id: users.id, username: users.username, role: users.role, active: users.active })
			.from(users)
			.where(eq(sql`lower(${users.username})`, who.username.toLowerCase()))
			.for('update');
		let user: { id: number; username: string; role: Role };
		let created = false;
		// With a role map the provider's groups are the truth: no mapped group, no entry.
		const mapped = settings.roleMap.length > 0;
		if (existing) {
			if (!existing.active) throw new SsoFailure('disabled', existing.username);
			if (mapped && !who.role) throw new SsoFailure('no_role', existing.username);
			user = { id: existing.id, username: existing.username, role: existing.role };
			if (mapped && who.role && who.role !== existing.role) {
				const [after] = await tx
					.update(users)
					.set({ role: who.role, updatedAt: new Date() })
					.where(eq(users.id, existing.id))
					.returning({ id: users.id, username: users.username, role: users.role });
				// Sessions granted under the old role end, as when an admin changes it.
				await invalidateUserSessions(tx, existing.id);
				await recordAudit(tx, {
					actorId: null,
					action: 'user.update',
					entity: 'user',
					entityId: existing.id,
					before: { role: existing.role },
					after: { role: after.role, via: 'sso' }
				});
				user = after;
			}
		} else {
			if (settings.accounts !== 'create') throw new SsoFailure('no_account', who.username);
			if (!who.role) throw new SsoFailure('no_role', who.username);
			const [row] = await tx
				.insert(users)
				.values({
					username: who.username,
					displayName: who.displayName,
					role: who.role,
					unitId: null,
					// Not an argon2 hash: no password ever matches it (verifyPassword answers false).
					passwordHash: '!sso'
				})
				.returning({ id: users.id, username: users.username, role: users.role });
			user = row;
			created = true;
			await recordAudit(tx, {
				actorId: null,
				action: 'user.create',
				entity: 'user',
				entityId: row.id,
				after: { ...row, displayName: who.displayName, via: 'sso' }
			});
		}
		const token = generateSessionToken();
		const session = await createSession(tx, token, user.id);
		await recordAudit(tx, {
			actorId: user.id,
			action: 'auth.sso_login',
			entity: 'user',
			entityId: user.id,
			after: { subject: who.subject, ip: who.ip, created }
		});
		return { token, session, user, next: who.next, created };
	});
}
