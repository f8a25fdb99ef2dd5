import { describe, expect, it } from 'vitest';
import type { LabelledRecord } from './dataset';
import { createCategoriser } from './categoriser';
import { measureDuplicates, withRankedCategories } from './evaluation';
import { measureClustersAfterReview, replayedDecisions } from './feedback';
import { clusterRootsFromLinks } from './metrics';
import {
	duplicateClusters,
	MIN_PAIR_CLUSTERS,
	organisationPairModel,
	organisationPairModelSteps
} from './pair-learning';
import { runStepsPolitely } from './steps';

const PLACES = [
	'官渡',
	'沙市',
	'大围山',
	'永安',
	'淳口',
	'社港',
	'古港',
	'达浒',
	'张坊',
	'中和',
	'龙伏'
];
const ISSUES = [
	'变压器傍晚嗡嗡响还冒烟',
	'电费到账太慢被停电',
	'台区电压太低冰箱启动不了',
	'抢修电话总是打不通',
	'路灯坏了很久没人修',
	'电线被树枝压着很危险',
	'营业厅排队时间太长',
	'停电不提前通知',
	'电表读数和实际用电不符',
	'线路老化经常跳闸',
	'手机交电费不方便'
];

/** `clusters` issues said twice (in two townships' words), then singletons. */
function items(clusters: number) {
	const out = [];
	for (let i = 0; i < ISSUES.length; i++) {
		const root = `a${i}`;
		out.push({ id: root, text: `${PLACES[i]}${ISSUES[i]}`, township: PLACES[i], category: 'c' });
		out.push({
			id: `b${i}`,
			text: `建议解决${ISSUES[i]}的问题`,
			township: PLACES[i],
			category: 'c',
			duplicateOf: i < clusters ? root : ''
		});
	}
	return out;
}

describe('the organisation’s pair model', () => {
	it('keeps the built-in model below ten merged duplicates, and fits one from ten', () => {
		expect(duplicateClusters(items(MIN_PAIR_CLUSTERS - 1))).toBe(MIN_PAIR_CLUSTERS - 1);
		expect(organisationPairModel(items(MIN_PAIR_CLUSTERS - 1))).toBeNull();
		const model = organisationPairModel(items(MIN_PAIR_CLUSTERS));
		expect(model?.source).toBe('the organisation’s merges: 22 items, 10 duplicate clusters');
		expect(model?.weights.some((w) => w !== 0)).toBe(true);
	});
});

describe('fitting the organisation’s pair model on a server', () => {
	// Every issue raised in every township, twice: 242 items, 121 duplicate clusters.
	const campaign = PLACES.flatMap((place, p) =>
		ISSUES.flatMap((issue, i) => [
			{ id: `a${p}-${i}`, text: `${place}${issue}`, township: place, category: `c${i}` },
			{
				id: `b${p}-${i}`,
				text: `建议解决${place}${issue}的问题`,
				township: place,
				category: `c${i}`,
				duplicateOf: `a${p}-${i}`
			}
		])
	);

	it('lets other work run between small steps, and fits the same model', async () => {
		// The server runs the fit as steps (pair-model-service.ts); each pause lets a waiting
		// request in. Counted in event-loop turns, not time: a fit done in one piece (seconds at
		// MAX_PAIR_ITEMS) lets none in, however fast the machine.
		let turns = 0;
		let fitting = true;
		const turn = () => {
			turns++;
			if (fitting) setImmediate(turn);
		};
		setImmediate(turn);
		const model = await runStepsPolitely(organisationPairModelSteps(campaign)).finally(
			() => (fitting = false)
		);
		expect(model).toEqual(organisationPairModel(campaign));
		// At least a pause per ten items of the last pass alone (pairs are collected ten at a time).
		expect(turns).toBeGreaterThanOrEqual(campaign.length / 10);
	});
});

describe('replaying reviewer decisions (--feedback)', () => {
	const record = (id: string, duplicateOf = ''): LabelledRecord => ({
		id,
		text: id,
		category: 'c',
		duplicateOf,
		township: null
	});
	const file = [record('A'), record('B', 'A'), record('C'), record('D', 'C'), record('E', 'A')];

	it('counts a category choice per item and a merge per item with an earlier duplicate', () => {
		expect(replayedDecisions(file, 0)).toEqual({ reviewed: 0, made: 0, merges: 0 });
		expect(replayedDecisions(file, 1)).toEqual({ reviewed: 1, made: 1, merges: 0 });
		// B is categorised and merged: both decisions go together.
		expect(replayedDecisions(file, 2)).toEqual({ reviewed: 2, made: 3, merges: 1 });
		expect(replayedDecisions(file, 8)).toEqual({ reviewed: 5, made: 8, merges: 3 });
		expect(replayedDecisions(file, 100)).toEqual({ reviewed: 5, made: 8, merges: 3 });
	});
});

describe('measureClustersAfterReview', () => {
	const record = (id: string, text: string, duplicateOf = '', township = '沙市') => ({
		id,
		text,
		category: 'voltage_grid',
		duplicateOf,
		township
	});
	const a = record('A', '村里变压器太小，一到晚上电压就低，电饭煲都煮不熟饭');
	const b = record('B', '我们村的变压器容量不够，晚上电压低得很，灯都是暗的', 'A');
	const c = record('C', '村里变压器太小了，晚上电压低，电饭煲煮不熟饭', 'A');
	const d = { ...record('D', '建议开通微信交电费，在外打工的可以帮家里交', '', '官渡') };
	const categoriser = createCategoriser();
	const rankedOf = (records: readonly LabelledRecord[]) =>
		records.map((r) => categoriser.suggest(r.text).map((s) => s.category));

	it('counts the pairs a new answer makes with the answers merged before it, not those among them', () => {
		const rest = [c, d];
		const after = measureClustersAfterReview([a, b], rest, rankedOf(rest), categoriser, undefined);
		// True pairs with one of the rest: A–C and B–C. The copy C joins the merged A+B: both found.
		expect(after).toEqual({ dupPrecision: 1, dupRecall: 1 });
	});

	it('with nothing reviewed, is the cluster figure of the rest alone', () => {
		const rest = [a, b, c, d];
		const ranked = rankedOf(rest);
		const alone = measureDuplicates(
			withRankedCategories(rest, ranked, categoriser),
			clusterRootsFromLinks(rest)
		);
		expect(measureClustersAfterReview([], rest, ranked, categoriser, undefined)).toEqual({
			dupPrecision: alone.dupPrecision,
			dupRecall: alone.dupRecall
		});
	});
});
