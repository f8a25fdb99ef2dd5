import { describe, expect, it } from 'vitest';
import { DEFAULT_PAIR_MODEL } from './pair-model-default';
import {
	buildHintIndexSteps,
	findHints,
	hintItem,
	HINT_FLOOR,
	HINT_WEAK_FLOOR,
	nearlySameWording,
	normaliseWording
} from './hints';
import { runSteps } from './steps';

describe('normaliseWording', () => {
	it('drops punctuation, symbols and spaces and makes full-width characters half-width', () => {
		expect(normaliseWording('建议开通 手机支付宝、微信交电费！')).toBe(
			'建议开通手机支付宝微信交电费'
		);
		expect(normaliseWording('ＡＰＰ上交１００元电费…')).toBe('app上交100元电费');
	});
});

describe('nearlySameWording', () => {
	it('accepts equal wordings and a few edits in a long one, not in a short one', () => {
		expect(nearlySameWording('低电压', '低电压')).toBe(true);
		expect(nearlySameWording('低电压', '高电压')).toBe(false);
		expect(nearlySameWording('建议开通手机支付宝微信交电费', '建议开通支付宝微信交电费')).toBe(
			true
		);
		expect(nearlySameWording('建议开通手机支付宝微信交电费', '建议开通微信交电费')).toBe(false);
		expect(nearlySameWording('', '')).toBe(false);
	});
});

describe('findHints', () => {
	const item = (id: string, text: string, township: string | null = null) =>
		hintItem({ id, title: text, texts: [text], township });
	const corpus = [
		item('a', '村里变压器太小，一到晚上电压就低，电饭煲都煮不熟饭', '沙市'),
		item('b', '建议开通手机支付宝微信交电费，在外打工的年轻人可以帮家里交', '官渡'),
		item('c', '停电前能不能提前发短信通知，上次停电冰箱里的肉都坏了', '永安'),
		// a long suggestion holding several answers, one of which is the copied one
		hintItem({
			id: 'd',
			title: '抢修太慢',
			texts: ['报修以后等了一个下午才来人', '晚上停电打电话没人接', '电工来了说没带材料又回去了'],
			township: '古港'
		})
	];
	const index = runSteps(buildHintIndexSteps(corpus, { pairModel: DEFAULT_PAIR_MODEL }));

	it('puts the same wording first, whatever the pair model scores it', () => {
		const copy = item('n', '晚上停电，打电话没人接！', '张坊');
		const hints = findHints(index, copy);
		expect(hints[0]).toMatchObject({ id: 'd', sameWords: true, likely: true });
		expect(hints.slice(1).every((h) => !h.sameWords)).toBe(true);
	});

	it('fills the places left with less likely hints, set apart, never below the weak floor', () => {
		const copy = item('n', '晚上停电，打电话没人接！', '沙市');
		const all = findHints(index, copy, 5, HINT_FLOOR, 0);
		const shown = findHints(index, copy);
		// The same-township item about low voltage scores between the two floors; the notice one below.
		const weak = all.filter((h) => h.score >= HINT_WEAK_FLOOR && h.score < HINT_FLOOR);
		const hidden = all.filter((h) => !h.sameWords && h.score < HINT_WEAK_FLOOR);
		expect(weak.map((h) => h.id)).toEqual(['a']);
		expect(hidden.map((h) => h.id)).toEqual(['c']);
		expect(shown.map((h) => [h.id, h.likely])).toEqual([
			['d', true],
			['a', false]
		]);
		// Likely hints keep their places: with one place, only the same-wording hint.
		expect(findHints(index, copy, 1).map((h) => h.id)).toEqual(['d']);
	});

	it('finds a near-verbatim copy of a long answer', () => {
		const copy = item('n', '建议开通手机支付宝、微信交电费，在外面打工的年轻人可以帮家里交');
		expect(findHints(index, copy)[0]).toMatchObject({ id: 'b', sameWords: true });
	});

	it('never offers an item as its own hint, nor more than asked', () => {
		const self = corpus[0];
		expect(findHints(index, self).map((h) => h.id)).not.toContain('a');
		expect(findHints(index, item('n', '村里变压器太小，电压低'), 1).length).toBeLessThanOrEqual(1);
	});
});

describe('buildHintIndexSteps with a categoriser', () => {
	it('gives uncategorised items the predicted categories, pausing as it goes', () => {
		const predictor = {
			distribution: () => [
				{ category: 'payment', confidence: 0.7 },
				{ category: 'other', confidence: 0.3 }
			]
		};
		const items = Array.from({ length: 450 }, (_, i) =>
			hintItem({ id: `u${i}`, title: `第${i}条`, texts: ['交电费不方便'] })
		);
		items.push({
			...hintItem({ id: 'c', title: '停电', texts: ['停电'] }),
			category: 'outage_notice'
		});
		const steps = buildHintIndexSteps(items, { categoriser: predictor });
		let pauses = 0;
		let step = steps.next();
		for (; !step.done; step = steps.next()) pauses++;
		const indexed = step.value.index.items;
		expect(pauses).toBeGreaterThanOrEqual(2);
		expect(indexed[0]).toMatchObject({ category: 'payment', categories: predictor.distribution() });
		expect(indexed[450]).toMatchObject({ category: 'outage_notice', categories: null });
	});
});
