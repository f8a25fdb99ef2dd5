// A questionnaire with skip logic (issue 17), for the service and browser specs: a satisfaction
// choice whose "dissatisfied" answers open a reason, a rating whose low points open a follow-up,
// and a question shown to everyone at the end. Without JavaScript it comes in three pages.
import type { Question } from '../../questionnaire/types';
import type { Database } from '../db';
import { openAnonymousCampaign, question } from './open-campaign';

export const SKIP_LOGIC: Question[] = [
	question('sat', 'single', {
		title: '您对供电服务满意吗？',
		required: true,
		options: [
			{ id: 'ok', label: '满意' },
			{ id: 'meh', label: '一般' },
			{ id: 'bad', label: '不满意' }
		]
	}),
	question('why', 'long_text', {
		title: '哪些方面让您不满意？',
		required: true,
		when: { combine: 'any', rules: [{ question: 'sat', op: 'in', value: ['meh', 'bad'] }] }
	}),
	question('repair', 'rating', { title: '抢修速度', required: true }),
	question('slow', 'short_text', {
		title: '抢修慢在哪里？',
		required: true,
		when: { combine: 'all', rules: [{ question: 'repair', op: 'lte', value: 2 }] }
	}),
	question('idea', 'suggestion', { title: '您还有什么建议？' })
];

/** Opens the anonymous campaign `slug` with SKIP_LOGIC published on `db`. */
export async function openSkipLogicCampaign(db: Database, slug: string): Promise<void> {
	await openAnonymousCampaign(db, slug, '跳题问卷', SKIP_LOGIC);
}
