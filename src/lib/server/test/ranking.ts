// A questionnaire with a ranking question (issue 17), for the service specs: who answers (a
// single choice to break the results down by), "rank the three that matter most" of four, and a
// rating after it.
import type { Question } from '../../questionnaire/types';
import type { Database } from '../db';
import { openAnonymousCampaign, question } from './open-campaign';

export const RANKING: Question[] = [
	question('who', 'single', {
		title: '您是？',
		options: [
			{ id: 'home', label: '居民' },
			{ id: 'firm', label: '企业' }
		]
	}),
	question('rk', 'ranking', {
		title: '请选出您最看重的三项并排序',
		required: true,
		maxPicks: 3,
		options: [
			{ id: 'price', label: '电价' },
			{ id: 'speed', label: '抢修速度' },
			{ id: 'staff', label: '服务态度' },
			{ id: 'power', label: '供电质量' }
		]
	}),
	question('s5', 'rating', { title: '总体评价' })
];

/** Opens the anonymous campaign `slug` with RANKING published on `db`. */
export async function openRankingCampaign(db: Database, slug: string): Promise<void> {
	await openAnonymousCampaign(db, slug, '排序题', RANKING);
}
