// The figures of one moment agree wherever they are shown: the weekly report, the overview (and the
// API that serves it), the queue and the weekly workbook (issue 13).
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { localDate } from '../../campaign-availability';
import { messages } from '../../i18n';
import { getCampaign } from '../campaigns/queries';
import { queryRows } from '../db';
import { describeEachDatabase } from '../test/databases';
import { listQueue } from './queries';
import { suggestionStats } from './reports';
import { addDays, weeklyReport, weekStart } from './weekly';
import { weeklyWorkbook } from './weekly-workbook';

const LEADER = { id: 0, role: 'leader' as const, unitId: null };
const daysBetween = (from: string, to: string) =>
	Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

describeEachDatabase(
	'figures',
	(current) => {
		let campaignId = 0;

		it('counts the current week’s overdue as of today, as the overview and the queue do', async () => {
			const { db } = current();
			campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			const today = localDate(new Date());
			const report = await weeklyReport(db, campaignId, today, { listLimit: null });
			const stats = await suggestionStats(db, campaignId);
			const queue = await listQueue(db, LEADER, { campaignId, overdue: true, pageSize: 200 });
			expect(stats.overdue).toBeGreaterThan(0);
			expect(report.totals.overdue).toBe(stats.overdue);
			expect(report.overdueTotal).toBe(queue.total);
			expect(report.overdueItems.map((i) => i.id).sort()).toEqual(
				queue.rows.map((r) => r.id).sort()
			);
			for (const item of report.overdueItems) {
				expect(item.deadline < today).toBe(true);
				expect(item.days).toBe(daysBetween(item.deadline, today));
			}
		});

		it('counts a past week’s overdue at the end of that week, in days as the queue would then', async () => {
			const { db } = current();
			// Last week's Wednesday: the demo's open items have deadlines from 20 days ago on.
			const day = addDays(weekStart(localDate(new Date())), -5);
			const counted = async (asOf: string, at: string) =>
				(
					await queryRows<{ n: number }>(
						db,
						sql.raw(`select count(*)::int as n from suggestions where campaign_id = ${campaignId} and merged_into is null
						and deadline < '${asOf}' and created_at < ${at}
						and not (status in ('resolved','planned','not_adopted') and closed_at < ${at})`)
					)
				)[0].n;

			const later = await weeklyReport(db, campaignId, day, { listLimit: null });
			const nextMonday = addDays(later.sunday, 1);
			expect(later.totals.overdue).toBe(
				await counted(nextMonday, `'${nextMonday}'::timestamp at time zone 'Asia/Shanghai'`)
			);
			expect(later.overdueItems.length).toBeGreaterThan(0);
			for (const item of later.overdueItems) {
				expect(item.days).toBe(daysBetween(item.deadline, nextMonday));
			}

			const noon = new Date(`${day}T12:00:00+08:00`);
			const then = await weeklyReport(db, campaignId, day, { listLimit: null, now: noon });
			expect(then.totals.overdue).toBe(await counted(day, `'${noon.toISOString()}'::timestamptz`));
			expect(then.overdueItems.length).toBeGreaterThan(0);
			for (const item of then.overdueItems) {
				expect(item.days).toBe(daysBetween(item.deadline, day));
			}
		});

		it('says an item without a deadline is not overdue (false, not null)', async () => {
			const { db } = current();
			const { rows } = await listQueue(db, LEADER, { campaignId, pageSize: 200, sort: 'old' });
			const undated = rows.filter((r) => r.deadline == null);
			expect(undated.length).toBeGreaterThan(0);
			for (const r of undated) expect(r.overdue).toBe(false);
			for (const r of rows.filter((x) => x.deadline != null)) {
				expect(typeof r.overdue).toBe('boolean');
			}
		});

		it('keys the statistics by department with unit ids and labels, as by category and status', async () => {
			const { db } = current();
			const stats = await suggestionStats(db, campaignId);
			for (const part of [stats.byCategory, stats.byStatus, stats.byDepartment]) {
				for (const row of part) {
					expect(Object.keys(row).sort()).toEqual(['count', 'key', 'label']);
					expect(typeof row.label).toBe('string');
					expect(row.key === null || typeof row.key === 'string').toBe(true);
				}
			}
			const [marketing] = await queryRows<{ id: number }>(
				db,
				sql`select id from units where name = '营销部'`
			);
			expect(stats.byDepartment).toContainEqual(
				expect.objectContaining({ key: String(marketing.id), label: '营销部' })
			);
		});

		it('writes the weekly workbook with a header on every table, date cells and numbers', async () => {
			const { db } = current();
			const report = await weeklyReport(db, campaignId, localDate(new Date()), { listLimit: null });
			const m = messages('zh-CN');
			const workbook = new ExcelJS.Workbook();
			await workbook.xlsx.load(
				(await weeklyWorkbook(report, '=浏阳 2014', 'zh-CN')) as unknown as ArrayBuffer
			);
			const sheet = workbook.worksheets[0];
			const rows: ExcelJS.Row[] = [];
			sheet.eachRow((row) => rows.push(row));
			const first = (text: string) => rows.findIndex((r) => r.getCell(1).value === text);
			// A title row, then the header row, for every table.
			for (const title of [
				m.reports.totals,
				m.reports.byDepartment,
				m.reports.byCategory,
				m.reports.overdueList,
				m.reports.closedList
			]) {
				const at = first(title);
				expect(at, title).toBeGreaterThanOrEqual(0);
				expect(rows[at + 1].font?.bold ?? rows[at + 1].getCell(2).font?.bold, title).toBe(true);
			}
			expect(rows[first(m.reports.byDepartment) + 1].getCell(2).value).toBe(m.reports.metrics.new);
			const overdueHeader = rows[first(m.reports.overdueList) + 1];
			expect(overdueHeader.getCell(3).value).toBe(m.suggestions.deadline);
			// The campaign title is text, not a formula and without a visible apostrophe.
			expect(rows[0].getCell(1).type).toBe(ExcelJS.ValueType.String);
			expect(String(rows[0].getCell(1).value).startsWith('=浏阳 2014')).toBe(true);
			const totals = rows[first(m.reports.totals) + 2];
			expect(totals.getCell(7).type).toBe(ExcelJS.ValueType.Number);
			expect(totals.getCell(7).value).toBe(report.totals.overdue);
			expect(report.overdueItems.length).toBeGreaterThan(0);
			const item = rows[first(m.reports.overdueList) + 2];
			expect(item.getCell(1).value).toBe(report.overdueItems[0].title);
			expect(item.getCell(3).type).toBe(ExcelJS.ValueType.Date);
			expect((item.getCell(3).value as Date).toISOString().slice(0, 10)).toBe(
				report.overdueItems[0].deadline
			);
			expect(item.getCell(3).numFmt).toBe('yyyy-mm-dd');
			expect(item.getCell(4).type).toBe(ExcelJS.ValueType.Number);
			expect(item.getCell(4).value).toBe(report.overdueItems[0].days);
			expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(30);
		});
	},
	{ demo: true }
);
