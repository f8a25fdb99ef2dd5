import { eq } from 'drizzle-orm';
import type { Channel } from '../../domain';
import type { Answers, Question } from '../../questionnaire/types';
import { createPrng, shuffleWith } from '../insight/prng';
import { latestVersion } from '../campaigns/queries';
import type { Database } from '../db';
import {
	areas,
	campaigns,
	distributions,
	respondentGroups,
	responses,
	suggestionItems,
	suggestions,
	units
} from '../db/schema';
import { titleFrom } from '../suggestions/items';
import { DEMO_SLUG } from './campaign';
import { DEMO_DEPARTMENTS, DEMO_STATIONS, DEMO_TOWNSHIPS } from './organisation';
import { demoRating } from './satisfaction';
import { DEMO_CONCERNS, type DemoGroup } from './suggestion-corpus';

/** The real case's figures: 1,751 forms issued, 1,640 returned (93.7 %). */
export const DEMO_ISSUED = 1751;
export const DEMO_RETURNED = 1640;

interface PlanRow {
	group: DemoGroup;
	unit: string | null;
	area: string | null;
	channel: Channel;
	issued: number;
	issuedOn: string;
	note: string;
}

/** Forms issued and returned per respondent group; each pair sums to the real totals. */
const GROUP_TOTALS: Record<DemoGroup, { issued: number; returned: number }> = {
	township: { issued: 105, returned: 103 },
	government: { issued: 86, returned: 80 },
	customer: { issued: 1120, returned: 1046 },
	employee: { issued: 310, returned: 298 },
	retiree: { issued: 130, returned: 113 }
};

export function demoPlan(): PlanRow[] {
	const rows: PlanRow[] = [];
	for (const township of [...DEMO_TOWNSHIPS, '浏阳城区']) {
		rows.push({
			group: 'township',
			unit: null,
			area: township,
			channel: 'forum',
			issued: 5,
			issuedOn: '2014-03-20',
			note: '乡镇座谈会'
		});
	}
	rows.push({
		group: 'government',
		unit: '办公室',
		area: null,
		channel: 'letter',
		issued: 86,
		issuedOn: '2014-03-18',
		note: '致政府相关职能部门的征求意见函'
	});
	for (const station of DEMO_STATIONS) {
		const area = station.replace('供电所', '');
		rows.push({
			group: 'customer',
			unit: station,
			area,
			channel: 'paper',
			issued: 70,
			issuedOn: '2014-03-25',
			note: '台区经理上门发放'
		});
		rows.push({
			group: 'customer',
			unit: station,
			area,
			channel: 'suggestion_box',
			issued: 42,
			issuedOn: '2014-03-25',
			note: '营业厅意见箱'
		});
	}
	for (const department of DEMO_DEPARTMENTS) {
		rows.push({
			group: 'employee',
			unit: department,
			area: null,
			channel: 'paper',
			issued: 20,
			issuedOn: '2014-03-19',
			note: ''
		});
	}
	for (const station of DEMO_STATIONS) {
		rows.push({
			group: 'employee',
			unit: station,
			area: null,
			channel: 'paper',
			issued: 15,
			issuedOn: '2014-03-19',
			note: ''
		});
	}
	rows.push({
		group: 'retiree',
		unit: '人力资源部',
		area: null,
		channel: 'forum',
		issued: 70,
		issuedOn: '2014-04-02',
		note: '离退休职工座谈会'
	});
	rows.push({
		group: 'retiree',
		unit: '人力资源部',
		area: null,
		channel: 'visit',
		issued: 60,
		issuedOn: '2014-04-10',
		note: '走访偏远供电所退休职工'
	});
	return rows;
}

