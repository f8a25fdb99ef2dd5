import { describe, expect, it } from 'vitest';
import { countContentUnits, extractFeatures, normaliseText, splitRuns } from './tokenize';

describe('tokenize', () => {
	it('normalises full-width characters, case and common typos', () => {
		expect(normaliseText('ＡＰＰ电亚太低，申情增容')).toBe('app电压太低,申请增容');
		expect(normaliseText('冇电')).toBe('没电');
	});

	it('splits mixed Chinese, ASCII, digits and punctuation into runs', () => {
		expect(splitRuns('10kV线路离房子2.5米！用APP缴费')).toEqual([
			{ kind: 'number', text: '10' },
			{ kind: 'word', text: 'kv' },
			{ kind: 'cjk', text: '线路离房子' },
			{ kind: 'number', text: '2.5' },
			{ kind: 'cjk', text: '米' },
			{ kind: 'cjk', text: '用' },
			{ kind: 'word', text: 'app' },
			{ kind: 'cjk', text: '缴费' }
		]);
	});

	it('emits character 1–3-grams that never cross punctuation', () => {
		const features = extractFeatures('电压低，电压');
		expect(features.get('电压')).toBe(2);
		expect(features.get('电压低')).toBe(1);
		expect(features.get('低电')).toBeUndefined();
		expect(features.get('低')).toBe(1);
	});

	it('maps numbers to one token and keeps ASCII words whole', () => {
		const features = extractFeatures('95598打了3次 App');
		expect(features.get('#')).toBe(2);
		expect(features.get('app')).toBe(1);
		expect([...features.keys()].some((f) => f.includes('9'))).toBe(false);
	});

	it('copes with empty and blank text', () => {
		expect(extractFeatures('').size).toBe(0);
		expect(splitRuns('   ')).toEqual([]);
		expect(countContentUnits('无')).toBe(1);
		expect(countContentUnits('电压太低')).toBe(4);
	});
});
