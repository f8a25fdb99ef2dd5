import { describe, expect, it } from 'vitest';
import { messages } from '../i18n';
import { filterInWords, type FilterNames } from './filter-words';

const names: FilterNames = {
	groups: [
		{ key: 'customer', nameZh: '电力客户', nameEn: 'Electricity customer' },
		{ key: 'retiree', nameZh: '离退休职工', nameEn: null }
	],
	areas: [{ id: 7, name: '张坊' }],
	units: [{ id: 3, name: '营销部' }],
	questions: [{ id: 'q1', title: '您的身份' }]
};

describe('filterInWords', () => {
	it('says nothing when nothing narrows or splits the responses', () => {
		expect(filterInWords({}, null, names, messages('zh-CN'), 'zh-CN')).toEqual([]);
	});

	it('names every filter in the reader’s language, then the breakdown', () => {
		const filter = {
			group: ['customer', 'retiree'],
			area: [7],
			unit: [3],
			channel: ['letter' as const],
			from: '2014-03-17',
			version: [2]
		};
		expect(filterInWords(filter, 'group', names, messages('zh-CN'), 'zh-CN')).toEqual([
			'对象类别：电力客户，离退休职工',
			'乡镇（街道）：张坊',
			'单位：营销部',
			'渠道：意见信函',
			'提交日期：2014-03-17 起',
			'问卷版本：第 2 版',
			'分组对比：对象类别'
		]);
		expect(
			filterInWords(
				{ group: ['customer', 'retiree'], to: '2014-08-17' },
				'question:q1',
				names,
				messages('en'),
				'en'
			)
		).toEqual([
			// A group without an English name keeps its Chinese one.
			'Respondent group: Electricity customer, 离退休职工',
			'Submitted: until 2014-08-17',
			'Compare by: 您的身份'
		]);
	});
});