/** Splits a group's returns over its rows in proportion to what each issued (largest remainder). */
function allocate(rows: PlanRow[], returned: number): number[] {
	const issued = rows.reduce((s, r) => s + r.issued, 0);
	const exact = rows.map((r) => (r.issued * returned) / issued);
	const counts = exact.map(Math.floor);
	const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
	const missing = returned - counts.reduce((s, c) => s + c, 0);
	for (let k = 0; k < missing; k++) counts[order[k][1]]++;
	return counts;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DAY_MS = 86_400_000;
const START = Date.parse('2014-03-17T00:00:00+08:00');
const DAYS = 154; // 17 March – 17 August

interface Skeleton {
	row: number;
	group: DemoGroup;
	area: string | null;
	answers: Answers;
	submittedAt: Date;
	receiptCode: string;
}

/**
 * The demo campaign's distribution plan (1,751 issued) and its 1,640 returned forms, drawn with a
 * fixed seed so every installation shows the same figures. Every variant of every demo concern is
 * written by at least one respondent of a group that raises it, in its township where it has one.
 */
export async function seedDemoReturns(db: Database): Promise<void> {
	const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, DEMO_SLUG));
	if (!campaign) return;
	const [existing] = await db
		.select({ id: distributions.id })
		.from(distributions)
		.where(eq(distributions.campaignId, campaign.id))
		.limit(1);
	if (existing) return;
	const version = await latestVersion(db, campaign.id);
	if (!version) return;
	const [groupRows, unitRows, areaRows] = await Promise.all([
		db.select().from(respondentGroups),
		db.select().from(units),
		db.select().from(areas)
	]);
	const groupId = new Map(groupRows.map((g) => [g.key, g.id]));
	const unitId = new Map(unitRows.map((u) => [u.name, u.id]));
	const areaId = new Map(areaRows.map((a) => [a.name, a.id]));
	const plan = demoPlan();
	await db.insert(distributions).values(
		plan.map((r) => ({
			campaignId: campaign.id,
			groupId: groupId.get(r.group) ?? null,
			unitId: r.unit ? (unitId.get(r.unit) ?? null) : null,
			areaId: r.area ? (areaId.get(r.area) ?? null) : null,
			channel: r.channel,
			issued: r.issued,
			issuedOn: r.issuedOn,
			note: r.note
		}))
	);

	const random = createPrng(20140817);
	const skeletons = drawSkeletons(plan, random);
	const option = (questionId: string, label: string | null) =>
		version.questions.find((q) => q.id === questionId)?.options.find((o) => o.label === label)?.id;
	for (const s of skeletons) {
		const groupOption = option('group', groupRows.find((g) => g.key === s.group)?.nameZh ?? null);
		if (groupOption) s.answers.group = groupOption;
		const areaOption = option('township', s.area);
		if (areaOption) s.answers.township = areaOption;
		const unitOption = option('unit', plan[s.row].unit);
		if (unitOption) s.answers.unit = unitOption;
	}
	writeSuggestions(skeletons, random);

	const values = skeletons.map((s) => {
		const row = plan[s.row];
		return {
			campaignId: campaign.id,
			versionId: version.id,
			receiptCode: s.receiptCode,
			channel: row.channel,
			groupId: groupId.get(s.group) ?? null,
			unitId: row.unit ? (unitId.get(row.unit) ?? null) : null,
			areaId: s.area ? (areaId.get(s.area) ?? null) : null,
			answers: s.answers,
			submittedAt: s.submittedAt
		};
	});
	for (let i = 0; i < values.length; i += 400) {
		const stored = await db
			.insert(responses)
			.values(values.slice(i, i + 400))
			.returning({
				id: responses.id,
				answers: responses.answers,
				submittedAt: responses.submittedAt
			});
		await createDemoItems(db, campaign.id, version.questions, stored);
	}
}

/** The suggestion items of the demo responses, inserted in two statements per batch. */
async function createDemoItems(
	db: Database,
	campaignId: number,
	questions: Question[],
	stored: { id: number; answers: Answers; submittedAt: Date }[]
) {
	const texts = stored.flatMap((r) =>
		questions
			.filter((q) => q.type === 'suggestion' && typeof r.answers[q.id] === 'string')
			.map((q) => ({ response: r, questionId: q.id, text: r.answers[q.id] as string }))
	);
	if (!texts.length) return;
	const made = await db
		.insert(suggestions)
		.values(
			texts.map((t) => ({
				campaignId,
				title: titleFrom(t.text),
				createdAt: t.response.submittedAt,
				updatedAt: t.response.submittedAt
			}))
		)
		.returning({ id: suggestions.id });
	await db.insert(suggestionItems).values(
		texts.map((t, i) => ({
			campaignId,
			responseId: t.response.id,
			questionId: t.questionId,
			text: t.text,
			sourceText: t.text,
			suggestionId: made[i].id,
			originId: made[i].id,
			createdAt: t.response.submittedAt
		}))
	);
}

function drawSkeletons(plan: PlanRow[], random: () => number): Skeleton[] {
	const out: Skeleton[] = [];
	const codes = new Set<string>();
	const receiptCode = (): string => {
		const code = Array.from({ length: 8 }, () => CROCKFORD[Math.floor(random() * 32)]).join('');
		return codes.has(code) ? receiptCode() : (codes.add(code), code);
	};
	for (const group of Object.keys(GROUP_TOTALS) as DemoGroup[]) {
		const rows = plan.map((r, i) => ({ r, i })).filter(({ r }) => r.group === group);
		const counts = allocate(
			rows.map(({ r }) => r),
			GROUP_TOTALS[group].returned
		);
		rows.forEach(({ r, i }, k) => {
			for (let n = 0; n < counts[k]; n++) {
				// Most forms came back in the first weeks; a tail runs to the end of the campaign.
				const day = Math.min(DAYS - 1, Math.floor(-Math.log(1 - random()) * 24));
				const rating = (question: 'supply' | 'service') =>
					demoRating(random(), group, r.area, question);
				const priorities = shuffleWith(
					['connection', 'outage_notice', 'repair', 'voltage', 'payment', 'manager'],
					random
				).slice(0, 1 + Math.floor(random() * 3));
				out.push({
					row: i,
					group,
					area: r.area,
					answers: { supply: rating('supply'), service: rating('service'), priorities },
					submittedAt: new Date(START + day * DAY_MS + Math.floor((8 + random() * 10) * 3_600_000)),
					receiptCode: receiptCode()
				});
			}
		});
	}
	return out;
}

/** Gives every variant of every concern to a respondent who could have written it. */
function writeSuggestions(skeletons: Skeleton[], random: () => number): void {
	const order = shuffleWith(skeletons, random);
	for (const concern of DEMO_CONCERNS) {
		for (const variant of concern.variants) {
			const fits = (s: Skeleton) =>
				concern.groups.includes(s.group) && s.answers[concern.question] === undefined;
			const local = (s: Skeleton) =>
				concern.township == null || s.area === concern.township || s.area == null;
			const respondent = order.find((s) => fits(s) && local(s)) ?? order.find(fits);
			if (!respondent) continue;
			respondent.answers[concern.question] = variant;
		}
	}
}
