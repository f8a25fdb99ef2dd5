// Compare campaigns for the types of issue 17 on both databases: a campaign with a recommendation,
// ratings of 5 and 7 points, a number, a ranking and a date, and its copy (the 7-point rating asked
// on 5 points there, the ranking with the same places), every figure counted by hand below.
import { expect, it } from 'vitest';
import { blankQuestion, type Answers, type Question } from '../../questionnaire/types';
import type { CampaignComparison, QuestionComparison } from '../../results/comparison';
import { campaignResults as resultsSchema } from '../api/schemas';
import { createCampaign, setCampaignStatus } from '../campaigns/campaigns';
import { copyCampaign } from '../campaigns/copy';
import { getCampaign } from '../campaigns/queries';
import { publishQuestionnaire, saveDraft } from '../campaigns/questionnaire';
import type { Database } from '../db';
import { responses } from '../db/schema';
import { generateReceiptCode } from '../intake/receipt-code';
import { describeEachDatabase } from '../test/databases';
import { compareWith, earlierResults } from './compare';
import { campaignResults, parseResultsQuery } from './results';

const settings = (slug: string) => ({
	title: `活动 ${slug}`,
	slug,
	introduction: '',
	startsOn: null,
	endsOn: null,
	anonymous: true
});

const q = (id: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({
	...blankQuestion(id, type),
	title: `题 ${id}`,
	...extra
});

const RANK_OPTIONS = ['a', 'b', 'c'].map((id) => ({ id, label: `项 ${id}` }));
const EARLIER: Question[] = [
	q('rec', 'nps'),
	q('s5', 'rating'),
	q('s7', 'rating', { points: 7 }),
	q('hours', 'number', { min: 0, max: 100 }),
	q('rank', 'ranking', { options: RANK_OPTIONS, maxPicks: 2 }),
	q('day', 'date')
];

async function answer(db: Database, slug: string, rows: Answers[]) {
	const campaign = await getCampaign(db, slug);
	const version = await publishQuestionnaire(db, null, slug);
	await db.insert(responses).values(
		rows.map((answers) => ({
			campaignId: campaign.id,
			versionId: version.id,
			receiptCode: generateReceiptCode(),
			channel: 'online' as const,
			answers
		}))
	);
}

const byId = (c: CampaignComparison, id: string): QuestionComparison => {
	const found = c.questions.find((x) => x.id === id);
	if (!found) throw new Error(`no comparison for ${id}`);
	return found;
};

describeEachDatabase(
	'compare campaigns: recommendation, scales, number, ranking, date',
	(current) => {
		const compare = async (slug: string) => {
			const { db } = current();
			const campaign = await getCampaign(db, slug);
			const params = new URLSearchParams('');
			const parsed = await parseResultsQuery(db, campaign.id, params);
			const earlier = await earlierResults(db, campaign, parsed, params);
			const results = await campaignResults(db, campaign.id, parsed);
			return { results, comparison: earlier && compareWith(campaign, results, earlier) };
		};

		it('sets up an earlier campaign (five forms) and its copy (four forms)', async () => {
			const { db } = current();
			await createCampaign(db, null, settings('yoy-2013'));
			expect((await saveDraft(db, null, 'yoy-2013', EARLIER)).problems).toEqual([]);
			await answer(db, 'yoy-2013', [
				{ rec: 10, s5: 5, s7: 7, hours: 2, rank: ['a', 'b'], day: '2013-03-05' },
				{ rec: 9, s5: 4, s7: 6, hours: 4, rank: ['b', 'a'] },
				{ rec: 7, s5: 3, s7: 2, hours: 10, rank: ['a'] },
				{ rec: 5, s5: 2, hours: 6, rank: ['c', 'a'] },
				{ rec: 0, s5: 1 }
			]);
			await setCampaignStatus(db, null, 'yoy-2013', 'open');
			await setCampaignStatus(db, null, 'yoy-2013', 'closed');

			const copy = await copyCampaign(db, null, 'yoy-2013', settings('yoy-2014'));
			// The copy asks s7 on a 5-point scale: its mean is not compared with the 7-point one.
			const questions = copy.draftQuestions.map((x) =>
				x.id === 's7' ? { ...x, points: 5 as const } : x
			);
			expect((await saveDraft(db, null, 'yoy-2014', questions)).problems).toEqual([]);
			await answer(db, 'yoy-2014', [
				{ rec: 10, s5: 5, s7: 5, hours: 1, rank: ['b', 'a'], day: '2014-03-05' },
				{ rec: 10, s5: 5, s7: 4, hours: 3, rank: ['b', 'c'] },
				{ rec: 8, s5: 4, hours: 3, rank: ['a', 'b'] },
				{ rec: 6, s5: 2, hours: 20, rank: ['c'] }
			]);
			await setCampaignStatus(db, null, 'yoy-2014', 'open');
		});

		it('compares the score and groups, means, medians and mean places with the copied-from campaign', async () => {
			const { results, comparison: c } = await compare('yoy-2014');
			expect(c!.campaign.slug).toBe('yoy-2013');
			expect(c!.n).toBe(5);

			// Recommendation. 2014: 10, 10, 8, 6 → 2 promoters, 1 passive, 1 detractor of 4 → NPS 25.
			// 2013: 10, 9, 7, 5, 0 → 2, 1, 2 of 5 → (2 − 2) / 5 = 0.
			const rec = byId(c!, 'rec');
			expect(rec.status).toBe('matched');
			expect(rec.nps!.score).toEqual({ now: 25, earlier: 0, delta: 25, direction: 'up' });
			expect(rec.nps!.promoters.now).toBeCloseTo(2 / 4, 10);
			expect(rec.nps!.promoters.earlier).toBeCloseTo(2 / 5, 10);
			expect(rec.nps!.promoters.delta).toBeCloseTo(10, 10);
			expect(rec.nps!.passives.delta).toBeCloseTo(25 - 20, 10);
			expect(rec.nps!.detractors.delta).toBeCloseTo(25 - 40, 10);
			expect(rec.nps!.detractors.direction).toBe('down');

			// 5 points in both. 2014: 5, 5, 4, 2 → 16/4 = 4, top two 3/4; 2013: 5, 4, 3, 2, 1 → 3, 2/5.
			const s5 = byId(c!, 's5');
			expect(s5.notCompared).toBeUndefined();
			expect(s5.rating!.mean).toBeCloseTo(4, 10);
			expect(s5.rating!.earlierMean).toBeCloseTo(3, 10);
			expect(s5.rating!.meanDelta).toBeCloseTo(1, 10);
			expect(s5.rating!.top2DeltaPoints).toBeCloseTo(75 - 40, 10);

			// 5 points now, 7 before: said, not compared.
			expect(byId(c!, 's7')).toMatchObject({
				status: 'matched',
				answered: 2,
				earlierAnswered: 3,
				rating: null,
				options: [],
				notCompared: { reason: 'scales_differ', points: 5, earlierPoints: 7 }
			});

			// Number. 2014: 1, 3, 3, 20 → mean 27/4 = 6.75, median 3; 2013: 2, 4, 10, 6 → 5.5, (4 + 6)/2 = 5.
			const hours = byId(c!, 'hours');
			expect(hours.options).toEqual([]);
			expect(hours.numbers!.mean.now).toBeCloseTo(6.75, 10);
			expect(hours.numbers!.mean.earlier).toBeCloseTo(5.5, 10);
			expect(hours.numbers!.mean.delta).toBeCloseTo(1.25, 10);
			expect(hours.numbers!.mean.direction).toBe('up');
			expect(hours.numbers!.median).toEqual({ now: 3, earlier: 5, delta: -2, direction: 'down' });

			// Ranking, 2 places in both. 2014: a at 2, 1 → 1.5; b at 1, 1, 2 → 4/3; c at 2, 1 → 1.5.
			// 2013: a at 1, 2, 1, 2 → 1.5; b at 2, 1 → 1.5; c at 1 → 1.
			const rank = byId(c!, 'rank');
			expect(rank.notCompared).toBeUndefined();
			const places = rank.ranking!.options.map((o) => [o.id, o.now, o.earlier, o.direction]);
			expect(places.map(([id]) => id)).toEqual(['a', 'b', 'c']);
			const [a, b, cc] = rank.ranking!.options;
			expect([a.now, a.earlier, a.direction]).toEqual([1.5, 1.5, 'same']);
			expect(b.now).toBeCloseTo(4 / 3, 10);
			expect(b.delta).toBeCloseTo(4 / 3 - 1.5, 10);
			expect(b.direction).toBe('down');
			expect([cc.now, cc.earlier, cc.delta, cc.direction]).toEqual([1.5, 1, 0.5, 'up']);

			// Date: matched, counted, said not to be compared.
			expect(byId(c!, 'day')).toMatchObject({
				status: 'matched',
				answered: 1,
				earlierAnswered: 1,
				options: [],
				notCompared: { reason: 'date' }
			});

			// The API's answer holds to the documented schema, comparison included.
			const parsed = resultsSchema.safeParse({ ...results, compare: c });
			expect(parsed.error).toBeUndefined();
			// And the schema describes what is there (a misspelt key would be stripped, not refused).
			expect(parsed.data!.compare!.questions).toEqual(JSON.parse(JSON.stringify(c!.questions)));
		});

		it('compares mean places only over as many places', async () => {
			const { db } = current();
			const copy = await copyCampaign(db, null, 'yoy-2013', settings('yoy-2015'));
			const questions = copy.draftQuestions.map((x) =>
				x.id === 'rank' ? { ...x, maxPicks: 3 } : x
			);
			expect((await saveDraft(db, null, 'yoy-2015', questions)).problems).toEqual([]);
			await answer(db, 'yoy-2015', [{ rank: ['c', 'b', 'a'] }]);
			await setCampaignStatus(db, null, 'yoy-2015', 'open');
			const { comparison: c } = await compare('yoy-2015');
			expect(byId(c!, 'rank')).toMatchObject({
				status: 'matched',
				notCompared: { reason: 'places_differ', places: 3, earlierPlaces: 2 }
			});
			expect(byId(c!, 'rank').ranking).toBeUndefined();
		});
	}
);
