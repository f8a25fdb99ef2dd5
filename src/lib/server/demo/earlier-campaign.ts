// The demo's earlier campaign (issue 16 point 2): 2013's opinion solicitation, closed, with fewer
// forms and somewhat lower satisfaction, from which liuyang-2014 is marked as copied, so its
// results page shows a comparison. Only structured answers: 2013's written opinions were sorted on
// paper and never typed in, so the demo's suggestion figures (182, all of 2014) stay as they are.
import { demoRating } from './satisfaction';
import { eq } from 'drizzle-orm';
import type { Channel } from '../../domain';
import type { Question } from '../../questionnaire/types';
import { campaignsChanged } from '../campaigns/public-copy';
import { DEMO_QUESTIONS } from './campaign';
import { publishQuestionnaire, saveDraft } from '../campaigns/questionnaire';
import type { Database } from '../db';
import { areas, campaigns, distributions, respondentGroups, responses, units } from '../db/schema';
import { createPrng, shuffleWith } from '../insight/prng';
import { DEMO_DEPARTMENTS, DEMO_STATIONS, DEMO_STREETS, DEMO_TOWNSHIPS } from './organisation';
import type { DemoGroup } from './suggestion-corpus';

export const DEMO_EARLIER_SLUG = 'liuyang-2013';

/** 2014's question `id` as 2013 asked it: the same words, not yet marked for the index. */
function as2013(id: string): Question {
	const { satisfaction: _marked, ...question } = DEMO_QUESTIONS.find((q) => q.id === id)!;
	return question;
}
const priorities = as2013('priorities');

/**
 * 2013's questionnaire: the same ids as 2014's where the question is the same (so they compare),
 * one question 2014 dropped (aware), priorities without 2014's 台区经理 option, and its own
 * opinion question instead of 2014's two suggestion questions.
 */
export const DEMO_EARLIER_QUESTIONS: Question[] = [
	as2013('group'),
	as2013('township'),
	as2013('supply'),
	as2013('service'),
	{
		...priorities,
		id: 'aware',
		type: 'single',
		title: '您是否知道95598供电服务热线？',
		maxPicks: 0,
		options: [
			{ id: 'yes', label: '知道' },
			{ id: 'no', label: '不知道' }
		]
	},
	{ ...priorities, options: priorities.options.filter((o) => o.id !== 'manager') },
	{ ...as2013('improve'), id: 'opinions', title: '您对供电公司有什么意见和建议？', help: '' }
];

interface PlanRow {
	group: DemoGroup;
	unit: string | null;
	area: string | null;
	channel: Channel;
	issued: number;
	/** Share of the row's forms that came back. */
	rate: number;
	note: string;
}

const row = (
	group: DemoGroup,
	unit: string | null,
	area: string | null,
	channel: Channel,
	issued: number,
	rate: number,
	note = ''
): PlanRow => ({ group, unit, area, channel, issued, rate, note });

/** 2013's distribution plan: the same groups as 2014, about a third of the forms, no visits. */
export function earlierPlan(): PlanRow[] {
	const rows: PlanRow[] = [];
	for (const area of [...DEMO_TOWNSHIPS, ...DEMO_STREETS]) {
		rows.push(row('township', null, area, 'forum', 2, 0.95, '乡镇座谈会'));
	}
	rows.push(row('government', '办公室', null, 'letter', 40, 0.88));
	for (const station of DEMO_STATIONS) {
		const area = station.replace('供电所', '');
		rows.push(row('customer', station, area, 'paper', 30, 0.86));
		rows.push(row('customer', station, area, 'suggestion_box', 10, 0.8));
		rows.push(row('employee', station, null, 'paper', 6, 0.92));
	}
	for (const department of DEMO_DEPARTMENTS) {
		rows.push(row('employee', department, null, 'paper', 8, 0.93));
	}
	rows.push(row('retiree', '人力资源部', null, 'forum', 50, 0.85, '离退休职工座谈会'));
	return rows;
}

/** Forms returned on a plan row. */
export const returnedOn = (row: PlanRow) => Math.round(row.issued * row.rate);

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const START = Date.parse('2013-03-18T00:00:00+08:00');
const DAYS = 152; // 18 March – 16 August 2013

/**
 * Seeds liuyang-2013 (questionnaire, plan, responses) unless it exists. Returns its id when it
 * was created by this call, so the caller can mark liuyang-2014 as copied from it; else null.
 */
