import { eq } from 'drizzle-orm';
import type { Question } from '../../questionnaire/types';
import { campaignsChanged } from '../campaigns/public-copy';
import { publishQuestionnaire, saveDraft } from '../campaigns/questionnaire';
import type { Database } from '../db';
import { campaigns } from '../db/schema';

export const DEMO_SLUG = 'liuyang-2014';

const INTRODUCTION = `为深入开展党的群众路线教育实践活动，把服务做到老百姓心坎上，浏阳市供电公司面向乡镇办事处、政府相关职能部门、电力客户、职工群众和离退休职工广泛征求意见和建议（原活动时间：2014年3月17日至2014年8月17日）。

请您根据实际情况填写。您提出的每一条意见，我们都会梳理、交办、整改并答复。`;

const base = { help: '', required: false, options: [], maxPicks: 0, lowLabel: '', highLabel: '' };

export const DEMO_QUESTIONS: Question[] = [
	{ ...base, id: 'group', type: 'group', title: '您的身份', required: true },
	{ ...base, id: 'township', type: 'area', title: '您所在的乡镇（街道）' },
	// The two ratings make the satisfaction index of the results page (per township and unit).
	{
		...base,
		id: 'supply',
		type: 'rating',
		title: '您对供电质量的满意程度',
		required: true,
		lowLabel: '很不满意',
		highLabel: '非常满意',
		satisfaction: true
	},
	{
		...base,
		id: 'service',
		type: 'rating',
		title: '您对供电服务的满意程度',
		required: true,
		lowLabel: '很不满意',
		highLabel: '非常满意',
		satisfaction: true
	},
	{
		...base,
		id: 'improve',
		type: 'suggestion',
		title: '你认为公司管理的哪些方面还有待改进?',
		help: '请尽量写具体：什么地方、什么事情、希望怎么改。'
	},
	{
		...base,
		id: 'difficulty',
		type: 'suggestion',
		title: '你认为在日常工作中存在的最大困难是什么?'
	},
	{
		...base,
		id: 'priorities',
		type: 'multiple',
		title: '您最看重哪些服务？',
		maxPicks: 3,
		options: [
			{ id: 'connection', label: '业扩报装' },
			{ id: 'outage_notice', label: '停电信息' },
			{ id: 'repair', label: '抢修速度' },
			{ id: 'voltage', label: '电压质量' },
			{ id: 'payment', label: '缴费便利' },
			{ id: 'manager', label: '台区经理服务' }
		]
	},
	// Last but the contact, so a clerk's keyboard entry of the earlier questions is unchanged.
	// Lets each department and supply station read its own results (a handler's view).
	{
		...base,
		id: 'unit',
		type: 'unit',
		title: '您所在的单位或为您服务的供电所',
		help: '电力客户请选为您服务的供电所；职工请选本人所在的部室或供电所。'
	},
	{
		...base,
		id: 'contact',
		type: 'contact',
		title: '联系方式（选填）',
		help: '留下联系方式，我们会把办理结果告诉您。'
	}
];

/** The demo campaign of DESIGN.md's real case, open with no end date so it accepts answers. */
export async function seedDemoCampaign(db: Database, adminId: number | null): Promise<void> {
	const [existing] = await db
		.select({ id: campaigns.id })
		.from(campaigns)
		.where(eq(campaigns.slug, DEMO_SLUG));
	if (existing) return;
	await db.insert(campaigns).values({
		slug: DEMO_SLUG,
		title: '浏阳市供电公司党的群众路线教育实践活动征求意见表',
		introduction: INTRODUCTION,
		startsOn: '2014-03-17',
		endsOn: null,
		anonymous: false,
		status: 'draft',
		createdBy: adminId
	});
	const { problems } = await saveDraft(db, adminId, DEMO_SLUG, DEMO_QUESTIONS);
	if (problems.length) {
		throw new Error(`demo questionnaire is invalid: ${JSON.stringify(problems)}`);
	}
	await publishQuestionnaire(db, adminId, DEMO_SLUG);
	await db.update(campaigns).set({ status: 'open' }).where(eq(campaigns.slug, DEMO_SLUG));
	campaignsChanged(db);
}
