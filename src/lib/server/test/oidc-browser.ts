/**
 * A tiny cookie-keeping "browser" for Vitest: follows the provider's redirects, fills its dev login
 * page (any password) and its consent page, and stops at the redirect back to the app, answering
 * that callback URL's query. Enough to drive the real provider without Chromium.
 */
export async function throughProvider(
	authorizationUrl: URL,
	login: string,
	callbackPrefix: string
): Promise<URLSearchParams> {
	const jar = new Map<string, string>();
	const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
	let url = authorizationUrl.href;
	let method = 'GET';
	let body: URLSearchParams | undefined;
	for (let step = 0; step < 20; step++) {
		const response = await fetch(url, {
			method,
			body,
			redirect: 'manual',
			headers: { cookie: cookie() }
		});
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair.indexOf('=');
			jar.set(pair.slice(0, at), pair.slice(at + 1));
		}
		const location = response.headers.get('location');
		if (response.status >= 300 && response.status < 400 && location) {
			const next = new URL(location, url);
			if (next.href.startsWith(callbackPrefix)) return next.searchParams;
			url = next.href;
			method = 'GET';
			body = undefined;
			continue;
		}
		const html = await response.text();
		const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
		const prompt = html.match(/name="prompt" value="([^"]+)"/)?.[1];
		if (!action || !prompt) throw new Error(`provider page without a form (${response.status})`);
		url = new URL(action.replace(/&amp;/g, '&'), url).href;
		method = 'POST';
		body =
			prompt === 'login'
				? new URLSearchParams({ prompt, login, password: 'any' })
				: new URLSearchParams({ prompt });
	}
	throw new Error('too many steps at the provider');
}