export async function seedEarlierCampaign(
	db: Database,
	adminId: number | null
): Promise<number | null> {
	const [existing] = await db
		.select({ id: campaigns.id })
		.from(campaigns)
		.where(eq(campaigns.slug, DEMO_EARLIER_SLUG));
	if (existing) {
		return null;
	}
	const [campaign] = await db
		.insert(campaigns)
		.values({
			slug: DEMO_EARLIER_SLUG,
			title: '浏阳市供电公司2013年供电服务意见征求表',
			introduction:
				'2013年3月18日至8月16日，浏阳市供电公司面向乡镇、政府部门、电力客户、职工和离退休职工征求意见。（演示数据：当年的书面意见在纸面上梳理，未录入本系统。）',
			startsOn: '2013-03-18',
			endsOn: '2013-08-16',
			anonymous: true,
			status: 'draft',
			createdBy: adminId
		})
		.returning();
	const { problems } = await saveDraft(db, adminId, DEMO_EARLIER_SLUG, DEMO_EARLIER_QUESTIONS);
	if (problems.length) {
		throw new Error(`earlier demo questionnaire is invalid: ${JSON.stringify(problems)}`);
	}
	const version = await publishQuestionnaire(db, adminId, DEMO_EARLIER_SLUG);
	await seedEarlierResponses(db, campaign.id, version.id, version.questions);
	await db.update(campaigns).set({ status: 'closed' }).where(eq(campaigns.id, campaign.id));
	campaignsChanged(db);
	return campaign.id;
}

async function seedEarlierResponses(
	db: Database,
	campaignId: number,
	versionId: number,
	questions: Question[]
) {
	const [groupRows, unitRows, areaRows] = await Promise.all([
		db.select().from(respondentGroups),
		db.select().from(units),
		db.select().from(areas)
	]);
	const groupOf = new Map(groupRows.map((g) => [g.key, g]));
	const unitId = new Map(unitRows.map((u) => [u.name, u.id]));
	const areaId = new Map(areaRows.map((a) => [a.name, a.id]));
	const option = (questionId: string, label: string | undefined) =>
		questions.find((q) => q.id === questionId)?.options.find((o) => o.label === label)?.id;
	const plan = earlierPlan();
	await db.insert(distributions).values(
		plan.map((r) => ({
			campaignId,
			groupId: groupOf.get(r.group)?.id ?? null,
			unitId: r.unit ? (unitId.get(r.unit) ?? null) : null,
			areaId: r.area ? (areaId.get(r.area) ?? null) : null,
			channel: r.channel,
			issued: r.issued,
			issuedOn: '2013-03-20',
			note: r.note
		}))
	);
	const random = createPrng(20130816);
	const codes = new Set<string>();
	const receiptCode = (): string => {
		const code = Array.from({ length: 8 }, () => CROCKFORD[Math.floor(random() * 32)]).join('');
		return codes.has(code) ? receiptCode() : (codes.add(code), code);
	};
	// A year before, satisfaction was lower everywhere (the same township and group pattern as
	// 2014's, half a point down), so every rating compares upward.
	const score = (row: PlanRow, question: 'supply' | 'service') =>
		demoRating(random(), row.group, row.area ?? null, question, -0.5);
	const values = plan.flatMap((row) =>
		Array.from({ length: returnedOn(row) }, () => {
			const answers: Record<string, string | number | string[]> = {
				supply: score(row, 'supply'),
				service: score(row, 'service'),
				aware: random() < 0.55 ? 'yes' : 'no',
				priorities: shuffleWith(
					['connection', 'outage_notice', 'repair', 'voltage', 'payment'],
					random
				).slice(0, 1 + Math.floor(random() * 3))
			};
			const group = option('group', groupOf.get(row.group)?.nameZh);
			if (group) {
				answers.group = group;
			}
			const area = option('township', row.area ?? undefined);
			if (area) {
				answers.township = area;
			}
			const day = Math.min(DAYS - 1, Math.floor(-Math.log(1 - random()) * 20));
			return {
				campaignId,
				versionId,
				receiptCode: receiptCode(),
				channel: row.channel,
				groupId: groupOf.get(row.group)?.id ?? null,
				unitId: row.unit ? (unitId.get(row.unit) ?? null) : null,
				areaId: row.area ? (areaId.get(row.area) ?? null) : null,
				answers,
				submittedAt: new Date(
					START + day * 86_400_000 + Math.floor((8 + random() * 10) * 3_600_000)
				)
			};
		})
	);
	for (let i = 0; i < values.length; i += 400) {
		await db.insert(responses).values(values.slice(i, i + 400));
	}
}
