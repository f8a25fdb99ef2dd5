// The specs' campaigns: an anonymous campaign with its questionnaire published and open.
import { blankQuestion, type Question } from '../../questionnaire/types';
import { createCampaign, setCampaignStatus } from '../campaigns/campaigns';
import { publishQuestionnaire, saveDraft } from '../campaigns/questionnaire';
import type { Database } from '../db';

/** A question of `type` with the fields given, the rest blank. */
export const question = (
	id: string,
	type: Question['type'],
	extra: Partial<Question>
): Question => ({
	...blankQuestion(id, type),
	...extra
});

/** Opens the anonymous campaign `slug` titled `title`, with `questions` published on `db`. */
export async function openAnonymousCampaign(
	db: Database,
	slug: string,
	title: string,
	questions: Question[]
): Promise<void> {
	await createCampaign(db, null, {
		title,
		slug,
		introduction: '',
		startsOn: null,
		endsOn: null,
		anonymous: true
	});
	const { problems } = await saveDraft(db, null, slug, questions);
	if (problems.length) throw new Error(JSON.stringify(problems));
	await publishQuestionnaire(db, null, slug);
	await setCampaignStatus(db, null, slug, 'open');
}
