import { describe, expect, it } from 'vitest';
import {
	clusterAtThresholds,
	clusterItems,
	mergeInTwoPasses,
	thresholdForSize
} from './clustering';
import { normaliseForDuplicates, matchConcepts, DEFAULT_CONCEPTS } from './concepts';
import {
	buildDuplicateIndex,
	computePairFeatures,
	extractPlaces,
	findSimilar,
	type InsightItem
} from './duplicates';
import {
	fitPairWeights,
	pairModelFromJSON,
	PAIR_FEATURES,
	predictPair,
	type PairSample
} from './pair-model';
import { DEFAULT_PAIR_MODEL } from './pair-model-default';
import {
	collectPairSamples,
	crossValidateThresholds,
	precisionLowerBound,
	trainPairModel,
	type PairTrainingItem
} from './pair-training';

const feature = (name: (typeof PAIR_FEATURES)[number]) => PAIR_FEATURES.indexOf(name);

describe('synonyms and concepts', () => {
	it('rewrites common synonyms to one spelling', () => {
		expect(normaliseForDuplicates('房东收到短信')).toBe('户主收到通知');
		expect(normaliseForDuplicates('租房的人不知道')).toBe('租户人不知道');
		expect(normaliseForDuplicates('晚上电压不稳')).toBe('晚上低电压');
	});

	it('finds the same concept in paraphrases without shared characters', () => {
		const a = matchConcepts(normaliseForDuplicates('停电通知只发户主'), DEFAULT_CONCEPTS);
		const b = matchConcepts(normaliseForDuplicates('短信只发给房东，租户不知道'), DEFAULT_CONCEPTS);
		expect(a).toContain('notice-holder-only');
		expect(b).toContain('notice-holder-only');
	});

	it('rewrites dialect and colloquial spellings before matching concepts', () => {
		expect(normaliseForDuplicates('屋里冇电')).toBe('家里停电');
		expect(normaliseForDuplicates('老人搞不来手机交电费')).toBe('老人不会手机缴费');
		const a = matchConcepts(normaliseForDuplicates('屋里老人搞不来微信交电费'), DEFAULT_CONCEPTS);
		const b = matchConcepts(normaliseForDuplicates('老年人不会用智能手机缴费'), DEFAULT_CONCEPTS);
		expect(a).toContain('elderly-phone');
		expect(b).toContain('elderly-phone');
		expect(matchConcepts(normaliseForDuplicates('电线杆歪了快倒了'), DEFAULT_CONCEPTS)).toContain(
			'poles'
		);
	});

	it('matches a cue "a+b" only when both words occur', () => {
		const concepts = [{ id: 'old-phone', terms: ['老人+手机'] }];
		expect(matchConcepts('老人不会用手机交费', concepts)).toEqual(['old-phone']);
		expect(matchConcepts('老人家里电压低', concepts)).toEqual([]);
		expect(matchConcepts(normaliseForDuplicates('老人家住得远'), DEFAULT_CONCEPTS)).not.toContain(
			'elderly-phone'
		);
	});

	it('extracts named villages and groups but not "我们村"', () => {
		expect(extractPlaces('石桥村五组的电压低')).toEqual(['五组', '石桥村']);
		expect(extractPlaces('我们村电压低')).toEqual([]);
	});
});

