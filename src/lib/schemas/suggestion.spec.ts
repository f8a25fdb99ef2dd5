import { expect, it } from 'vitest';
import { mergeInput } from './suggestion';

it('reads the survivor of a merge: an id, or none for the default rule', () => {
	expect(mergeInput.parse({ survivorId: '12', title: ' 标题 ' })).toEqual({
		survivorId: 12,
		title: '标题'
	});
	expect(mergeInput.parse({ survivorId: '', title: '' })).toEqual({ survivorId: null, title: '' });
	expect(mergeInput.parse({})).toEqual({ survivorId: null, title: '' });
	for (const bad of ['x', '-1', '0', '1.5']) {
		expect(mergeInput.safeParse({ survivorId: bad }).success).toBe(false);
	}
});
