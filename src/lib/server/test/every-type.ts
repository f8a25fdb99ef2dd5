// A questionnaire with every question type of issue 17's first slice — recommendation, rating
// scales of 3, 7 and 10 points beside the old 1–5 one, number, date, and "other, please specify"
// on single and multiple choice — for the specs of parsing, storage, paper entry and results.
import type { Question } from '../../questionnaire/types';
import type { Database } from '../db';
import { openAnonymousCampaign, question } from './open-campaign';

export const EVERY_TYPE: Question[] = [
	question('rec', 'nps', {
		title: '您会向亲友推荐我们的供电服务吗？',
		required: true,
		lowLabel: '不会',
		highLabel: '一定会'
	}),
	question('s3', 'rating', { title: '抢修速度', points: 3, lowLabel: '慢', highLabel: '快' }),
	question('s5', 'rating', { title: '营业厅服务', lowLabel: '很不满意', highLabel: '很满意' }),
	question('s7', 'rating', { title: '电压稳定', points: 7 }),
	question('s10', 'rating', { title: '总体评价', points: 10 }),
	question('hours', 'number', { title: '上月停电大约几小时？', min: 0, max: 720 }),
	question('bill', 'number', { title: '上月电费（元）', min: 0, decimal: true }),
	question('day', 'date', { title: '最近一次停电的日期' }),
	question('how', 'single', {
		title: '您从哪里得知停电通知？',
		options: [
			{ id: 'sms', label: '短信' },
			{ id: 'tv', label: '电视' },
			{ id: 'oth', label: '其他（请注明）', other: true }
		]
	}),
	question('pay', 'multiple', {
		title: '您用哪些方式缴费？',
		options: [
			{ id: 'bank', label: '银行代扣' },
			{ id: 'app', label: '手机' },
			{ id: 'else', label: '其他（请注明）', other: true }
		]
	})
];

/** Opens the anonymous campaign `slug` with EVERY_TYPE published on `db`. */
export async function openEveryTypeCampaign(db: Database, slug: string): Promise<void> {
	await openAnonymousCampaign(db, slug, '所有题型', EVERY_TYPE);
}
