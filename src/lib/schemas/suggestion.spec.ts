import { expect, it } from 'vitest';
import { mergeInput, titleInput } from './suggestion';

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

it('takes a title as one line of text, and refuses control characters and line breaks', () => {
	expect(titleInput.parse({ title: '  营业厅排队时间长  ' })).toEqual({
		title: '营业厅排队时间长'
	});
	for (const bad of ['\u0001\u001b[\u007f\u2028', 'a\nb', 'a\u2029b', 'tab\there', '\u0085x']) {
		const parsed = titleInput.safeParse({ title: bad });
		expect(parsed.success, JSON.stringify(bad)).toBe(false);
		expect(parsed.error?.issues[0].message).toBe('one_line');
		expect(mergeInput.safeParse({ title: bad }).success, JSON.stringify(bad)).toBe(false);
	}
	expect(titleInput.safeParse({ title: '   ' }).error?.issues[0].message).toBe('required');
});
