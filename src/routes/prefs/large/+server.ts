import { redirect } from '@sveltejs/kit';
import { LARGE_TYPE_COOKIE } from '$lib/i18n';
import { safeNext } from '$lib/server/auth/guard';
import type { RequestHandler } from './$types';

/** The large-type toggle is a plain link, so it works with JavaScript switched off. */
export const GET: RequestHandler = ({ url, cookies }) => {
	const on = url.searchParams.get('on') === '1';
	cookies.set(LARGE_TYPE_COOKIE, on ? '1' : '0', {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
	redirect(303, safeNext(url.searchParams.get('next'), '/'));
};
