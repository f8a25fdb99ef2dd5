import { fail } from '@sveltejs/kit';
import { errorText, messages } from '$lib/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign, latestVersion } from '$lib/server/campaigns/queries';
import {
	organisationOptions,
	publishQuestionnaire,
	saveDraft
} from '$lib/server/campaigns/questionnaire';

import { failOnServiceError, readForm } from '$lib/server/platform/form-actions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const campaign = await getCampaign(event.locals.db, event.params.slug);
	const [latest, options] = await Promise.all([
		latestVersion(event.locals.db, campaign.id),
		organisationOptions(event.locals.db)
	]);
	return { draft: campaign.draftQuestions, latestVersion: latest?.version ?? 0, options };
};

/** Saves the posted draft; on problems answers 400 with each one placed at its question. */
async function save(event: RequestEvent, publish: boolean) {
	const actor = requireRole(event, 'organiser');
	const m = messages(event.locals.locale);
	let questions: unknown;
	try {
		questions = JSON.parse(String((await readForm(event)).get('questions') ?? ''));
	} catch {
		return fail(400, { problems: [{ index: -1, field: '', message: m.errors.invalid }] });
	}
	return failOnServiceError(
		event,
		async () => {
			const { problems } = await saveDraft(event.locals.db, actor.id, event.params.slug, questions);
			if (problems.length) {
				const translated = problems.map((p) => ({ ...p, message: errorText(m, p.message) }));
				return fail(400, { problems: translated });
			}
			if (!publish) return { saved: true, published: 0 };
			const version = await publishQuestionnaire(event.locals.db, actor.id, event.params.slug);
			return { saved: true, published: version.version };
		},
		(e) => ({ problems: [{ index: -1, field: '', message: errorText(m, e.message) }] })
	);
}

export const actions: Actions = {
	save: (event) => save(event, false),
	publish: (event) => save(event, true)
};
