import { error, fail, redirect } from '@sveltejs/kit';
import { errorTexts, messages } from '$lib/i18n';
import { NotFound } from '$lib/server/errors';
import { readForm } from '$lib/server/forms';
import { loadPublicForm, newSubmissionToken, submitPublicForm } from '$lib/server/public-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const form = await loadPublicForm(locals.db, params.slug).catch((e) => {
		if (e instanceof NotFound) error(404, 'not found');
		throw e;
	});
	const { campaign, version, availability } = form;
	return {
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
				return fail(409, { unavailable: true, errors: {}, typed: {}, token: '' });
			case 'rate_limited': {
				event.setHeaders({ 'retry-after': String(outcome.retryAfter) });
				const errors = { _form: m.publicForm.rateLimited(Math.ceil(outcome.retryAfter / 60)) };
				return fail(429, {
					unavailable: false,
					errors,
					typed: outcome.typed,
					token: outcome.token
				});
			}
			case 'invalid':
				return fail(400, {
					unavailable: false,
					errors: errorTexts(m, outcome.errors),
					typed: outcome.typed,
					token: outcome.token
				});
		}
	}
};