describe('pair features', () => {
	const items: InsightItem[] = [
		{ id: 'a', text: '停电通知只发户主，户主不在家', township: '永安', category: 'outage_notice' },
		{
			id: 'b',
			text: '我是租房的，停电短信只发给房东，我们租户根本不知道',
			township: '永安',
			category: 'outage_notice'
		},
		{
			id: 'c',
			text: '供电所人手不够，年轻人招不进来',
			township: '达浒',
			category: 'employee_welfare'
		}
	];
	const index = buildDuplicateIndex(items);
	const pair = (i: number, j: number) =>
		computePairFeatures(index, items[i], index.profiles[i], items[j], index.profiles[j]);

	it('are symmetric and bounded', () => {
		const ab = pair(0, 1);
		const ba = pair(1, 0);
		expect([...ab]).toEqual([...ba]);
		for (const value of ab) {
			expect(value).toBeGreaterThanOrEqual(0);
			expect(value).toBeLessThanOrEqual(1 + 1e-9);
		}
		expect(ab).toHaveLength(DEFAULT_PAIR_MODEL.weights.length);
	});

	it('see the paraphrase: shared n-grams after synonyms, shared concept, same township', () => {
		const ab = pair(0, 1);
		const ac = pair(0, 2);
		expect(ab[feature('ngramCosine')]).toBeGreaterThan(0.1);
		expect(ab[feature('topicCosine')]).toBeGreaterThan(ac[feature('topicCosine')]);
		expect(ab[feature('sameTownship')]).toBe(1);
		expect(ab[feature('sameCategory')]).toBe(1);
		expect(ac[feature('differentTownship')]).toBe(1);
		expect(ac[feature('differentCategory')]).toBe(1);
		expect(ac[feature('ngramCosine')]).toBe(0);
	});

	it('flag a shared company-wide concept, across townships too, but not a local one', () => {
		const wide: InsightItem[] = [
			{ id: 'p', text: '老人不会用智能手机交电费', township: '永安' },
			{ id: 'q', text: '屋里老人搞不来微信缴费', township: '达浒' },
			{ id: 'r', text: '晚上电压低，灯不亮', township: '永安' },
			{ id: 's', text: '电压太低，电饭煲煮不熟', township: '达浒' }
		];
		const idx = buildDuplicateIndex(wide);
		const f = (i: number, j: number) =>
			computePairFeatures(idx, wide[i], idx.profiles[i], wide[j], idx.profiles[j]);
		expect(f(0, 1)[feature('sharedWideConcept')]).toBeGreaterThan(0);
		expect(f(0, 1)[feature('sharedWideXdifferentTownship')]).toBeGreaterThan(0);
		expect(f(2, 3)[feature('sharedConcepts')]).toBeGreaterThan(0);
		expect(f(2, 3)[feature('sharedWideConcept')]).toBe(0);
		expect(f(2, 3)[feature('sharedWideXdifferentTownship')]).toBe(0);
	});

	it('repeat the evidence for pairs from different townships only', () => {
		const ab = pair(0, 1); // same township
		const ac = pair(0, 2); // different townships
		expect(ab[feature('differentTownshipXtopicCosine')]).toBe(0);
		expect(ab[feature('differentTownshipXngramCosine')]).toBe(0);
		expect(ac[feature('differentTownshipXtopicCosine')]).toBe(ac[feature('topicCosine')]);
		expect(ac[feature('differentTownshipXlengthRatio')]).toBe(ac[feature('lengthRatio')]);
	});

	it('use the category distribution overlap when given', () => {
		const withDist: InsightItem[] = [
			{ id: 'x', text: '电压低', categories: [{ category: 'voltage_grid', confidence: 0.8 }] },
			{ id: 'y', text: '灯很暗', categories: [{ category: 'voltage_grid', confidence: 0.5 }] }
		];
		const idx = buildDuplicateIndex(withDist);
		const x = computePairFeatures(idx, withDist[0], idx.profiles[0], withDist[1], idx.profiles[1]);
		expect(x[feature('categoryOverlap')]).toBeCloseTo(0.4, 6);
		expect(x[feature('sameTownship')]).toBe(0);
		expect(x[feature('differentTownship')]).toBe(0);
	});

	it('score the paraphrase well above the unrelated item', () => {
		const similar = findSimilar(index, items[0], 2);
		expect(similar[0].id).toBe('b');
		expect(similar[0].score).toBeGreaterThan(0.5);
		expect(similar[1]?.score ?? 0).toBeLessThan(0.1);
	});
});

describe('pair model', () => {
	it('fits a separable toy problem and predicts calibrated-looking probabilities', () => {
		const samples: PairSample[] = [];
		for (let i = 0; i < 200; i++) {
			const x = (i % 20) / 20;
			samples.push({ x: [x, 1 - x], y: x > 0.5 || (i % 7 === 0 && x > 0.3) ? 1 : 0 });
		}
		const { weights, bias } = fitPairWeights(samples, 2, 0.1);
		const model = { ...DEFAULT_PAIR_MODEL, weights, bias };
		expect(predictPair(model, [0.9, 0.1])).toBeGreaterThan(0.9);
		expect(predictPair(model, [0.1, 0.9])).toBeLessThan(0.1);
		expect(weights[0]).toBeGreaterThan(weights[1]);
	});

	it('round-trips through JSON and rejects a model of another layout', () => {
		const json = JSON.stringify(DEFAULT_PAIR_MODEL);
		expect(pairModelFromJSON(json)).toEqual(DEFAULT_PAIR_MODEL);
		expect(() => pairModelFromJSON({ ...DEFAULT_PAIR_MODEL, weights: [1] })).toThrow(TypeError);
		expect(() => pairModelFromJSON('{"format":"other"}')).toThrow(TypeError);
	});

	it('the built-in model is complete and has a sensible threshold', () => {
		expect(DEFAULT_PAIR_MODEL.weights).toHaveLength(DEFAULT_PAIR_MODEL.features.length);
		expect(DEFAULT_PAIR_MODEL.threshold).toBeGreaterThan(0);
		expect(DEFAULT_PAIR_MODEL.threshold).toBeLessThan(1);
		expect(DEFAULT_PAIR_MODEL.weights[feature('ngramCosine')]).toBeGreaterThan(0);
		expect(DEFAULT_PAIR_MODEL.weights[feature('topicCosine')]).toBeGreaterThan(0);
	});
});

