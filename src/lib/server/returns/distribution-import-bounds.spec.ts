import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { DistributionRowInput } from '../../schemas/distribution';
import { createCampaign } from '../campaigns/campaigns';
import type { Database } from '../db';
import { distributions, type Campaign } from '../db/schema';
import { Invalid, TooLarge } from '../platform/errors';
import { UnstorableCell } from '../platform/tabular-files';
import { describeEachDatabase } from '../test/databases';
import { sheetXml, xlsxOf } from '../test/zip-files';
import { DISTRIBUTION_IMPORT_LIMITS, parseDistributionFile } from './distribution-import';
import { importDistributionRows } from './distribution-plan';

const csv = (text: string) => new TextEncoder().encode(text);

/** Issue 14's hostile uploads, each with the refusal it must get. */
function hostileFiles(): [string, Uint8Array, Error][] {
	const farRight: Record<string, string> = { XFD1: '渠道' };
	for (let r = 2; r <= 201; r++) farRight[`A${r}`] = 'paper';
	const bomb = sheetXml({ A1: '@' }).split('@');
	const hundredMb = Buffer.concat([
		Buffer.from(bomb[0]),
		Buffer.alloc(100 * 1024 * 1024, 'a'),
		Buffer.from(bomb[1])
	]);
	const rows = DISTRIBUTION_IMPORT_LIMITS.rows + 1;
	// One 900 KB text stored once in the shared strings (under every package limit: the part is
	// under 1 MB, so its compression ratio is not asked) and named by 40 cells: 36 M characters
	// once read, copied out of the worker as such. A few thousand cells would be gigabytes.
	const everyCell = Array.from(
		{ length: 20 },
		(_, r) =>
			`<row r="${r + 2}"><c r="A${r + 2}" t="s"><v>0</v></c><c r="B${r + 2}" t="s"><v>0</v></c></row>`
	).join('');
	const sharedBomb = xlsxOf(
		sheetXml({ A1: '渠道', B1: '发放数' }).replace('</sheetData>', `${everyCell}</sheetData>`),
		{},
		['a'.repeat(900 * 1024)]
	);
	return [
		['one shared string in every cell', sharedBomb, new TooLarge('import_too_large')],
		['header cell at XFD1', xlsxOf(sheetXml(farRight)), new TooLarge('import_too_many_columns')],
		['100 MB cell', xlsxOf(hundredMb), new TooLarge('import_too_large')],
		[
			'PK\\x03\\x04 then junk',
			csv('PK\x03\x04 and then no zip at all'),
			new Invalid('import_not_xlsx')
		],
		['NUL in a CSV cell', csv('渠道,发放数\npaper,1\u0000\n'), new UnstorableCell(2, 'B')],
		[
			'too many rows',
			csv(`渠道,发放数\n${'paper,1\n'.repeat(rows)}`),
			new TooLarge('import_too_many_rows')
		]
	];
}

describeEachDatabase(
	'distribution import bounds',
	(current) => {
		let campaign: Campaign;
		let files: ReturnType<typeof hostileFiles>;
		const stored = async (db: Database) => {
			const [{ n }] = await db
				.select({ n: count() })
				.from(distributions)
				.where(eq(distributions.campaignId, campaign.id));
			return n;
		};

		beforeAll(async () => {
			const { db } = current();
			campaign = await createCampaign(db, null, {
				title: '导入上限',
				slug: 'import-bounds',
				introduction: '',
				startsOn: null,
				endsOn: null,
				anonymous: true
			});
			files = hostileFiles();
		}, 60_000);

		it('refuses each hostile file quickly with its ServiceError and stores nothing', async () => {
			const { db } = current();
			const before = await stored(db);
			for (const [, bytes, refusal] of files) {
				const parse = parseDistributionFile(db, bytes);
				await expect(parse).rejects.toThrow(refusal);
				await expect(parse).rejects.toMatchObject({ status: (refusal as TooLarge).status });
			}
			expect(await stored(db)).toBe(before);
		}, 15_000);

		it('imports 8,200 rows in one transaction, in chunks under the parameter limit', async () => {
			const { db } = current();
			const before = await stored(db);
			const rows: DistributionRowInput[] = Array.from({ length: 8_200 }, (_, i) => ({
				groupId: null,
				unitId: null,
				areaId: null,
				channel: 'paper',
				issued: i + 1,
				issuedOn: null,
				note: `行 ${i + 1}`
			}));
			expect(await importDistributionRows(db, null, campaign, rows)).toBe(8_200);
			expect(await stored(db)).toBe(before + 8_200);
		}, 30_000);
	},
	{ demo: true }
);
