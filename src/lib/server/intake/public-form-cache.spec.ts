import type { RequestEvent } from '@sveltejs/kit';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { blankQuestion } from '../../questionnaire/types';
import { createCampaign, setCampaignStatus, updateCampaign } from '../campaigns/campaigns';
import { getCampaign } from '../campaigns/queries';
import { publishQuestionnaire, saveDraft } from '../campaigns/questionnaire';
import { servePublicForm } from './public-form-cache';
import { TOKEN_PATTERN } from './public-form';
import { describeEachDatabase } from '../test/databases';

const settings = {
	title: '页面副本',
	slug: 'paged',
	introduction: '',
	startsOn: null,
	endsOn: null,
	anonymous: true
};

/** A stand-in for SvelteKit's render: the page shows the campaign's state and the token it was given. */
function renderer() {
	const calls = { count: 0 };
	const resolve = async (event: RequestEvent) => {
		calls.count++;
		const token = event.locals.submissionToken ?? 'none';
		const { status, title } = await getCampaign(event.locals.db, 'paged');
		return new Response(`<h1>${title}</h1><p>${status}</p><input value="${token}">`, {
			headers: { 'content-type': 'text/html', etag: '"x"' }
		});
	};
	return { calls, resolve };
}

function view(db: RequestEvent['locals']['db'], gzip = false) {
	const headers = gzip ? { 'accept-encoding': 'gzip, deflate' } : undefined;
	return {
		url: new URL('http://localhost/f/paged'),
		request: new Request('http://localhost/f/paged', { headers }),
		locals: { db, user: null }
	} as unknown as RequestEvent;
}

const tokenIn = (html: string) => /value="([^"]*)"/.exec(html)?.[1] ?? '';

describeEachDatabase('public form page copy', (current) => {
	it('renders once, then gives every view a fresh token, plain or gzipped', async () => {
		const { db } = current();
		await createCampaign(db, null, settings);
		const question = {
			...blankQuestion('a', 'single'),
			title: '问题',
			options: [
				{ id: 'y', label: '是' },
				{ id: 'n', label: '否' }
			]
		};
		expect((await saveDraft(db, null, 'paged', [question])).problems).toEqual([]);
		await publishQuestionnaire(db, null, 'paged');
		await setCampaignStatus(db, null, 'paged', 'open');
		const { calls, resolve } = renderer();
		const serve = (gzip = false) =>
			servePublicForm(view(db, gzip), db, 'paged', 'zh-CN|false', resolve);

		const first = await (await serve()).text();
		const second = await serve();
		const secondHtml = await second.text();
		const zipped = await serve(true);
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		const unzipped = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString();
		expect(calls.count).toBe(1);
		const tokens = [first, secondHtml, unzipped].map(tokenIn);
		for (const t of tokens) expect(t).toMatch(TOKEN_PATTERN);
		expect(new Set(tokens).size).toBe(3);
		expect(secondHtml.replace(tokens[1], '')).toBe(first.replace(tokens[0], ''));
		expect(unzipped.replace(tokens[2], '')).toBe(first.replace(tokens[0], ''));
		expect(second.headers.get('etag')).toBeNull();
	});

	it('renders again after any change to the campaign', async () => {
		const { db } = current();
		const { calls, resolve } = renderer();
		const serve = async () =>
			(await servePublicForm(view(db), db, 'paged', 'zh-CN|false', resolve)).text();
		// Still the copy the previous test rendered: nothing changed since.
		expect(await serve()).toContain('<p>open</p>');
		expect(calls.count).toBe(0);
		await setCampaignStatus(db, null, 'paged', 'closed');
		expect(await serve()).toContain('<p>closed</p>');
		expect(calls.count).toBe(1);
		await setCampaignStatus(db, null, 'paged', 'open');
		await updateCampaign(db, null, 'paged', { ...settings, title: '新的标题' });
		const renamed = await serve();
		expect(renamed).toContain('新的标题');
		expect(await serve()).toContain('新的标题');
		expect(calls.count).toBe(2);
	});

	it('keeps no copy of an error page, a page that sets a cookie, or a signed-in view', async () => {
		const { db } = current();
		let count = 0;
		const answer = (init: ResponseInit) => async (event: RequestEvent) => {
			count++;
			return new Response(`<input value="${event.locals.submissionToken}">`, init);
		};
		const html = { 'content-type': 'text/html' };
		const failing = answer({ status: 503, headers: html });
		await servePublicForm(view(db), db, 'paged', 'en|true', failing);
		await servePublicForm(view(db), db, 'paged', 'en|true', failing);
		const cookie = answer({ headers: { ...html, 'set-cookie': 'a=b' } });
		await servePublicForm(view(db), db, 'paged', 'en|false', cookie);
		await servePublicForm(view(db), db, 'paged', 'en|false', cookie);
		const signedIn = view(db);
		signedIn.locals.user = { id: 1 } as RequestEvent['locals']['user'];
		await servePublicForm(signedIn, db, 'paged', 'zh-CN|true', answer({ headers: html }));
		await servePublicForm(view(db), db, 'paged', 'zh-CN|true', answer({ headers: html }));
		expect(count).toBe(6);
		// An unknown campaign is the ordinary page's business (its 404).
		const missing = await servePublicForm(view(db), db, 'nothing-here', 'en|true', async () => {
			return new Response('not found', { status: 404 });
		});
		expect(missing.status).toBe(404);
	});
});