// Hand-made training campaign: four issues raised three times each, plus singletons.
const TRAINING: PairTrainingItem[] = [
	['t1', '停电通知只发给户主', '永安', 'outage_notice', ''],
	['t2', '房东收到短信，我们租户不知道停电', '永安', 'outage_notice', 't1'],
	['t3', '停电短信能不能多绑几个手机号', '永安', 'outage_notice', 't1'],
	['t4', '交电费的网点太少，要走很远', '张坊', 'payment', ''],
	['t5', '缴费点太远了，老人交电费不方便', '张坊', 'payment', 't4'],
	['t6', '营业厅太少，交个电费跑半天', '张坊', 'payment', 't4'],
	['t7', '一打雷就停电，一年停几十次', '大围山', 'outage_duration', ''],
	['t8', '雷雨天老是跳闸停电', '大围山', 'outage_duration', 't7'],
	['t9', '夏天打雷就没电，冰箱都坏了', '大围山', 'outage_duration', 't7'],
	['t10', '会议太多，所长天天开会', '浏阳城区', 'work_style', ''],
	['t11', '会开得太多了，事情都顾不上', '沙市', 'work_style', 't10'],
	['t12', '能不能少开点会，视频会就够了', '官渡', 'work_style', 't10'],
	['t13', '路边电杆歪了，怕倒下来', '古港', 'safety', ''],
	['t14', '村口路灯不亮', '沙市', 'other', ''],
	['t15', '晚上电压低，电饭煲煮不熟', '淳口', 'voltage_grid', ''],
	['t16', '工作服一年只发一套', '普迹', 'employee_welfare', ''],
	['t17', '光伏并网太慢了', '中和', 'connection', ''],
	['t18', '台区经理电话打不通', '镇头', 'service_manager', '']
].map(([id, text, township, category, duplicateOf]) => ({
	id,
	text,
	township,
	category,
	duplicateOf
}));

describe('pair training and clustering', () => {
	it('collects labelled candidate pairs, including true duplicates', () => {
		const samples = collectPairSamples(TRAINING);
		const positives = samples.filter((s) => s.y === 1).length;
		expect(positives).toBeGreaterThanOrEqual(8);
		expect(samples.length).toBeGreaterThan(positives);
	});

	it('trains a model that groups the hand-made issues and leaves singletons alone', () => {
		const model = trainPairModel(TRAINING, { fallbackThreshold: 0.5 });
		expect(model.weights).toHaveLength(model.features.length);
		expect(model.categories).toContain('payment');
		const clusters = clusterItems(TRAINING, { pairModel: model });
		const together = (ids: string[]) => clusters.some((c) => ids.every((id) => c.ids.includes(id)));
		expect(together(['t1', 't2'])).toBe(true);
		expect(together(['t4', 't5'])).toBe(true);
		expect(together(['t7', 't8'])).toBe(true);
		const clustered = new Set(clusters.flatMap((c) => c.ids));
		for (const id of ['t13', 't14', 't16', 't17', 't18']) expect(clustered.has(id)).toBe(false);
		for (const cluster of clusters) expect(cluster.cohesion).toBeGreaterThanOrEqual(0.5);
	});

	it('merges less as the threshold rises, and respects the size cap', () => {
		const index = buildDuplicateIndex(TRAINING);
		const [low, high] = clusterAtThresholds(index, [0.05, 0.95]);
		const pairs = (clusters: { ids: string[] }[]) =>
			clusters.reduce((sum, c) => sum + (c.ids.length * (c.ids.length - 1)) / 2, 0);
		expect(pairs(low)).toBeGreaterThanOrEqual(pairs(high));
		const capped = clusterItems(TRAINING, { threshold: 0.01, maxClusterSize: 2 });
		for (const cluster of capped) expect(cluster.ids).toHaveLength(2);
	});
});

describe('second clustering pass', () => {
	// a–b and c–d are sure duplicates; the four cross pairs are middling (average 0.4375).
	const p: Record<string, number> = { '0,1': 0.9, '2,3': 0.9, '0,2': 0.5, '1,2': 0.45 };
	const score = (a: number, b: number) => p[`${Math.min(a, b)},${Math.max(a, b)}`] ?? 0.4;
	const edges: Array<[number, number, number]> = [
		[0, 1, 0.9],
		[2, 3, 0.9],
		[0, 2, 0.5],
		[1, 2, 0.45],
		[0, 3, 0.4],
		[1, 3, 0.4]
	];
	const run = (mergeThreshold: number) =>
		mergeInTwoPasses(
			5,
			edges,
			{ edgeThreshold: 0.6, threshold: 0.6, mergeThreshold, maxClusterSize: 30 },
			score
		);

	it('keeps the first-pass clusters when the merge threshold is not lower', () => {
		expect(run(0.6)).toEqual([
			[0, 1],
			[2, 3]
		]);
		expect(run(0.48)).toEqual([
			[0, 1],
			[2, 3]
		]);
	});

	it('joins two clusters whose average cross probability clears the merge threshold', () => {
		expect(run(0.42)).toEqual([[0, 1, 2, 3]]);
	});
});

