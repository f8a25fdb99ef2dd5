// Compare campaigns (issue 16 point 2) on both databases: a small earlier campaign and its copy,
// every figure and change worked out by hand below.
import type { RequestEvent } from '@sveltejs/kit';
import { expect, it } from 'vitest';
import { GET } from '../../../routes/api/v1/campaigns/[slug]/results/+server';
import type { Channel } from '../../domain';
import { blankQuestion, type Answers, type Question } from '../../questionnaire/types';
import type { CampaignComparison, QuestionComparison } from '../../results/comparison';
import type { CampaignResults } from '../../results/types';
import { createApiToken } from '../auth/api-tokens';
import { createCampaign, setCampaignStatus } from '../campaigns/campaigns';
import { copyCampaign } from '../campaigns/copy';
import { getCampaign } from '../campaigns/queries';
import { publishQuestionnaire, saveDraft } from '../campaigns/questionnaire';
import type { Database } from '../db';
import { responses } from '../db/schema';
import { seedDemo } from '../demo/seed';
import { DEMO_EARLIER_SLUG, earlierPlan, returnedOn } from '../demo/earlier-campaign';
import { generateReceiptCode } from '../intake/receipt-code';
import { Invalid } from '../platform/errors';
import { campaignStats } from '../returns/return-rate';
import { describeEachDatabase } from '../test/databases';
import { compareWith, comparisonCampaign, earlierResults } from './compare';
import { campaignResults, parseResultsQuery } from './results';

const settings = (slug: string) => ({
	title: `活动 ${slug}`,
	slug,
	introduction: '',
	startsOn: null,
	endsOn: null,
	anonymous: true
});

const choice = (id: string, type: 'single' | 'multiple', optionIds: string[]): Question => ({
	...blankQuestion(id, type),
	title: `题 ${id}`,
	options: optionIds.map((o) => ({ id: o, label: `项 ${o}` }))
});

const EARLIER: Question[] = [
	{ ...blankQuestion('sat', 'rating'), title: '满意度' },
	choice('pick', 'single', ['a', 'b', 'c']),
	choice('many', 'multiple', ['x', 'y']),
	{ ...blankQuestion('kind', 'rating'), title: '题型不同' },
	{ ...blankQuestion('old', 'short_text'), title: '只在往期' }
];

async function answer(db: Database, slug: string, rows: [Channel, Answers][]) {
	const campaign = await getCampaign(db, slug);
	const version = await publishQuestionnaire(db, null, slug);
	await db.insert(responses).values(
		rows.map(([channel, answers]) => ({
			campaignId: campaign.id,
			versionId: version.id,
			receiptCode: generateReceiptCode(),
			channel,
			answers
		}))
	);
}

const byId = (c: CampaignComparison, id: string): QuestionComparison => {
	const q = c.questions.find((q) => q.id === id);
	if (!q) {
		throw new Error(`no comparison for ${id}`);
	}
	return q;
};

