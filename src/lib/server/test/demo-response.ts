import { parseAnswers } from '../../questionnaire/answers';
import { getCampaign, latestVersion } from '../campaigns/queries';
import type { Database } from '../db';
import type { NewResponse } from '../intake/record-response';
import { submitPublicForm } from '../intake/public-form';
import { findReceipt } from '../intake/receipt-lookup';
import { suggestionsOfResponse } from '../suggestions/reports';

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

/**
 * For tests of what becomes of an answer: a respondent who sends the demo form through the public
 * path (`submitPublicForm`) with `text` as its suggestion answer, and gives back the stored
 * response and the suggestion made of that answer. Each call uses the next submission token of
 * this respondent (`letter` repeated, one of 25 endings) and client address (`network` + n), so
 * specs sharing a database keep apart.
 */
export function demoRespondent(letter: string, network: string) {
	let sent = 0;
	return async (db: Database, text: string) => {
		const campaign = await getCampaign(db, 'liuyang-2014');
		const version = await latestVersion(db, campaign.id);
		const form = new FormData();
		// A submission token is 32 base-32 characters, one per response here.
		form.set('submission_token', letter.repeat(31) + 'abcdefghijklmnopqrstuvxyz'[++sent]);
		form.set('q_group', version!.questions.find((q) => q.type === 'group')!.options[2].id);
		form.set('q_supply', '2');
		form.set('q_service', '3');
		form.set('q_improve', text);
		const outcome = await submitPublicForm(db, campaign.slug, form, `${network}${sent}`);
		if (outcome.kind !== 'stored') throw new Error(outcome.kind);
		const { responseId } = (await findReceipt(db, outcome.receiptCode))!;
		const [mine] = await suggestionsOfResponse(db, responseId);
		return { responseId, id: mine.id };
	};
}
