import { describe, expect, it } from 'vitest';
import {
	categoriserFromJSON,
	createCategoriser,
	trainCategoriserSteps,
	type TrainingExample
} from './categoriser';
import { CATEGORY_IDS } from './lexicon';

// Hand-written examples (not from any data set); repeated with variations so the model has data.
const EXAMPLES: TrainingExample[] = [
	{ text: '晚上电压低，电灯一闪一闪的', category: 'voltage_grid' },
	{ text: '变压器太小了，全村电压都不够', category: 'voltage_grid' },
	{ text: '交电费要跑到镇上去，太远了', category: 'payment' },
	{ text: '银行代扣电费老是扣不成功', category: 'payment' },
	{ text: '停电了半天都没人来抢修', category: 'outage_duration' },
	{ text: '一打雷就跳闸，修好要等一整天', category: 'outage_duration' },
	{ text: '停电也不提前通知，冰箱里的肉都坏了', category: 'outage_notice' },
	{ text: '希望停电通知发到微信群里', category: 'outage_notice' },
	{ text: '新房子报装跑了好几趟还没装表', category: 'connection' },
	{ text: '厂里申请增容，手续太多', category: 'connection' }
];

function sumOf(values: readonly number[]): number {
	return values.reduce((a, b) => a + b, 0);
}

describe('categoriser', () => {
	it('suggests three categories with confidences from a distribution summing to 1', () => {
		const categoriser = createCategoriser();
		categoriser.train(EXAMPLES);
		const top = categoriser.suggest('我们村电压太低了，空调都开不了');
		expect(top).toHaveLength(3);
		expect(top[0].category).toBe('voltage_grid');
		expect(top[0].confidence).toBeGreaterThanOrEqual(top[1].confidence);
		const all = categoriser.distribution('我们村电压太低了');
		expect(all.map((s) => s.category).sort()).toEqual([...CATEGORY_IDS].sort());
		expect(sumOf(all.map((s) => s.confidence))).toBeCloseTo(1, 9);
	});

	it('is deterministic: same examples in the same order give an identical model', () => {
		const a = createCategoriser();
		const b = createCategoriser();
		a.train(EXAMPLES);
		b.train(EXAMPLES);
		expect(JSON.stringify(a.toJSON())).toBe(JSON.stringify(b.toJSON()));
		expect(a.suggest('缴费点太少')).toEqual(b.suggest('缴费点太少'));
	});

	it('trains step by step, pausing after every pass, into the same model as train', () => {
		// Enough examples to calibrate, so the five cross-validation fits run in steps too.
		const many = Array.from({ length: 6 }, (_, i) =>
			EXAMPLES.map((e) => ({ ...e, text: `${e.text}${'！'.repeat(i)}` }))
		).flat();
		const direct = createCategoriser();
		direct.train(many);
		const steps = trainCategoriserSteps(many);
		let pauses = 0;
		let step = steps.next();
		while (!step.done) {
			pauses++;
			step = steps.next();
		}
		// 30 passes for the model and 30 for each of the five folds.
		expect(pauses).toBe(30 * 6);
		expect(JSON.stringify(step.value.toJSON())).toBe(JSON.stringify(direct.toJSON()));
	});

	it('handles empty and very short text without NaN or throwing', () => {
		const categoriser = createCategoriser();
		for (const text of ['', '   ', '无', '？', '电压太低']) {
			const top = categoriser.suggest(text);
			expect(top).toHaveLength(3);
			for (const s of top) expect(Number.isFinite(s.confidence)).toBe(true);
		}
		const none = categoriser.suggest('无');
		expect(none[0].category).toBe('other');
		expect(none[0].confidence).toBeLessThan(0.5);
		expect(categoriser.suggest('')[0].category).toBe('other');
		expect(categoriser.suggest('电压太低')[0].category).toBe('voltage_grid');
	});

	it('works from the lexicon alone (cold start)', () => {
		const categoriser = createCategoriser();
		expect(categoriser.exampleCount).toBe(0);
		expect(categoriser.suggest('交电费的网点太少')[0].category).toBe('payment');
		expect(categoriser.suggest('会议太多，报表重复报送')[0].category).toBe('work_style');
	});

	it('round-trips through JSON with identical suggestions', () => {
		const categoriser = createCategoriser();
		categoriser.train(EXAMPLES);
		const restored = categoriserFromJSON(JSON.stringify(categoriser.toJSON()));
		for (const text of ['停电没通知', '电压低', '', '厂里增容']) {
			expect(restored.suggest(text)).toEqual(categoriser.suggest(text));
		}
		expect(restored.exampleCount).toBe(EXAMPLES.length);
		expect(() => categoriserFromJSON('{"format":"other"}')).toThrow(TypeError);
	});

	it('learns incrementally from one reviewer decision', () => {
		const categoriser = createCategoriser();
		categoriser.train(EXAMPLES);
		const text = '村口的路灯坏了好久没人修';
		const before = categoriser.distribution(text).find((s) => s.category === 'other');
		for (let i = 0; i < 3; i++) categoriser.learn({ text, category: 'other' });
		const after = categoriser.distribution(text).find((s) => s.category === 'other');
		expect(after?.confidence ?? 0).toBeGreaterThan(before?.confidence ?? 1);
		expect(categoriser.exampleCount).toBe(EXAMPLES.length + 3);
		expect(() => categoriser.learn({ text, category: 'nope' })).toThrow(RangeError);
	});
});

describe('lexicon boost', () => {
	it('leans on the lexicon at cold start and on the data once trained', () => {
		const categoriser = createCategoriser();
		expect(categoriser.toJSON().state.lexiconBoost).toBe(2);
		categoriser.train(EXAMPLES);
		expect(categoriser.toJSON().state.lexiconBoost).toBe(1);
		// The configured options are kept, so a restored model retrains the same way.
		const restored = categoriserFromJSON(categoriser.toJSON());
		expect(restored.toJSON().state.options.lexiconBoost).toBe(1);
		expect(restored.toJSON().state.options.coldStartLexiconBoost).toBe(2);
		expect(restored.suggest('变压器太小，电压低')).toEqual(
			categoriser.suggest('变压器太小，电压低')
		);
	});

	it('scores models stored before the boost was recorded with their options', () => {
		const categoriser = createCategoriser({ lexiconBoost: 1.5 });
		categoriser.train(EXAMPLES);
		const json = categoriser.toJSON();
		delete json.state.lexiconBoost;
		expect(categoriserFromJSON(json).suggest('电压低')).toEqual(categoriser.suggest('电压低'));
	});
});
