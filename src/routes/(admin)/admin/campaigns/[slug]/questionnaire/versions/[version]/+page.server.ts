import { fail, redirect } from '@sveltejs/kit';
import { eq, count } from 'drizzle-orm';
import { errorText, messages } from '$lib/i18n';
import { CAMPAIGN_READERS, ORGANISERS, hasRole } from '$lib/roles';
import { compareQuestionnaires } from '$lib/questionnaire/compare';
import { requireRole } from '$lib/server/auth/guard';
import { draftFromVersion, getVersion } from '$lib/server/campaigns/questionnaire';
import { getCampaign } from '$lib/server/campaigns/queries';
import { responses, users } from '$lib/server/db/schema';
import { failOnServiceError, readForm } from '$lib/server/platform/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...CAMPAIGN_READERS);
	const db = event.locals.readDb;
	const campaign = await getCampaign(db, event.params.slug);
	const version = await getVersion(db, campaign.id, Number(event.params.version));
	const [[publisher], [given]] = await Promise.all([
		version.publishedBy
			? db
					.select({ name: users.displayName, username: users.username })
					.from(users)
					.where(eq(users.id, version.publishedBy))
			: Promise.resolve([]),
		db.select({ n: count() }).from(responses).where(eq(responses.versionId, version.id))
	]);
	return {
		version: {
			version: version.version,
			questions: version.questions,
			publishedAt: version.publishedAt,
			publishedBy: publisher ? publisher.name || publisher.username : null
		},
		responses: given.n,
		comparison: compareQuestionnaires(version.questions, campaign.draftQuestions),
		canRestore: hasRole(user.role, ORGANISERS) && campaign.status !== 'archived'
	};
};

export const actions: Actions = {
	restore: async (event) => {
		const actor = requireRole(event, 'organiser');
		const version = Number(event.params.version);
		// The form says which version it replaces the draft with: a bare POST replaces nothing.
		if ((await readForm(event)).get('confirm') !== String(version)) {
			return fail(400, { error: messages(event.locals.locale).errors.invalid });
		}
		const result = await failOnServiceError(
			event,
			async () => {
				await draftFromVersion(event.locals.db, actor.id, event.params.slug, version);
				return null;
			},
			(e, m) => ({ error: errorText(m, e.message) })
		);
		if (result) return result;
		redirect(303, `/admin/campaigns/${event.params.slug}/questionnaire?restored=${version}`);
	}
};
