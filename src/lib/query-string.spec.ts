import { expect, it } from 'vitest';
import { withParams } from './query-string';

it('keeps the other parameters, replaces the one set and drops the ones named', () => {
	expect(withParams('?area=3&by=group&page=2', { page: '3' })).toBe('?area=3&by=group&page=3');
	expect(withParams('?area=3&by=group&min=5', { answered: 'q1' }, ['by', 'min'])).toBe(
		'?area=3&answered=q1'
	);
	expect(withParams('', { page: '1' })).toBe('?page=1');
});
