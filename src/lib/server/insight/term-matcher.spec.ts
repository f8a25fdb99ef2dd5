import { describe, expect, it } from 'vitest';
import { DEFAULT_CONCEPTS, matchConcepts, normaliseForDuplicates } from './concepts';
import { matchTopics } from './features';
import { DEFAULT_LEXICON } from './lexicon';
import { matchTermGroups } from './term-matcher';
import { normaliseText } from './tokenize';

const texts = [
	'停电通知只发户主，租房的人不知道',
	'村里变压器太小，晚上电压低，灯泡发红',
	'会议太多了，台账报表重复填报',
	'光伏并网流程太复杂哒，希望简化',
	'',
	'abc 123'
];

describe('matchTermGroups', () => {
	it('finds exactly the groups a naive includes() scan finds, in group order', () => {
		const groups = [['停电', '通知'], ['电压'], ['不存在的词'], ['通知单', '知']];
		for (const text of texts) {
			const naive = groups.flatMap((terms, g) => (terms.some((t) => text.includes(t)) ? [g] : []));
			expect(matchTermGroups(text, groups, () => groups)).toEqual(naive);
		}
	});

	it('treats an empty term as contained in every text (like includes)', () => {
		const groups = [[''], ['电']];
		expect(matchTermGroups('无', groups, () => groups)).toEqual([0]);
	});

	it('agrees with the naive scan for the built-in lexicon and concepts', () => {
		for (const text of texts) {
			const normalised = normaliseText(text);
			expect(matchTopics(text, DEFAULT_LEXICON).map((t) => t.id)).toEqual(
				DEFAULT_LEXICON.filter((t) => t.terms.some((term) => normalised.includes(term))).map(
					(t) => t.id
				)
			);
			const forDuplicates = normaliseForDuplicates(text);
			expect(matchConcepts(forDuplicates, DEFAULT_CONCEPTS)).toEqual(
				DEFAULT_CONCEPTS.filter((c) =>
					c.terms.some(
						(term) =>
							term.length > 0 && term.split('+').every((part) => forDuplicates.includes(part))
					)
				).map((c) => c.id)
			);
		}
	});
});
