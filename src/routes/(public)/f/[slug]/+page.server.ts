import { error, fail, redirect } from '@sveltejs/kit';
import { errorTexts, messages } from '$lib/i18n';
import { parseAnswers } from '$lib/questionnaire/answers';
import { isDatabaseUnavailable, unavailableCode } from '$lib/server/db/availability';
import { readForm } from '$lib/server/platform/form-actions';
import {
	formCodeOnOpen,
	loadPublicForm,
	newSubmissionToken,
	postedPage,
	submitPublicForm,
	turnFormPage,
	FORM_CODE_FIELD,
	NAV_FIELD,
	TOKEN_FIELD,
	TOKEN_PATTERN,
	type PublicForm
} from '$lib/server/intake/public-form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * The last form this process served per campaign. While the database is briefly out of reach, a
 * refused submission is shown again from it with every answer kept (and the form stays readable).
 */
const lastServed = new Map<string, PublicForm>();

export const load: PageServerLoad = async ({ locals, params, url, getClientAddress }) => {
	// A NUL cannot be in any slug, and PostgreSQL would fail on it rather than find nothing.
	if (params.slug.includes('\0')) error(404, 'not found');
	let databaseDown = false;
	const form = await loadPublicForm(locals.db, params.slug).then(
		(loaded) => {
			lastServed.set(params.slug, loaded);
			return loaded;
		},
		(e) => {
			const kept = lastServed.get(params.slug);
			if (!isDatabaseUnavailable(e)) throw e;
			if (!kept) error(503, 'database unavailable');
			databaseDown = true;
			return kept;
		}
	);
	const { campaign, version, availability } = form;
	// A printed form's QR code brings its code along; a used or unknown one is said, not hidden.
	const codeParam = url.searchParams.get('c');
	const opened =
		codeParam && availability === 'open' && !databaseDown
			? await formCodeOnOpen(locals.db, campaign.id, codeParam, getClientAddress())
			: { formCode: '', notice: null };
	return {
		formCode: opened.formCode,
		formCodeNotice: opened.notice,
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
		token: locals.submissionToken ?? newSubmissionToken()
	};
};

/** Next or Back on a form in pages (a form with conditions, without JavaScript): nothing stored. */
async function turnPage(event: RequestEvent, body: FormData) {
	const { locals, params } = event;
	const outcome = await turnFormPage(locals.db, params.slug, body);
	if (outcome.kind === 'unavailable') {
		return fail(409, {
			unavailable: true,
			page: 0,
			errors: {},
			typed: {},
			token: '',
			formCode: ''
		});
	}
	const { kind: _, errors, ...shown } = outcome;
	const texts = errorTexts(messages(locals.locale), errors);
	const data = { unavailable: false, errors: texts, ...shown };
	return Object.keys(errors).length ? fail(400, data) : data;
}

export const actions: Actions = {
	default: async (event) => {
		const { locals, params } = event;
		const m = messages(locals.locale);
		const body = await readForm(event);
		// A page turn of a form in pages is no submission (scripts/serve.mjs's fast path leaves it here).
		if (body.has(NAV_FIELD)) return turnPage(event, body);
		const outcome = await submitPublicForm(
			locals.db,
			params.slug,
			body,
			event.getClientAddress()
		).catch((e) => {
			if (!isDatabaseUnavailable(e)) throw e;
			console.error(`database unavailable on a public submission (${unavailableCode(e)})`);
			return { kind: 'database_down' as const };
		});
		switch (outcome.kind) {
			case 'database_down': {
				// Nothing may have been stored, or it was and the answer got lost: either way the same
				// token goes back into the form, so sending it again stores it once or finds its receipt.
				const questions = lastServed.get(params.slug)?.version?.questions ?? [];
				const token = body.get(TOKEN_FIELD);
				event.setHeaders({ 'retry-after': '30' });
				return fail(503, {
					unavailable: false,
					page: postedPage(questions, body),
					errors: { _form: m.publicForm.databaseDown },
					typed: parseAnswers(questions, body).typed,
					token: typeof token === 'string' && TOKEN_PATTERN.test(token) ? token : '',
					formCode: String(body.get(FORM_CODE_FIELD) ?? '')
						.trim()
						.slice(0, 40)
				});
			}
			case 'stored': {
				const repeated = outcome.repeated ? '&repeated=1' : '';
				redirect(303, `/f/${params.slug}/thanks?r=${outcome.receiptCode}${repeated}`);
				break;
			}
			case 'unavailable':
				return fail(409, {
					unavailable: true,
					page: 0,
					errors: {},
					typed: {},
					token: '',
					formCode: ''
				});
			case 'rate_limited': {
				event.setHeaders({ 'retry-after': String(outcome.retryAfter) });
				const errors = { _form: m.publicForm.rateLimited(Math.ceil(outcome.retryAfter / 60)) };
				return fail(429, {
					unavailable: false,
					page: outcome.page,
					errors,
					typed: outcome.typed,
					token: outcome.token,
					formCode: outcome.formCode
				});
			}
			case 'invalid':
				return fail(400, {
					unavailable: false,
					page: outcome.page,
					errors: errorTexts(m, outcome.errors),
					typed: outcome.typed,
					token: outcome.token,
					formCode: outcome.formCode
				});
		}
	}
};
