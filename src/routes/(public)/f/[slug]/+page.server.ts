import { error, fail, redirect } from '@sveltejs/kit';
import { errorTexts, messages } from '$lib/i18n';
import { NotFound } from '$lib/server/errors';
import { readForm } from '$lib/server/forms';
import { resolveFormCode } from '$lib/server/form-codes';
import { loadPublicForm, newSubmissionToken, submitPublicForm } from '$lib/server/public-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const form = await loadPublicForm(locals.db, params.slug).catch((e) => {
		if (e instanceof NotFound) error(404, 'not found');
		throw e;
	});
	const { campaign, version, availability } = form;
	// A printed form's QR code brings its code along; a used or unknown one is said, not hidden.
	const codeParam = url.searchParams.get('c');
	const code =
		codeParam && availability === 'open'
			? await resolveFormCode(locals.db, campaign.id, codeParam)
			: null;
	const formCodeState = !codeParam ? 'none' : !code ? 'unknown' : code.used ? 'used' : 'ok';
	return {
		formCode: formCodeState === 'ok' && code ? code.code : '',
		formCodeState,
		campaign: {
			slug: campaign.slug,
			title: campaign.title,
			introduction: campaign.introduction,
			anonymous: campaign.anonymous,
			startsOn: campaign.startsOn,
			endsOn: campaign.endsOn
		},
		questions: availability === 'open' ? (version?.questions ?? []) : [],
		availability,
		token: newSubmissionToken()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params } = event;
		const m = messages(locals.locale);
		const outcome = await submitPublicForm(
			locals.db,
			params.slug,
			await readForm(event),
			event.getClientAddress()
		).catch((e) => {
			if (e instanceof NotFound) error(404, 'not found');
			throw e;
		});
		switch (outcome.kind) {
			case 'stored': {
				const repeated = outcome.repeated ? '&repeated=1' : '';
				redirect(303, `/f/${params.slug}/thanks?r=${outcome.receiptCode}${repeated}`);
				break;
			}
			case 'unavailable':
				return fail(409, { unavailable: true, errors: {}, typed: {}, token: '', formCode: '' });
			case 'rate_limited': {
				event.setHeaders({ 'retry-after': String(outcome.retryAfter) });
				const errors = { _form: m.publicForm.rateLimited(Math.ceil(outcome.retryAfter / 60)) };
				return fail(429, {
					unavailable: false,
					errors,
					typed: outcome.typed,
					token: outcome.token,
					formCode: outcome.formCode
				});
			}
			case 'invalid':
				return fail(400, {
					unavailable: false,
					errors: errorTexts(m, outcome.errors),
					typed: outcome.typed,
					token: outcome.token,
					formCode: outcome.formCode
				});
		}
	}
};