describe('threshold for the campaign size', () => {
	const model = { ...DEFAULT_PAIR_MODEL, threshold: 0.5, tunedOn: 100 };

	it('rises with the odds scaled by the size ratio, never falls, and is off without tunedOn', () => {
		expect(thresholdForSize(model, 100)).toBe(0.5);
		expect(thresholdForSize(model, 40)).toBe(0.5);
		expect(thresholdForSize(model, 300)).toBeCloseTo(0.75, 4);
		expect(thresholdForSize({ ...model, tunedOn: undefined }, 300)).toBe(0.5);
		expect(thresholdForSize(model, 1000)).toBeGreaterThan(thresholdForSize(model, 300));
	});
});

describe('cluster threshold tuning', () => {
	// Six issues raised more than once (enough to tune), plus the singletons above.
	const items: PairTrainingItem[] = [
		...TRAINING,
		...[
			['u1', '电杆歪了好久没人来扶', '达浒', 'safety', ''],
			['u2', '我们组那根电杆倾斜得厉害，怕倒', '达浒', 'safety', 'u1'],
			['u3', '台区经理换了人，联系卡上的电话还是老的', '社港', 'service_manager', ''],
			['u4', '联系卡上的台区经理早调走了，打电话没人管', '社港', 'service_manager', 'u3']
		].map(([id, text, township, category, duplicateOf]) => ({
			id,
			text,
			township,
			category,
			duplicateOf
		}))
	];
	const thresholds = [0.1, 0.3, 0.5, 0.7, 0.9];

	it('picks the threshold and merge factor with most out-of-fold recall at the target precision', () => {
		const points = crossValidateThresholds(items, { thresholds });
		expect(new Set(points.map((p) => p.mergeFactor)).size).toBeGreaterThan(1);
		const reached = points.filter((p) => p.recall > 0);
		expect(reached.length).toBeGreaterThan(0);
		for (const target of new Set(reached.map((p) => p.precision))) {
			const precise = reached.filter((p) => p.precision >= target);
			const most = Math.max(...precise.map((p) => p.recall));
			const best = precise.filter((p) => p.recall >= most - 1e-9);
			const threshold = Math.max(...best.map((p) => p.threshold));
			const factor = Math.max(
				...best.filter((p) => p.threshold === threshold).map((p) => p.mergeFactor)
			);
			const model = trainPairModel(items, { thresholds, minPrecision: target });
			expect(model.threshold).toBe(threshold);
			expect(model.mergeFactor ?? 1).toBe(factor);
		}
	});

	it('by default asks the target of the precision’s lower bound, then of the precision itself', () => {
		const points = crossValidateThresholds(items, { thresholds });
		const model = trainPairModel(items, { thresholds });
		const chosen = points.find(
			(p) => p.threshold === model.threshold && p.mergeFactor === (model.mergeFactor ?? 1)
		);
		expect(chosen).toBeDefined();
		const bounded = points.filter(
			(p) => p.recall > 0 && precisionLowerBound(p.precision, p.predictedPairs) >= 0.8
		);
		const plain = points.filter((p) => p.recall > 0 && p.precision >= 0.8);
		const pool = bounded.length > 0 ? bounded : plain;
		expect(pool).toContain(chosen);
		expect(chosen!.recall).toBe(Math.max(...pool.map((p) => p.recall)));
	});

	it('bounds a precision more tightly the more pairs it rests on', () => {
		expect(precisionLowerBound(0.9, 10)).toBeLessThan(precisionLowerBound(0.9, 100));
		expect(precisionLowerBound(0.9, 100)).toBeLessThan(precisionLowerBound(0.9, 100_000));
		expect(precisionLowerBound(0.9, 100_000)).toBeCloseTo(0.9, 2);
		// 9 of 10 right is not enough to promise 0.8; 90 of 100 is.
		expect(precisionLowerBound(0.9, 10)).toBeLessThan(0.8);
		expect(precisionLowerBound(0.9, 100)).toBeGreaterThan(0.8);
		expect(precisionLowerBound(1, 0)).toBe(0);
	});

	it('falls back to F-beta when no threshold is precise enough', () => {
		const model = trainPairModel(items, { thresholds, minPrecision: 1.01 });
		const byF1 = trainPairModel(items, { thresholds, beta: 1 });
		expect(model.threshold).toBe(byF1.threshold);
		expect(thresholds).toContain(model.threshold);
	});
});
