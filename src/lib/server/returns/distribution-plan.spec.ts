import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { createCampaign } from '../campaigns/campaigns';
import { distributions } from '../db/schema';
import { importDistributionRows, saveDistributionRow } from './distribution-plan';
import { parseDistributionFile } from './distribution-import';
import { describeEachDatabase } from '../test/databases';

const gb18030 = (text: string) => {
	// Node has no GB18030 encoder; these are the GBK bytes of the Chinese used below.
	const table: Record<string, number[]> = {
		对象类别: [0xb6, 0xd4, 0xcf, 0xf3, 0xc0, 0xe0, 0xb1, 0xf0],
		区域: [0xc7, 0xf8, 0xd3, 0xf2],
		渠道: [0xc7, 0xfe, 0xb5, 0xc0],
		发放数: [0xb7, 0xa2, 0xb7, 0xc5, 0xca, 0xfd],
		电力客户: [0xb5, 0xe7, 0xc1, 0xa6, 0xbf, 0xcd, 0xbb, 0xa7],
		张坊: [0xd5, 0xc5, 0xb7, 0xbb],
		意见箱: [0xd2, 0xe2, 0xbc, 0xfb, 0xcf, 0xe4]
	};
	const bytes: number[] = [];
	for (const part of text.split(/(对象类别|区域|渠道|发放数|电力客户|张坊|意见箱)/)) {
		if (table[part]) bytes.push(...table[part]);
		else bytes.push(...new TextEncoder().encode(part));
	}
	return new Uint8Array(bytes);
};

describeEachDatabase(
	'distribution plan',
	(current) => {
		it('imports UTF-8 and GB18030 CSV with Chinese names', async () => {
			const { db } = current();
			const utf8 = new TextEncoder().encode(
				'\uFEFF对象类别,区域,渠道,发放数,发放日期\n电力客户,张坊,意见箱,40,2014/3/5\n"职工群众",,纸质问卷,"12",\n'
			);
			const a = await parseDistributionFile(db, utf8);
			expect(a.problems).toEqual([]);
			expect(a.rows).toMatchObject([
				{ channel: 'suggestion_box', issued: 40, issuedOn: '2014-03-05' },
				{ channel: 'paper', issued: 12, areaId: null }
			]);
			const b = await parseDistributionFile(
				db,
				gb18030('对象类别,区域,渠道,发放数\r\n电力客户,张坊,意见箱,7\r\n')
			);
			expect(b.problems).toEqual([]);
			expect(b.rows[0]).toMatchObject({ channel: 'suggestion_box', issued: 7 });
			expect(b.rows[0].groupId).toBe(a.rows[0].groupId);
			expect(b.rows[0].areaId).toBe(a.rows[0].areaId);
		});

		it('reports every bad row by line number and stores nothing of that file', async () => {
			const { db } = current();
			const file = new TextEncoder().encode(
				'group,area,channel,issued\n电力客户,张坊,paper,10\n火星人,张坊,paper,5\n电力客户,月球,paper,5\n电力客户,张坊,pigeon,5\n电力客户,张坊,paper,-3\n'
			);
			const { rows, problems } = await parseDistributionFile(db, file);
			expect(rows).toEqual([]);
			expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
			expect(problems[0].message).toBe('import_unknown_groupId:火星人');
			expect(
				await parseDistributionFile(db, new TextEncoder().encode('foo,bar\n1,2\n'))
			).toMatchObject({ problems: [{ line: 1, message: 'import_header' }] });
		});

		it('reads XLSX the same way and imports all rows in one transaction', async () => {
			const { db } = current();
			const workbook = new ExcelJS.Workbook();
			const sheet = workbook.addWorksheet('发放');
			sheet.addRow(['对象类别', '单位', '渠道', '发放数', '备注']);
			sheet.addRow(['离退休职工', '人力资源部', '座谈会', 30, '重阳节座谈']);
			sheet.addRow(['employee', '营销部', 'paper', 8, '']);
			const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
			const { rows, problems } = await parseDistributionFile(db, bytes);
			expect(problems).toEqual([]);
			const campaign = await createCampaign(db, null, {
				title: '导入',
				slug: 'import-test',
				introduction: '',
				startsOn: null,
				endsOn: null,
				anonymous: true
			});
			expect(await importDistributionRows(db, null, campaign, rows)).toBe(2);
			const stored = await db
				.select()
				.from(distributions)
				.where(eq(distributions.campaignId, campaign.id));
			expect(stored.map((r) => [r.channel, r.issued, r.note])).toEqual([
				['forum', 30, '重阳节座谈'],
				['paper', 8, '']
			]);
			// A bad reference in a hand-edited row is refused and adds nothing.
			await expect(
				saveDistributionRow(db, null, campaign, null, {
					groupId: 99999,
					unitId: null,
					areaId: null,
					channel: 'paper',
					issued: 1,
					issuedOn: null,
					note: ''
				})
			).rejects.toMatchObject({ fields: { groupId: 'invalid' } });
			const [{ n }] = await db
				.select({ n: count() })
				.from(distributions)
				.where(eq(distributions.campaignId, campaign.id));
			expect(n).toBe(2);
		});
	},
	{ demo: true }
);