describeEachDatabase('compare campaigns', (current) => {
	const compare = async (slug: string, query: string) => {
		const { db } = current();
		const campaign = await getCampaign(db, slug);
		const params = new URLSearchParams(query);
		const parsed = await parseResultsQuery(db, campaign.id, params);
		const earlier = await earlierResults(db, campaign, parsed, params);
		const results = await campaignResults(db, campaign.id, parsed);
		return earlier && compareWith(campaign, results, earlier);
	};

	it('sets up 2013 (four forms) and its copy 2014 (five forms)', async () => {
		const { db } = current();
		await createCampaign(db, null, settings('cmp-2013'));
		await saveDraft(db, null, 'cmp-2013', EARLIER);
		await answer(db, 'cmp-2013', [
			['paper', { sat: 5, pick: 'a', many: ['x'], kind: 4, old: '旧' }],
			['paper', { sat: 4, pick: 'b', many: ['x', 'y'] }],
			['online', { sat: 2, pick: 'a' }],
			['online', { sat: 3, pick: 'b', many: ['y'] }]
		]);
		await setCampaignStatus(db, null, 'cmp-2013', 'open');
		await setCampaignStatus(db, null, 'cmp-2013', 'closed');

		const copy = await copyCampaign(db, null, 'cmp-2013', settings('cmp-2014'));
		// The copy drops 'old', asks 'kind' as a choice now, adds option z and a new question.
		const questions = copy.draftQuestions
			.filter((q) => q.id !== 'old')
			.map((q) =>
				q.id === 'kind'
					? choice('kind', 'single', ['p', 'q'])
					: q.id === 'many'
						? choice('many', 'multiple', ['x', 'y', 'z'])
						: q
			);
		expect(
			(await saveDraft(db, null, 'cmp-2014', [...questions, choice('new', 'single', ['m', 'n'])]))
				.problems
		).toEqual([]);
		await answer(db, 'cmp-2014', [
			['paper', { sat: 5, pick: 'a', many: ['x'] }],
			['paper', { sat: 5, pick: 'c', many: ['x', 'y'] }],
			['online', { sat: 4, pick: 'a', many: ['z'] }],
			['online', { sat: 3, pick: 'a' }],
			['paper', { sat: 4 }]
		]);
		await setCampaignStatus(db, null, 'cmp-2014', 'open');
		expect((await getCampaign(db, 'cmp-2014')).copiedFrom).toBe(
			(await getCampaign(db, 'cmp-2013')).id
		);
	});

	it('compares with the campaign it was copied from: means, top-2 and option shares with their changes', async () => {
		const c = await compare('cmp-2014', '');
		expect(c).not.toBeNull();
		expect(c!.campaign.slug).toBe('cmp-2013');
		expect(c!.copiedFrom).toBe(true);
		expect(c!.n).toBe(4);
		expect(c!.notApplied).toEqual([]);

		// 2014: 5, 5, 4, 3, 4 → mean 21/5 = 4.2, top-2 4/5; 2013: 5, 4, 2, 3 → 3.5, 2/4.
		const sat = byId(c!, 'sat');
		expect(sat.status).toBe('matched');
		expect(sat.answered).toBe(5);
		expect(sat.earlierAnswered).toBe(4);
		expect(sat.rating!.mean).toBeCloseTo(4.2, 10);
		expect(sat.rating!.earlierMean).toBeCloseTo(3.5, 10);
		expect(sat.rating!.meanDelta).toBeCloseTo(0.7, 10);
		expect(sat.rating!.meanDirection).toBe('up');
		expect(sat.rating!.top2).toBeCloseTo(0.8, 10);
		expect(sat.rating!.earlierTop2).toBeCloseTo(0.5, 10);
		expect(sat.rating!.top2DeltaPoints).toBeCloseTo(30, 10);
		expect(sat.rating!.top2Direction).toBe('up');

		// pick, 2014: a 3/4, b 0, c 1/4; 2013: a 2/4, b 2/4, c 0.
		const pick = byId(c!, 'pick');
		expect(pick.rating).toBeNull();
		expect(pick.options.map((o) => [o.id, o.direction])).toEqual([
			['a', 'up'],
			['b', 'down'],
			['c', 'up']
		]);
		const points = (q: QuestionComparison) => q.options.map((o) => o.deltaPoints);
		const expectPoints = (actual: (number | null)[], expected: (number | null)[]) => {
			expect(actual.length).toBe(expected.length);
			actual.forEach((v, i) =>
				expected[i] === null ? expect(v).toBeNull() : expect(v).toBeCloseTo(expected[i]!, 10)
			);
		};
		expectPoints(points(pick), [25, -50, 25]);

		// many (shares of those who answered), 2014: x 2/3, y 1/3, z 1/3; 2013: x 2/3, y 2/3, no z.
		const many = byId(c!, 'many');
		expect(many.options.map((o) => [o.id, o.earlierShare === null, o.direction])).toEqual([
			['x', false, 'same'],
			['y', false, 'down'],
			['z', true, null]
		]);
		expectPoints(points(many), [0, -100 / 3, null]);

		expect(byId(c!, 'kind')).toMatchObject({
			status: 'type_differs',
			type: 'single',
			earlierType: 'rating',
			options: [],
			rating: null
		});
		expect(byId(c!, 'new')).toMatchObject({ status: 'not_in_earlier', earlierAnswered: null });
		expect(c!.onlyEarlier).toEqual([{ id: 'old', type: 'short_text', title: '只在往期' }]);
	});

	it('applies group, area, unit and channel filters to both, and says dates and versions do not apply', async () => {
		// Paper only — 2014: 5, 5, 4 → mean 14/3, top-2 1; 2013: 5, 4 → 4.5, top-2 1.
		const paper = await compare('cmp-2014', 'channel=paper&from=2000-01-01&version=1');
		expect(paper!.n).toBe(2);
		expect(paper!.filter).toEqual({ channel: ['paper'] });
		expect(paper!.notApplied).toEqual(['from', 'version']);
		const sat = byId(paper!, 'sat');
		expect(sat.rating!.meanDelta).toBeCloseTo(14 / 3 - 4.5, 10);
		expect(sat.rating!.meanDirection).toBe('up');
		expect(sat.rating!.top2DeltaPoints).toBe(0);
		expect(sat.rating!.top2Direction).toBe('same');
	});

	it('picks another campaign or none from the address, and refuses what names nothing', async () => {
		const { db } = current();
		const campaign = await getCampaign(db, 'cmp-2014');
		const pick = (query: string) =>
			comparisonCampaign(db, campaign, new URLSearchParams(query)).then((c) => c?.slug ?? null);
		expect(await pick('')).toBe('cmp-2013');
		expect(await pick('compare=')).toBeNull();
		expect(await pick('compare=cmp-2013')).toBe('cmp-2013');
		await createCampaign(db, null, settings('cmp-draft'));
		for (const bad of ['nope', 'cmp-2014', 'cmp-draft', 'Not A Slug', 'x'.repeat(200)]) {
			await expect(pick(`compare=${bad}`), bad).rejects.toThrow(Invalid);
		}
		// Without a copy source there is no default comparison.
		const earlier = await getCampaign(db, 'cmp-2013');
		expect(await comparisonCampaign(db, earlier, new URLSearchParams(''))).toBeNull();
	});

	it('answers the API with a compare object only when asked, and only to a token that may read both', async () => {
		const { db } = current();
		const get = async (query: string, campaignSlug: string | null) => {
			const bound = campaignSlug === null ? null : (await getCampaign(db, campaignSlug)).id;
			const token = await createApiToken(db, null, {
				name: 'compare',
				scopes: ['results'],
				campaignId: bound,
				expiresOn: null
			});
			const event = {
				locals: { db, readDb: db, user: null },
				params: { slug: 'cmp-2014' },
				url: new URL(`http://localhost/api/v1/campaigns/cmp-2014/results?${query}`),
				request: new Request('http://localhost/', {
					headers: { authorization: `Bearer ${token}` }
				})
			} as unknown as Parameters<typeof GET>[0] & RequestEvent;
			return GET(event);
		};
		const plain = (await (await get('', null)).json()) as CampaignResults;
		expect('compare' in plain).toBe(false);

		const res = await get('compare=cmp-2013&channel=paper', null);
		expect(res.status).toBe(200);
		const body = (await res.json()) as CampaignResults & { compare: CampaignComparison };
		expect(body.compare).toEqual(
			JSON.parse(JSON.stringify(await compare('cmp-2014', 'compare=cmp-2013&channel=paper')))
		);
		expect(Object.keys(body.compare).sort()).toEqual([
			'campaign',
			'copiedFrom',
			'filter',
			'n',
			'notApplied',
			'onlyEarlier',
			'questions'
		]);
		expect(Object.keys(body.compare.questions[0]).sort()).toEqual([
			'answered',
			'earlierAnswered',
			'id',
			'options',
			'rating',
			'status',
			'type'
		]);
		// A token for 2014 alone may not read 2013; a draft or an unknown campaign is not found.
		await expect(get('compare=cmp-2013', 'cmp-2014')).resolves.toMatchObject({ status: 403 });
		await expect(get('compare=cmp-draft', null)).resolves.toMatchObject({ status: 404 });
		await expect(get('compare=nope', null)).resolves.toMatchObject({ status: 404 });
		// A campaign compared with itself is the service's 400.
		await expect(get('compare=cmp-2014', null)).resolves.toMatchObject({ status: 400 });
	});

	it('shows the demo’s 2014 against 2013, which it was copied from, and keeps 2014’s figures', async () => {
		const { db } = current();
		await seedDemo(db, 'demo-password');
		const [y2013, y2014] = await Promise.all([
			getCampaign(db, DEMO_EARLIER_SLUG),
			getCampaign(db, 'liuyang-2014')
		]);
		expect(y2013.status).toBe('closed');
		expect(y2013.id).toBeLessThan(y2014.id);
		expect(y2014.copiedFrom).toBe(y2013.id);
		const [stats2013, stats2014] = await Promise.all([
			campaignStats(db, y2013.id),
			campaignStats(db, y2014.id)
		]);
		expect(stats2014.issued).toBe(1751);
		expect(stats2014.returned).toBe(1640);
		const plan = earlierPlan();
		expect(stats2013.issued).toBe(plan.reduce((sum, row) => sum + row.issued, 0));
		expect(stats2013.returned).toBe(plan.reduce((sum, row) => sum + returnedOn(row), 0));
		expect(stats2013.returned).toBeLessThan(stats2014.returned);

		const c = await compare('liuyang-2014', '');
		expect(c!.campaign.slug).toBe(DEMO_EARLIER_SLUG);
		expect(c!.n).toBe(stats2013.returned);
		for (const id of ['supply', 'service']) {
			expect(byId(c!, id).rating!.meanDirection, id).toBe('up');
			expect(byId(c!, id).rating!.top2Direction, id).toBe('up');
		}
		expect(byId(c!, 'priorities').status).toBe('matched');
		expect(byId(c!, 'improve').status).toBe('not_in_earlier');
		expect(c!.onlyEarlier.map((q) => q.id).sort()).toEqual(['aware', 'opinions']);
		// Seeding again changes nothing.
		await seedDemo(db, 'demo-password');
		expect((await campaignStats(db, y2013.id)).returned).toBe(stats2013.returned);
	}, 120_000); // Seeding the whole demo twice: slow on a busy machine, not a figure under test.
});
