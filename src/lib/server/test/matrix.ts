// A questionnaire with a matrix question (issue 17) between a rating and a required matrix, for
// the specs of parsing, storage, paper entry, results and exports on both databases.
import { blankQuestion, type Question } from '../../questionnaire/types';
import type { Database } from '../db';
import { openAnonymousCampaign } from './open-campaign';

export const MATRIX_QUESTIONS: Question[] = [
	{
		...blankQuestion('svc', 'matrix'),
		title: '请为供电服务的各方面打分',
		points: 5,
		lowLabel: '很不满意',
		highLabel: '很满意',
		statements: [
			{ id: 'fix', label: '抢修及时' },
			{ id: 'staff', label: '员工态度' },
			{ id: 'bill', label: '电费清楚' }
		]
	},
	{
		...blankQuestion('town', 'matrix'),
		title: '请评价本村的用电情况',
		required: true,
		points: 10,
		statements: [
			{ id: 'volt', label: '电压稳定' },
			{ id: 'cut', label: '停电少' }
		]
	},
	{ ...blankQuestion('idea', 'long_text'), title: '您的建议' }
];

/** Opens the anonymous campaign `slug` with MATRIX_QUESTIONS published on `db`. */
export async function openMatrixCampaign(db: Database, slug: string): Promise<void> {
	await openAnonymousCampaign(db, slug, '矩阵题', MATRIX_QUESTIONS);
}
