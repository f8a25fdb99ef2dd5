import { parseAnswers } from '../../questionnaire/answers';
import { getCampaign, latestVersion } from '../campaigns/queries';
import type { Database } from '../db';
import type { NewResponse } from '../intake/record-response';

/**
 * For tests of storing answers: a maker of complete online answers to the demo campaign
 * (liuyang-2014, which must be seeded), each with its token and suggestion text.
 */
export async function demoResponses(db: Database) {
	const campaign = await getCampaign(db, 'liuyang-2014');
	const version = (await latestVersion(db, campaign.id))!;
	return (token: string, text: string): NewResponse => {
		const form = new FormData();
		for (const [k, v] of [
			['q_group', 'g3'],
			['q_township', 'a2'],
			['q_supply', '4'],
			['q_service', '3'],
			['q_improve', text]
		]) {
			form.append(k, v);
		}
		return {
			campaignId: campaign.id,
			versionId: version.id,
			questions: version.questions,
			anonymous: campaign.anonymous,
			submissionToken: token,
			parsed: parseAnswers(version.questions, form),
			channel: 'online'
		};
	};
}
