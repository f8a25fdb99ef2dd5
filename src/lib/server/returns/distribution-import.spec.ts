import { expect, it } from 'vitest';
import { parseDistributionTable, type ImportNames } from './distribution-import';

const names: ImportNames = {
	groups: [{ id: 1, key: 'customer', nameZh: '电力客户', nameEn: 'Customers' }],
	units: [{ id: 2, name: '营销部' }],
	areas: [{ id: 3, name: '张坊' }]
};
const table = (text: string) => text.split('\n').map((line) => line.split(','));

it('reports every problem of every row, not only the first of each', () => {
	const { rows, problems } = parseDistributionTable(
		table(
			[
				'对象类别,区域,渠道,发放数,发放日期',
				'电力客户,张坊,纸质问卷,-3,2026-13-45',
				'火星人,月球,pigeon,12,2026-02-30',
				'电力客户,张坊,纸质问卷,10,2026-03-05'
			].join('\n')
		),
		names
	);
	expect(rows).toEqual([]);
	expect(problems).toEqual([
		{ line: 2, message: 'issued:issued_number' },
		{ line: 2, message: 'issuedOn:date_format' },
		{ line: 3, message: 'import_unknown_groupId:火星人' },
		{ line: 3, message: 'import_unknown_areaId:月球' },
		{ line: 3, message: 'channel:invalid' },
		{ line: 3, message: 'issuedOn:date_format' }
	]);
});

it('reads a clean table into rows, with dates written the usual ways', () => {
	const { rows, problems } = parseDistributionTable(
		table('group,area,channel,issued,date\n电力客户,张坊,paper,40,2024/2/29'),
		names
	);
	expect(problems).toEqual([]);
	expect(rows).toEqual([
		{
			groupId: 1,
			unitId: null,
			areaId: 3,
			channel: 'paper',
			issued: 40,
			issuedOn: '2024-02-29',
			note: ''
		}
	]);
});
