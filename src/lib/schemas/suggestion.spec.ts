import { expect, it } from 'vitest';
import { groupInput, unitInput } from './admin';
import { campaignInput } from './campaign';
import { asOneLine } from './fields';
import { categoryInput, mergeInput, titleInput } from './suggestion';
import { titleFrom } from '../server/suggestions/items';

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

it('takes a title as one line of text, and refuses control characters, line breaks and direction overrides', () => {
	expect(titleInput.parse({ title: '  营业厅排队时间长  ' })).toEqual({
		title: '营业厅排队时间长'
	});
	for (const bad of [
		'\u0001\u001b[\u007f\u2028',
		'a\nb',
		'a\u2029b',
		'tab\there',
		'\u0085x',
		'营业厅\u202e排队时间长',
		'a\u2066b\u2069',
		'\u202ax'
	]) {
		const parsed = titleInput.safeParse({ title: bad });
		expect(parsed.success, JSON.stringify(bad)).toBe(false);
		expect(parsed.error?.issues[0].message).toBe('one_line');
		expect(mergeInput.safeParse({ title: bad }).success, JSON.stringify(bad)).toBe(false);
	}
	expect(titleInput.safeParse({ title: '   ' }).error?.issues[0].message).toBe('required');
});

it('keeps every one-line name and title free of what reverses the rest of a line (U+202A–202E, U+2066–2069)', () => {
	const names = ['\u202eevil', 'a\u2067b', '\u202bx\u202c'];
	for (const bad of names) {
		const campaign = campaignInput.safeParse({ title: bad, slug: 'ok-slug', anonymous: 'true' });
		expect(campaign.error?.issues.find((i) => i.path[0] === 'title')?.message).toBe('one_line');
		const group = groupInput.safeParse({ key: 'g', nameZh: bad, nameEn: 'x' });
		expect(group.error?.issues[0]).toMatchObject({ path: ['nameZh'], message: 'one_line' });
		const unit = unitInput.safeParse({ name: bad, kind: 'department' });
		expect(unit.error?.issues[0]).toMatchObject({ path: ['name'], message: 'one_line' });
		const category = categoryInput.safeParse({ key: 'k', nameZh: '分类', nameEn: bad });
		expect(category.error?.issues[0]).toMatchObject({ path: ['nameEn'], message: 'one_line' });
	}
	expect(
		campaignInput.safeParse({
			title: '浏阳 2015',
			slug: 'ok-slug',
			anonymous: 'true',
			startsOn: '',
			endsOn: ''
		}).success
	).toBe(true);
});

it('makes a title taken from what a respondent wrote one line, whatever it holds', () => {
	expect(asOneLine('a\u202e b\t\u2066c ')).toBe('a b c');
	expect(titleFrom('电压\u202e太低。空调开不起来')).toBe('电压 太低');
	expect(titleFrom('\n\u2067台区\u2069电压低')).toBe('台区 电压低');
});
