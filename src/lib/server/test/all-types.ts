// A questionnaire with every kind of item of issue 17 — recommendation, a 7-point scale, number,
// date, single and multiple choice with "other, please specify", matrix, ranking, an area, text,
// a suggestion — and two conditions (a question shown for a recommendation of 9 or more, a
// section shown to those who heard by SMS), for the end-to-end story that fills it with
// JavaScript off and on (tests/e2e/all-types.spec.ts, seeded by tests/e2e/setup-db.ts).
import type { Question } from '../../questionnaire/types';
import type { Database } from '../db';
import { openAnonymousCampaign, question } from './open-campaign';

export const ALL_TYPES: Question[] = [
	question('rec', 'nps', {
		title: '您会向亲友推荐我们吗？',
		required: true,
		lowLabel: '不会',
		highLabel: '一定会'
	}),
	question('s7', 'rating', { title: '电压稳定吗？', points: 7 }),
	question('hours', 'number', { title: '上月停电大约几小时？', min: 0, max: 720 }),
	question('day', 'date', { title: '最近一次停电的日期' }),
	question('how', 'single', {
		title: '您从哪里得知停电通知？',
		options: [
			{ id: 'sms', label: '短信' },
			{ id: 'tv', label: '电视' },
			{ id: 'oth', label: '其他渠道（请注明）', other: true }
		]
	}),
	question('pay', 'multiple', {
		title: '您用哪些方式缴费？',
		options: [
			{ id: 'bank', label: '银行代扣' },
			{ id: 'app', label: '手机缴费' },
			{ id: 'else', label: '别的方式（请注明）', other: true }
		]
	}),
	question('svc', 'matrix', {
		title: '请为各方面打分',
		points: 5,
		lowLabel: '很差',
		highLabel: '很好',
		statements: [
			{ id: 'fix', label: '抢修及时' },
			{ id: 'staff', label: '员工态度' }
		]
	}),
	question('rk', 'ranking', {
		title: '哪些最该改进？',
		maxPicks: 2,
		options: [
			{ id: 'speed', label: '抢修速度' },
			{ id: 'price', label: '电价' },
			{ id: 'hall', label: '营业厅' }
		]
	}),
	question('town', 'area', { title: '您所在的区域' }),
	question('fan', 'long_text', {
		title: '您为什么愿意推荐我们？',
		when: { combine: 'all', rules: [{ question: 'rec', op: 'gte', value: 9 }] }
	}),
	question('sec', 'section', {
		title: '短信通知',
		help: '以下两题只请收到短信的人回答。',
		when: { combine: 'all', rules: [{ question: 'how', op: 'eq', value: 'sms' }] }
	}),
	question('late', 'short_text', { title: '短信提前多久收到？' }),
	question('idea', 'suggestion', { title: '您对我们还有什么建议？' })
];

/** Opens the anonymous campaign `slug` with ALL_TYPES published on `db`. */
export async function openAllTypesCampaign(db: Database, slug: string): Promise<void> {
	await openAnonymousCampaign(db, slug, '所有题型与显示条件', ALL_TYPES);
}
