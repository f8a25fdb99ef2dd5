import { describe, expect, it } from 'vitest';
import { directionOf, filterForEarlier } from './comparison';

describe('comparison helpers', () => {
	it('reads a direction at the precision the change is shown', () => {
		expect(directionOf(null, 2)).toBeNull();
		expect(directionOf(0.004, 2)).toBe('same');
		expect(directionOf(-0.004, 2)).toBe('same');
		expect(directionOf(0.006, 2)).toBe('up');
		expect(directionOf(-0.006, 2)).toBe('down');
		expect(directionOf(0.04, 1)).toBe('same');
		expect(directionOf(-33.3, 1)).toBe('down');
	});

	it('keeps the filters another campaign shares and names the ones it does not', () => {
		expect(
			filterForEarlier({
				group: ['customer'],
				area: [3],
				unit: [4],
				channel: ['paper'],
				from: '2014-04-01',
				to: '2014-05-01',
				version: [2]
			})
		).toEqual({
			filter: { group: ['customer'], area: [3], unit: [4], channel: ['paper'] },
			notApplied: ['from', 'to', 'version']
		});
		expect(filterForEarlier({ version: [] })).toEqual({ filter: {}, notApplied: [] });
	});
});
